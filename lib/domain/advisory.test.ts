import { describe, expect, it } from "vitest";
import { highestFixedBuild, judgeBuild, type Advisory } from "./advisory";
import { PROXYLOGON } from "./advisories/proxylogon";
import { CUMULATIVE_UPDATES } from "./exchange-cumulative-updates";

// An independent copy of the table in /work/shared/reference/proxylogon.md, so a typo in the advisory data
// fails a test instead of being checked against itself. For CU8/CU9 `fixed` is the higher source's build.
const SU_ROWS: [product: string, cu: string, base: string, fixed: string][] = [
  ["Exchange 2013", "SP1 (CU4)", "15.0.847.32", "15.0.847.64"],
  ["Exchange 2013", "CU21", "15.0.1395.4", "15.0.1395.12"],
  ["Exchange 2013", "CU22", "15.0.1473.3", "15.0.1473.6"],
  ["Exchange 2013", "CU23", "15.0.1497.2", "15.0.1497.12"],
  ["Exchange 2016", "CU8", "15.1.1415.2", "15.1.1415.10"],
  ["Exchange 2016", "CU9", "15.1.1466.3", "15.1.1466.16"],
  ["Exchange 2016", "CU10", "15.1.1531.3", "15.1.1531.12"],
  ["Exchange 2016", "CU11", "15.1.1591.10", "15.1.1591.18"],
  ["Exchange 2016", "CU12", "15.1.1713.5", "15.1.1713.10"],
  ["Exchange 2016", "CU13", "15.1.1779.2", "15.1.1779.8"],
  ["Exchange 2016", "CU14", "15.1.1847.3", "15.1.1847.12"],
  ["Exchange 2016", "CU15", "15.1.1913.5", "15.1.1913.12"],
  ["Exchange 2016", "CU16", "15.1.1979.3", "15.1.1979.8"],
  ["Exchange 2016", "CU17", "15.1.2044.4", "15.1.2044.13"],
  ["Exchange 2016", "CU18", "15.1.2106.2", "15.1.2106.13"],
  ["Exchange 2016", "CU19", "15.1.2176.2", "15.1.2176.9"],
  ["Exchange 2019", "RTM", "15.2.221.12", "15.2.221.18"],
  ["Exchange 2019", "CU1", "15.2.330.5", "15.2.330.11"],
  ["Exchange 2019", "CU2", "15.2.397.3", "15.2.397.11"],
  ["Exchange 2019", "CU3", "15.2.464.5", "15.2.464.15"],
  ["Exchange 2019", "CU4", "15.2.529.5", "15.2.529.13"],
  ["Exchange 2019", "CU5", "15.2.595.3", "15.2.595.8"],
  ["Exchange 2019", "CU6", "15.2.659.4", "15.2.659.12"],
  ["Exchange 2019", "CU7", "15.2.721.2", "15.2.721.13"],
  ["Exchange 2019", "CU8", "15.2.792.3", "15.2.792.10"],
];
const FIXED_AT_BASE: [product: string, cu: string, base: string][] = [
  ["Exchange 2016", "CU20", "15.1.2242.4"],
  ["Exchange 2016", "CU21", "15.1.2308.8"],
  ["Exchange 2016", "CU22", "15.1.2375.7"],
  ["Exchange 2016", "CU23", "15.1.2507.6"],
  ["Exchange 2019", "CU9", "15.2.858.5"],
  ["Exchange 2019", "CU10", "15.2.922.7"],
  ["Exchange 2019", "CU11", "15.2.986.5"],
  ["Exchange 2019", "CU12", "15.2.1118.7"],
  ["Exchange 2019", "CU13", "15.2.1258.12"],
  ["Exchange 2019", "CU14", "15.2.1544.4"],
  ["Exchange 2019", "CU15", "15.2.1748.10"],
  ["Exchange SE", "RTM", "15.2.2562.17"],
];

const judge = (build: string | null) => judgeBuild(build, PROXYLOGON);
const withRevision = (build: string, delta: number) => {
  const parts = build.split(".");
  return [...parts.slice(0, 3), Number(parts[3]) + delta].join(".");
};
const threeParts = (build: string) => build.split(".").slice(0, 3).join(".");

describe("ProxyLogon advisory data", () => {
  it.each(SU_ROWS)("%s %s has a security update row fixed at %s..%s", (product, cu, _base, fixed) => {
    const row = PROXYLOGON.securityUpdates.find((r) => r.product === product && r.cumulativeUpdate === cu);
    expect(row).toBeDefined();
    expect(highestFixedBuild(row!).text).toBe(fixed);
  });

  it("has no row missing from the reference table", () => {
    expect(PROXYLOGON.securityUpdates).toHaveLength(SU_ROWS.length);
  });

  it("keeps both sources' values where they disagree", () => {
    const cu8 = PROXYLOGON.securityUpdates.find((r) => r.product === "Exchange 2016" && r.cumulativeUpdate === "CU8");
    expect(cu8?.fixedBuilds.map((f) => f.build).sort()).toEqual(["15.1.1415.10", "15.1.1415.8"]);
  });
});

describe.each(SU_ROWS)("%s %s (base %s, March 2021 SU %s)", (product, cu, base, fixed) => {
  it("is patched at the SU build", () => {
    expect(judge(fixed)).toMatchObject({ status: "patched", product, cumulativeUpdate: cu });
  });
  it("is patched above the SU build", () => {
    expect(judge(withRevision(fixed, 1)).status).toBe("patched");
  });
  it("is unpatched one revision below the SU build", () => {
    const verdict = judge(withRevision(fixed, -1));
    expect(verdict).toMatchObject({ status: "unpatched", product, cumulativeUpdate: cu });
    expect(verdict.reason).toContain(`install KB5000871`);
  });
  it("is unpatched at the CU base build", () => {
    expect(judge(base)).toMatchObject({ status: "unpatched", product, cumulativeUpdate: cu });
  });
  it("is unknown from a three-part build", () => {
    const verdict = judge(threeParts(base));
    expect(verdict).toMatchObject({ status: "unknown", product, cumulativeUpdate: cu });
    expect(verdict.reason).toContain("only three parts");
  });
});

describe("sources that disagree (Exchange 2016 CU8, CU9)", () => {
  it.each(["15.1.1415.8", "15.1.1415.9", "15.1.1466.13", "15.1.1466.14", "15.1.1466.15"])(
    "%s, patched per CSS-Exchange only, is unpatched",
    (build) => {
      const verdict = judge(build);
      expect(verdict.status).toBe("unpatched");
      expect(verdict.reason).toMatch(/Sources disagree/);
      expect(verdict.reason).toContain("CSS-Exchange");
      expect(verdict.reason).toContain("Microsoft's build-number page");
      expect(verdict.reason).toContain("the higher build");
    },
  );

  it("names both values and sources when patched", () => {
    expect(judge("15.1.1415.10").reason).toBe(
      "Exchange 2016 CU8, build 15.1.1415.10 is at or above 15.1.1415.10, the March 2021 security update for CU8 " +
        "(KB5000871). Sources disagree on this security update's build: 15.1.1415.8 (CSS-Exchange) and " +
        "15.1.1415.10 (Microsoft's build-number page); the higher build, 15.1.1415.10, is used, so a server is " +
        "shown patched only when every source agrees.",
    );
  });
});

describe.each(FIXED_AT_BASE)("%s %s (released with the fix)", (product, cu, base) => {
  it.each([base, withRevision(base, 7), threeParts(base)])("%s is patched", (build) => {
    expect(judge(build)).toMatchObject({ status: "patched", product, cumulativeUpdate: cu });
  });
});

describe("CUs too old to have a March 2021 security update", () => {
  const covered = new Set([...SU_ROWS, ...FIXED_AT_BASE].map(([product, cu]) => `${product} ${cu}`));
  const old = CUMULATIVE_UPDATES.filter((u) => u.product !== "Exchange 2010" && !covered.has(`${u.product} ${u.name}`));

  it.each(old.map((u) => [u.product, u.name, u.baseBuild]))("%s %s (%s) is unpatched", (product, cu, base) => {
    const verdict = judge(base);
    expect(verdict).toMatchObject({ status: "unpatched", product, cumulativeUpdate: cu });
    expect(verdict.reason).toContain("no security update exists for this CU: update to a supported CU, then install KB5000871");
  });

  it("includes 15.1.1261.35 (Exchange 2016 CU7), also from three parts", () => {
    expect(judge("15.1.1261.35")).toMatchObject({ status: "unpatched", cumulativeUpdate: "CU7" });
    expect(judge("15.1.1261").status).toBe("unpatched");
  });
});

describe("Exchange 2010", () => {
  it.each(["14.3.513.0", "14.3.513.1", "14.3.514.0", "14.3.513"])("SP3 %s is patched", (build) => {
    const verdict = judge(build);
    expect(verdict).toMatchObject({ status: "patched", product: "Exchange 2010", cumulativeUpdate: "SP3" });
    expect(verdict.reason).toContain("CVE-2021-26857 only");
  });

  it.each(["14.3.509.0", "14.3.512.99", "14.3.123.4", "14.3.496"])("SP3 %s is unpatched", (build) => {
    const verdict = judge(build);
    expect(verdict).toMatchObject({ status: "unpatched", cumulativeUpdate: "SP3" });
    expect(verdict.reason).toContain("install Update Rollup 32 (KB5000978)");
    expect(verdict.reason).toContain("CVE-2021-26857 only");
  });

  it.each([["14.2.390.3", "SP2"], ["14.1.438.0", "SP1"], ["14.0.639.21", "RTM"]])(
    "%s (%s) is unpatched: install SP3 and Update Rollup 32",
    (build, sp) => {
      const verdict = judge(build);
      expect(verdict).toMatchObject({ status: "unpatched", product: "Exchange 2010", cumulativeUpdate: sp });
      expect(verdict.reason).toContain("install Exchange 2010 SP3, then Update Rollup 32 (KB5000978)");
    },
  );
});

describe("builds that cannot be judged", () => {
  it.each(["15.1.2177.1", "15.0.1400.1", "15.2.2600.1"])("%s matches no known CU: unknown build", (build) => {
    const verdict = judge(build);
    expect(verdict.status).toBe("unknown");
    expect(verdict.product).not.toBeNull();
    expect(verdict.cumulativeUpdate).toBeNull();
    expect(verdict.reason).toContain("unknown build");
  });

  it.each(["8.3.517.0", "15.3.1.1"])("%s is no known Exchange version", (build) => {
    expect(judge(build)).toMatchObject({ status: "unknown", product: null, cumulativeUpdate: null });
  });

  it.each([null, "", "  ", "abc", "15.1", "15.1.2176.9.1", "15.1.2176.x"])("%j is unknown", (build) => {
    expect(judge(build)).toMatchObject({ status: "unknown", product: null, cumulativeUpdate: null });
  });
});

describe("reason text", () => {
  it("explains an unpatched CU19", () => {
    expect(judge("15.1.2176.2").reason).toBe(
      "Exchange 2016 CU19, build 15.1.2176.2 is below 15.1.2176.9, the March 2021 security update for CU19: install KB5000871.",
    );
  });

  it("explains a patched CU19", () => {
    expect(judge("15.1.2176.9").reason).toBe(
      "Exchange 2016 CU19, build 15.1.2176.9 is at or above 15.1.2176.9, the March 2021 security update for CU19 (KB5000871).",
    );
  });

  it("uses the normalised build", () => {
    expect(judge(" 15.01.2176.009 ").reason).toContain("build 15.1.2176.9 is at or above");
  });
});

describe("the engine is generic", () => {
  const LATER: Advisory = {
    ...PROXYLOGON,
    id: "example",
    securityUpdate: { name: "the example update", kb: "KB0000001" },
    securityUpdates: [{ product: "Exchange 2019", cumulativeUpdate: "CU8", fixedBuilds: [{ build: "15.2.792.13", source: "X" }] }],
    fixedFrom: [{ product: "Exchange 2019", from: "CU9", source: "X" }],
    servicePackRules: [],
  };

  it("judges from the advisory's data only", () => {
    expect(judgeBuild("15.2.792.10", LATER).reason).toBe(
      "Exchange 2019 CU8, build 15.2.792.10 is below 15.2.792.13, the example update for CU8: install KB0000001.",
    );
    expect(judgeBuild("15.2.721.13", LATER).status).toBe("unpatched");
    expect(judgeBuild("15.2.858.5", LATER).status).toBe("patched");
  });

  it("does not claim to know products the advisory has no data for", () => {
    expect(judgeBuild("15.1.2176.9", LATER).status).toBe("unknown");
    expect(judgeBuild("14.3.513.0", LATER).status).toBe("unknown");
  });
});
