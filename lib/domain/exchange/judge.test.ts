import { describe, expect, it } from "vitest";
import { mustParseBuild } from "./build-number";
import { releasesOf, thresholdOf, updateBuilds, updateNamed } from "./catalog";
import { UPDATE_BUILDS } from "./exchange-data.generated";
import { judgeSecurityUpdate } from "./judge";

// The SUs that fix the named emergencies: CVE-2020-0688, ProxyLogon, ProxyShell, CVE-2021-42321, ProxyNotShell.
const CAMPAIGN_SUS = ["Feb20SU", "Mar21SU", "Apr21SU", "May21SU", "Nov21SU", "Nov22SU"];
const withRevision = (build: string, delta: number) => {
  const b = mustParseBuild(build);
  return `${b.major}.${b.minor}.${b.build}.${(b.revision ?? 0) + delta}`;
};
const threeParts = (build: string) => build.split(".").slice(0, 3).join(".");
const longForm = (build: string) => {
  const [a, b, c, d] = build.split(".");
  return `${a}.${b.padStart(2, "0")}.${c.padStart(4, "0")}.${d.padStart(3, "0")}`;
};
const verdict = (build: string | null, su: string) => judgeSecurityUpdate(build, su).verdict;

// Every row of builds.tsv (and the Microsoft additions) for these SUs: one release x one SU x one source.
const ROWS = UPDATE_BUILDS.filter((u) => CAMPAIGN_SUS.includes(u.update)).map((u) => {
  const release = releasesOf(u.product).find((r) => r.name === u.release)!;
  const threshold = thresholdOf(updateBuilds(release, u.update))!.text;
  return [u.update, u.product, u.release, u.build, u.source, threshold] as const;
});

describe.each(ROWS)("%s on %s %s: %s (%s)", (su, product, release, build, _source, threshold) => {
  it("is vulnerable one revision below the source's build", () => {
    expect(judgeSecurityUpdate(withRevision(build, -1), su)).toMatchObject({ verdict: "vulnerable", basis: "update-build", product, release });
  });
  it("is fixed at the highest source's build and above, never below it", () => {
    expect(judgeSecurityUpdate(threshold, su)).toMatchObject({ verdict: "fixed", fixBuild: { build: threshold } });
    expect(verdict(withRevision(threshold, 1), su)).toBe("fixed");
    expect(verdict(withRevision(threshold, -1), su)).toBe("vulnerable");
    expect(verdict(build, su)).toBe(build === threshold ? "fixed" : "vulnerable");
  });
  it("reads the long form like the short one", () => {
    expect(verdict(longForm(threshold), su)).toBe("fixed");
    expect(verdict(longForm(withRevision(threshold, -1)), su)).toBe("vulnerable");
  });
  it("cannot tell from three parts", () => {
    expect(judgeSecurityUpdate(threeParts(build), su)).toMatchObject({ verdict: "undetermined", basis: "cannot-tell", product, release });
  });
  it("says what to install", () => {
    expect(judgeSecurityUpdate(withRevision(threshold, -1), su).install).toBe(
      `Install ${su} for ${product} ${release} (build ${threshold} or later).`,
    );
  });
});

// Every release of a product with the SU's rows that has no row itself: rule 2 or 3 by its release date, even
// from three parts.
const OTHER_RELEASES = CAMPAIGN_SUS.flatMap((su) => {
  const products = [...new Set(UPDATE_BUILDS.filter((u) => u.update === su).map((u) => u.product)), "Exchange SE" as const];
  return products.flatMap((product) =>
    releasesOf(product)
      .filter((r) => updateBuilds(r, su).length === 0)
      .map((r) => [su, product, r.name, r.baseBuild, r.released > updateNamed(su)!.released ? "fixed" : "vulnerable"] as const),
  );
});

describe("releases without a build of the SU", () => {
  it.each(OTHER_RELEASES)("%s on %s %s (%s) is %s by its release date", (su, _product, _release, base, expected) => {
    const judged = judgeSecurityUpdate(base, su);
    expect(judged).toMatchObject({ verdict: expected, basis: expected === "fixed" ? "release-includes" : "release-predates", fixBuild: null });
    expect(verdict(threeParts(base), su)).toBe(expected);
    expect(verdict(withRevision(base, 50), su)).toBe(expected);
  });
});

describe("judgeSecurityUpdate by hand-picked cases", () => {
  // From shared/reference/exchange/README.md (the CVE records' thresholds for ProxyShell = Apr21SU).
  it.each([
    ["15.0.1497.15", "Exchange 2013", "CU23"],
    ["15.1.2176.12", "Exchange 2016", "CU19"],
    ["15.1.2242.8", "Exchange 2016", "CU20"],
    ["15.2.792.13", "Exchange 2019", "CU8"],
    ["15.2.858.10", "Exchange 2019", "CU9"],
  ])("Apr21SU is %s on %s %s", (fixed, product, release) => {
    expect(judgeSecurityUpdate(fixed, "Apr21SU")).toMatchObject({ verdict: "fixed", product, release, fixBuild: { build: fixed } });
    expect(verdict(withRevision(fixed, -1), "Apr21SU")).toBe("vulnerable");
  });

  it("rule 2: Exchange 2016 CU21 (2021-06-29) includes Apr21SU and May21SU", () => {
    for (const su of ["Apr21SU", "May21SU"]) {
      expect(judgeSecurityUpdate("15.1.2308.8", su)).toMatchObject({ verdict: "fixed", basis: "release-includes" });
    }
    expect(judgeSecurityUpdate("15.1.2308.8", "Apr21SU").install).toBe("Exchange 2016 CU21 includes Apr21SU: nothing to install.");
  });

  it("rule 3: an old CU never got the SU, and the advice names a CU that did and one that includes it", () => {
    const judged = judgeSecurityUpdate("15.1.1261.35", "Apr21SU");
    expect(judged).toMatchObject({ verdict: "vulnerable", basis: "release-predates", product: "Exchange 2016", release: "CU7" });
    expect(judged.install).toBe(
      "Update to Exchange 2016 CU20 and install Apr21SU (build 15.1.2242.8 or later), or update to Exchange 2016 CU21 or later, which include it.",
    );
    expect(judgeSecurityUpdate("15.0.1365.1", "Feb20SU").install).toBe("Update to Exchange 2013 CU23 and install Feb20SU (build 15.0.1497.6 or later).");
  });

  it("keeps both sources for 2016 CU8 and CU9 and says they disagree: 15.1.1415.9 is not fixed for Mar21SU", () => {
    const judged = judgeSecurityUpdate("15.1.1415.9", "Mar21SU");
    expect(judged).toMatchObject({ verdict: "vulnerable", fixBuild: { build: "15.1.1415.10", sourcesDisagree: true } });
    expect(judged.fixBuild?.sources).toEqual([
      { build: "15.1.1415.8", source: "CSS-Exchange" },
      { build: "15.1.1415.10", source: "Microsoft's build-number page" },
    ]);
    expect(judged.reason).toContain("Sources disagree on this update's build: 15.1.1415.8 (CSS-Exchange) and 15.1.1415.10");
    expect(verdict("15.1.1415.8", "Mar21SU")).toBe("vulnerable");
    expect(verdict("15.1.1415.10", "Mar21SU")).toBe("fixed");
    expect(verdict("15.1.1466.13", "Mar21SU")).toBe("vulnerable");
    expect(verdict("15.1.1466.16", "Mar21SU")).toBe("fixed");
    expect(judgeSecurityUpdate("15.1.2176.9", "Mar21SU").fixBuild?.sourcesDisagree).toBe(false);
  });

  it("uses Microsoft's builds where CSS-Exchange has none: 2013 SP1 and 2019 RTM", () => {
    expect(judgeSecurityUpdate("15.0.847.64", "Mar21SU")).toMatchObject({ verdict: "fixed", release: "SP1 (CU4)" });
    expect(verdict("15.0.847.63", "Mar21SU")).toBe("vulnerable");
    expect(judgeSecurityUpdate("15.2.221.18", "Mar21SU")).toMatchObject({ verdict: "fixed", release: "RTM" });
    expect(verdict("15.2.221.17", "Mar21SU")).toBe("vulnerable");
  });

  it("a CU that shipped with the SU has it whatever the revision says, even from three parts", () => {
    expect(judgeSecurityUpdate("15.0.1473.3", "Feb19SU")).toMatchObject({ verdict: "fixed", basis: "update-build" });
    expect(verdict("15.0.1473", "Feb19SU")).toBe("fixed");
  });

  it("Exchange SE includes every fix released before it", () => {
    for (const su of CAMPAIGN_SUS) {
      expect(judgeSecurityUpdate("15.2.2562.17", su)).toMatchObject({ verdict: "fixed", basis: "release-includes", product: "Exchange SE" });
    }
    expect(judgeSecurityUpdate("15.2.2562.17", "Aug25SU")).toMatchObject({ verdict: "vulnerable", basis: "update-build" });
    expect(verdict("15.2.2562.20", "Aug25SU")).toBe("fixed");
  });

  it.each([
    [null, "No build number was reported"],
    ["", "No build number was reported"],
    ["15.1", "is not a valid Exchange build number"],
    ["16.0.1.1", "Unknown build 16.0.1.1"],
    ["15.1.2177.1", "matches no known release of Exchange 2016"],
    ["15.2.2600.1", "matches no known release of Exchange SE"],
  ])("%j is undetermined, never fixed", (build, reason) => {
    const judged = judgeSecurityUpdate(build, "Mar21SU");
    expect(judged).toMatchObject({ verdict: "undetermined", basis: "cannot-tell" });
    expect(judged.reason).toContain(reason);
  });

  it("Exchange 2010 is undetermined without the caller's rollup rule, and judged by it when given", () => {
    expect(judgeSecurityUpdate("14.3.513.0", "Mar21SU")).toMatchObject({ verdict: "undetermined", product: "Exchange 2010", release: "SP3" });
    const updateRollups = [{ product: "Exchange 2010" as const, release: "SP3", build: "14.3.513.0", name: "Update Rollup 32 (KB5000978)", source: "campaign" }];
    const judge = (build: string) => judgeSecurityUpdate(build, "Mar21SU", { updateRollups });
    expect(judge("14.3.513.0")).toMatchObject({ verdict: "fixed", basis: "rollup-rule", fixBuild: { build: "14.3.513.0" } });
    expect(judge("14.3.509.0")).toMatchObject({ verdict: "vulnerable", install: "Install Update Rollup 32 (KB5000978) for Exchange 2010 SP3 (build 14.3.513.0 or later)." });
    expect(judge("14.3.513")).toMatchObject({ verdict: "fixed" });
    expect(judge("14.2.390.3")).toMatchObject({ verdict: "vulnerable", install: "Install Exchange 2010 SP3, then Update Rollup 32 (KB5000978)." });
    expect(judge("14.4.1.1")).toMatchObject({ verdict: "undetermined" });
    expect(judgeSecurityUpdate("15.1.2176.9", "Mar21SU", { updateRollups }).basis).toBe("update-build");
  });

  it("judges a hotfix update that fixes a CVE like an SU", () => {
    expect(verdict("15.1.2507.55", "Apr25HU")).toBe("fixed");
    expect(verdict("15.1.2507.44", "Apr25HU")).toBe("vulnerable");
  });

  it("judges an SU by its original release; the v2 re-release is not needed", () => {
    expect(verdict("15.1.2507.31", "Aug23SU")).toBe("fixed");
    expect(verdict("15.1.2507.31", "Aug23SUv2")).toBe("vulnerable");
  });

  it("throws on an update the data does not know", () => {
    expect(() => judgeSecurityUpdate("15.1.2176.9", "Mar99SU")).toThrow(/Unknown update "Mar99SU"/);
  });
});
