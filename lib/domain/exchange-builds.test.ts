import { describe, expect, it } from "vitest";
// Parsing and comparing builds are tested next to their code, lib/domain/exchange/build-number.test.ts.
import { compareBuilds, findCumulativeUpdate, identifyBuild, parseBuild, productOf } from "./exchange-builds";
import { CUMULATIVE_UPDATES } from "./exchange-cumulative-updates";

function parsed(text: string) {
  const b = parseBuild(text);
  if (!b) throw new Error(`test build did not parse: ${text}`);
  return b;
}

describe("identifyBuild", () => {
  it.each([
    ["15.1.2176.9", "Exchange 2016", "CU19"],
    ["15.1.2176.2", "Exchange 2016", "CU19"],
    ["15.1.2176", "Exchange 2016", "CU19"],
    ["15.1.1261.35", "Exchange 2016", "CU7"],
    ["15.1.1034.26", "Exchange 2016", "CU6"],
    ["15.1.225.16", "Exchange 2016", "RTM"],
    ["15.0.847.32", "Exchange 2013", "SP1 (CU4)"],
    ["15.0.1497.12", "Exchange 2013", "CU23"],
    ["15.2.221.18", "Exchange 2019", "RTM"],
    ["15.2.196.0", "Exchange 2019", "Preview"],
    ["15.2.1748.10", "Exchange 2019", "CU15"],
    ["15.2.2562.17", "Exchange SE", "RTM"],
    ["14.3.123.4", "Exchange 2010", "SP3"],
    ["14.3.513.0", "Exchange 2010", "SP3"],
    ["14.2.390.3", "Exchange 2010", "SP2"],
    ["14.1.438.0", "Exchange 2010", "SP1"],
    ["14.0.639.21", "Exchange 2010", "RTM"],
  ])("%s is %s %s", (text, product, cumulativeUpdate) => {
    expect(identifyBuild(parsed(text))).toEqual({ product, cumulativeUpdate });
  });

  it("keeps the product but no CU when the third part matches no known CU", () => {
    expect(identifyBuild(parsed("15.1.2177.1"))).toEqual({ product: "Exchange 2016", cumulativeUpdate: null });
    expect(identifyBuild(parsed("15.2.1000.1"))).toEqual({ product: "Exchange 2019", cumulativeUpdate: null });
    expect(identifyBuild(parsed("15.2.2600.1"))).toEqual({ product: "Exchange SE", cumulativeUpdate: null });
  });

  it.each(["15.3.100.1", "16.0.1.1", "8.3.517.0", "14.4.1.1", "6.5.7654.4"])("%s is no known product", (text) => {
    expect(identifyBuild(parsed(text))).toEqual({ product: null, cumulativeUpdate: null });
  });
});

describe("the cumulative update table", () => {
  it.each(CUMULATIVE_UPDATES.map((u) => [u.product, u.name, u.baseBuild]))(
    "%s %s (%s) parses, has four parts and is identified as itself",
    (product, name, baseBuild) => {
      const b = parsed(baseBuild);
      expect(b.revision).not.toBeNull();
      expect(b.text).toBe(baseBuild);
      expect(productOf(b.major, b.minor, b.build)).toBe(product);
      expect(findCumulativeUpdate(b)).toMatchObject({ product, name });
    },
  );

  it("has no two releases of a product with the same name", () => {
    const keys = CUMULATIVE_UPDATES.map((u) => `${u.product} ${u.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("lists every CU of 2013, 2016 and 2019", () => {
    const names = (product: string) => CUMULATIVE_UPDATES.filter((u) => u.product === product).map((u) => u.name);
    const cus = (n: number) => Array.from({ length: n }, (_, i) => `CU${i + 1}`);
    expect(names("Exchange 2013")).toEqual(["RTM", ...cus(23).map((c) => (c === "CU4" ? "SP1 (CU4)" : c))]);
    expect(names("Exchange 2016")).toEqual(["RTM", ...cus(23)]);
    expect(names("Exchange 2019")).toEqual(["Preview", "RTM", ...cus(15)]);
    expect(names("Exchange SE")).toEqual(["RTM"]);
    expect(names("Exchange 2010")).toEqual(["RTM", "SP1", "SP2", "SP3"]);
  });

  it("lists each product's releases in build order", () => {
    for (const product of new Set(CUMULATIVE_UPDATES.map((u) => u.product))) {
      const builds = CUMULATIVE_UPDATES.filter((u) => u.product === product).map((u) => parsed(u.baseBuild));
      for (let i = 1; i < builds.length; i++) expect(compareBuilds(builds[i - 1], builds[i])).toBeLessThan(0);
    }
  });
});
