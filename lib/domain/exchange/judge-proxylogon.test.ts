// The lead will switch ProxyLogon from its hand-written advisory (lib/domain/advisories/proxylogon.ts) to this
// module. This grid proves the switch changes no server's verdict: for builds of every release of every product,
// judgeSecurityUpdate(build, "Mar21SU") gives the status judgeBuild(build, PROXYLOGON) gives.
import { describe, expect, it } from "vitest";
import { judgeBuild } from "../advisory";
import { PROXYLOGON } from "../advisories/proxylogon";
import { mustParseBuild } from "./build-number";
import { releasesOf } from "./catalog";
import { EXCHANGE_PRODUCTS } from "./data-types";
import { UPDATE_BUILDS } from "./exchange-data.generated";
import { judgeSecurityUpdate, type UpdateRollupRule, type Verdict } from "./judge";

const STATUS: Record<Verdict, string> = { fixed: "patched", vulnerable: "unpatched", undetermined: "unknown" };

// ProxyLogon's Exchange 2010 fix, as the campaign will pass it (taken from the advisory, not retyped).
const ROLLUPS: UpdateRollupRule[] = PROXYLOGON.servicePackRules.map((r) => ({
  product: r.product,
  release: r.servicePack,
  build: r.fixedBuild,
  name: `${r.updateName} (${r.kb})`,
  source: r.source,
}));

function around(build: string): string[] {
  const b = mustParseBuild(build);
  const prefix = `${b.major}.${b.minor}.${b.build}`;
  const revisions = [b.revision! - 1, b.revision!, b.revision! + 1, b.revision! + 100].filter((r) => r >= 0);
  return [prefix, ...revisions.map((r) => `${prefix}.${r}`)];
}

const GRID = [
  ...new Set([
    ...EXCHANGE_PRODUCTS.flatMap((p) => releasesOf(p).flatMap((r) => around(r.baseBuild))),
    ...UPDATE_BUILDS.flatMap((u) => around(u.build)),
    ...ROLLUPS.flatMap((r) => around(r.build)),
    // Exchange 2010 rollup levels below and above Update Rollup 32, and builds of no known release.
    "14.3.509.0", "14.3.514.0", "14.3.513.1", "14.2.390.3", "14.4.1.1",
    "15.1.2177.1", "15.2.1000.1", "15.2.2600.1", "15.3.1.1", "16.0.1.1", "15.01.2176.009", "15.1", "", "not a build",
  ]),
];

describe("judgeSecurityUpdate(build, \"Mar21SU\") reproduces the ProxyLogon advisory's verdicts", () => {
  it.each(GRID)("%j", (build) => {
    const judged = judgeSecurityUpdate(build, "Mar21SU", { updateRollups: ROLLUPS });
    expect(STATUS[judged.verdict]).toBe(judgeBuild(build, PROXYLOGON).status);
  });

  it("covers every release of every product", () => {
    expect(GRID.length).toBeGreaterThan(500);
  });
});
