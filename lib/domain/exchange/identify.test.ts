import { describe, expect, it } from "vitest";
import { isSupportedOn, releasesOf, securityUpdatesFor, updatesOnRelease } from "./catalog";
import { identifyRelease } from "./identify";

const on = (day: string) => new Date(`${day}T12:00:00Z`);

describe("identifyRelease", () => {
  it.each([
    ["15.1.2176.9", "Exchange 2016", "CU19", "2020-12-15"],
    ["15.01.2176.009", "Exchange 2016", "CU19", "2020-12-15"],
    ["  15.1.2176  ", "Exchange 2016", "CU19", "2020-12-15"],
    ["15.1.225.16", "Exchange 2016", "RTM", "2015-10-01"],
    ["15.0.516.32", "Exchange 2013", "RTM", "2012-12-03"],
    ["15.0.847.64", "Exchange 2013", "SP1 (CU4)", "2014-02-25"],
    ["15.2.196.0", "Exchange 2019", "Preview", "2018-07-24"],
    ["15.2.221.18", "Exchange 2019", "RTM", "2018-10-22"],
    ["15.2.1748.43", "Exchange 2019", "CU15", "2025-02-10"],
    ["15.02.2562.037", "Exchange SE", "RTM", "2025-07-01"],
    ["14.3.513.0", "Exchange 2010", "SP3", "2013-02-12"],
    ["14.03.0123.004", "Exchange 2010", "SP3", "2013-02-12"],
    ["14.3.513", "Exchange 2010", "SP3", "2013-02-12"],
    ["14.1.438.0", "Exchange 2010", "SP1", "2010-08-23"],
    ["14.0.639.21", "Exchange 2010", "RTM", "2009-11-09"],
  ])("%s is %s %s, released %s", (text, product, release, released) => {
    const id = identifyRelease(text);
    expect(id.product).toBe(product);
    expect(id.release).toMatchObject({ product, name: release, released });
  });

  it("reads Exchange SE from 15.2 with a third part of 2562 or more, Exchange 2019 below", () => {
    expect(identifyRelease("15.2.2561.1").product).toBe("Exchange 2019");
    expect(identifyRelease("15.2.2562.1").product).toBe("Exchange SE");
    expect(identifyRelease("15.2.2600.1")).toMatchObject({ product: "Exchange SE", release: null });
  });

  it("keeps the product but no release when the identifying part matches none", () => {
    expect(identifyRelease("15.1.2177.1")).toMatchObject({ product: "Exchange 2016", release: null });
    expect(identifyRelease("14.4.1.1")).toMatchObject({ product: "Exchange 2010", release: null });
  });

  it.each(["15.3.100.1", "16.0.1.1", "8.3.517.0", "6.5.7654.4"])("%s is no known product", (text) => {
    expect(identifyRelease(text)).toMatchObject({ product: null, release: null });
  });

  it.each([null, "", "   ", "15.1", "v15.1.2176.9", "15.1.2176.9 CU19"])("%j is not a build", (text) => {
    expect(identifyRelease(text)).toMatchObject({ build: null, product: null, release: null });
  });

  it("knows every release, the ones CSS-Exchange lists and the RTMs and service packs it leaves out", () => {
    expect(releasesOf("Exchange 2010").map((r) => r.name)).toEqual(["RTM", "SP1", "SP2", "SP3"]);
    expect(releasesOf("Exchange 2013").map((r) => r.name)).toEqual(expect.arrayContaining(["RTM", "SP1 (CU4)", "CU23"]));
    expect(releasesOf("Exchange 2019").map((r) => r.name)).toEqual(expect.arrayContaining(["Preview", "RTM", "CU15"]));
    expect(releasesOf("Exchange SE").map((r) => r.name)).toEqual(["RTM"]);
  });
});

describe("support", () => {
  it.each([
    ["Exchange 2013", "2023-04-10", true],
    ["Exchange 2013", "2023-04-11", true],
    ["Exchange 2013", "2023-04-12", false],
    ["Exchange 2016", "2025-10-14", true],
    ["Exchange 2016", "2025-10-15", false],
    ["Exchange 2019", "2025-10-14", true],
    ["Exchange 2019", "2025-10-15", false],
    ["Exchange SE", "2025-10-15", true],
    ["Exchange 2010", "2020-10-13", true],
    ["Exchange 2010", "2020-10-14", false],
  ] as const)("%s is supported on %s: %s", (product, day, supported) => {
    expect(isSupportedOn(product, on(day))).toBe(supported);
  });

  it("uses the UTC day", () => {
    expect(isSupportedOn("Exchange 2013", new Date("2023-04-11T23:59:59Z"))).toBe(true);
    expect(isSupportedOn("Exchange 2013", new Date("2023-04-12T00:00:00Z"))).toBe(false);
  });
});

describe("security updates of a product", () => {
  it("counts a re-release once and leaves hotfix updates out", () => {
    const names = securityUpdatesFor("Exchange 2016").map((u) => u.name);
    expect(names).toContain("Aug23SU");
    expect(names).toContain("Nov24SU");
    expect(names.filter((n) => n.endsWith("v2") || n.endsWith("HU"))).toEqual([]);
  });

  it("lists Exchange SE's own SUs only", () => {
    expect(securityUpdatesFor("Exchange SE").map((u) => u.name)).toEqual(["Aug25SU", "Oct25SU", "Dec25SU", "Feb26SU"]);
  });

  it("has none for Exchange 2010", () => {
    expect(securityUpdatesFor("Exchange 2010")).toEqual([]);
  });

  it("lists a release's updates oldest first, re-releases and hotfixes included", () => {
    const cu14 = releasesOf("Exchange 2019").find((r) => r.name === "CU14")!;
    expect(updatesOnRelease(cu14).map((u) => u.name)).toEqual([
      "Mar24SU", "Apr24HU", "Nov24SU", "Nov24SUv2", "Apr25HU", "May25HU", "Aug25SU", "Sep25HU", "Oct25SU", "Dec25SU", "Feb26SU",
    ]);
  });
});
