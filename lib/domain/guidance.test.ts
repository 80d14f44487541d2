import { describe, expect, it } from "vitest";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import { patchLevel } from "./exchange";
import { guidanceFor } from "./guidance";
import type { Status } from "./statuses";

const TODAY = new Date("2026-12-01T12:00:00Z");

// What the server page asks: every campaign's install line for the build, and its patch level.
function guide(status: Status, build: string | null) {
  const installs = BUILT_IN_CAMPAIGNS.flatMap((c) => {
    const judged = c.judgeBuildInDetail(build);
    return judged.status === "patched" || !judged.install ? [] : [judged.install];
  });
  return guidanceFor(status, installs, patchLevel(build, TODAY), "2020-02-01");
}

describe("issue 8 item 6: guidance from the server's product, CU and the campaigns' data", () => {
  it("tells an Exchange 2010 SP3 server to install its update rollup, never the 2013-2019 update", () => {
    const g = guide("unpatched", "14.3.509.0");
    expect(g.install.join(" ")).toContain("Update Rollup 32 (KB5000978) for Exchange 2010 SP3 (build 14.3.513.0 or later)");
    expect(JSON.stringify(g)).not.toContain("KB5000871");
    expect(g.action).toContain("Exchange 2010 is out of support");
  });

  it("tells an Exchange 2010 SP2 server to install SP3 first", () => {
    expect(guide("unpatched", "14.2.247.5").install.join(" ")).toContain("Install Exchange 2010 SP3, then Update Rollup 32 (KB5000978).");
  });

  it("names one update: the newest security update the build lacks, which includes the older ones", () => {
    const g = guide("unpatched", "15.2.1748.10"); // Exchange 2019 CU15, no SU
    expect(g.install).toHaveLength(1);
    expect(g.install[0]).toMatch(/^Install \w+SU for Exchange 2019 CU15 \(build 15\.2\.1748\.\d+ or later\)\.$/);
  });

  it("tells a CU that no longer gets updates which CU to move to", () => {
    const g = guide("unpatched", "15.1.2176.2"); // Exchange 2016 CU19
    expect(g.install).toHaveLength(1);
    expect(g.install[0]).toMatch(/Exchange 2016 CU23/);
  });

  it("installs nothing on a patched server, and asks for a four-part build when it cannot tell", () => {
    expect(guide("patched", "15.2.2562.17")).toMatchObject({ install: [] });
    expect(guide("patched", "15.2.2562.17").action).toContain("2020-02-01");
    expect(guide("unknown", null).action).toMatch(/four-part build/);
  });

  it("asks a compromised server to be investigated first, and still says what to install", () => {
    const g = guide("compromised", "15.2.792.3");
    expect(g.action).toMatch(/^Patching does not remove a compromise/);
    expect(g.install).toHaveLength(1);
  });
});

describe("issue 10 item 1: the verdict box says what to install, one line for the server's own product", () => {
  const PRODUCTS = ["Exchange 2010", "Exchange 2013", "Exchange 2016", "Exchange 2019", "Exchange SE"];
  // A build of each product behind on its updates, and what its line must name.
  const CASES = [
    { build: "14.3.509.0", product: "Exchange 2010", names: "Update Rollup 32 (KB5000978) for Exchange 2010 SP3" },
    { build: "15.0.1497.2", product: "Exchange 2013", names: "for Exchange 2013 CU23" },
    { build: "15.1.2507.6", product: "Exchange 2016", names: "for Exchange 2016 CU23" },
    { build: "15.2.1544.4", product: "Exchange 2019", names: "for Exchange 2019 CU14" },
    { build: "15.2.2562.17", product: "Exchange SE", names: "for Exchange SE RTM" },
  ];

  for (const { build, product, names } of CASES) {
    for (const status of ["unpatched", "mitigated", "unknown", "compromised"] as const) {
      it(`${product} (${build}), ${status}: its own update, never another product's`, () => {
        const g = guide(status, build);
        expect(g.install.length).toBeGreaterThan(0);
        expect(g.install[0]).toContain(names);
        const others = PRODUCTS.filter((p) => p !== product);
        for (const line of g.install) for (const other of others) expect(line).not.toContain(`${other} `);
      });
    }
  }

  it("never tells an Exchange 2010 server, at any level, to install the 2013-2019 update KB5000871", () => {
    for (const build of ["14.3.123.4", "14.3.496.0", "14.3.509.0", "14.3.513.0", "14.2.247.5", "14.1.218.15"]) {
      for (const status of ["unpatched", "unknown", "mitigated", "compromised"] as const) {
        expect(JSON.stringify(guide(status, build)), `${build} ${status}`).not.toContain("KB5000871");
      }
    }
  });

  it("gives 2013, 2016 and 2019 servers of the ProxyLogon weeks a line for their own CU", () => {
    const lines = ["15.0.1497.2", "15.1.2176.2", "15.2.792.3"].map((b) => guide("unpatched", b).install);
    expect(lines.map((l) => l.length)).toEqual([1, 1, 1]);
    expect(lines[0][0]).toMatch(/Exchange 2013 CU23/);
    expect(lines[1][0]).toMatch(/Exchange 2016 CU23/);
    expect(lines[2][0]).toMatch(/Exchange 2019 CU15/);
  });
});
