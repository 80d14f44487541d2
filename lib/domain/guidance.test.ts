import { describe, expect, it } from "vitest";
import { PROXYLOGON } from "./advisories/proxylogon";
import { guidanceFor } from "./guidance";

const guide = (status: Parameters<typeof guidanceFor>[0], build: string | null) => guidanceFor(status, build, PROXYLOGON);

describe("issue 8 item 6: guidance from the server's product, CU and the advisory", () => {
  it("tells an Exchange 2010 SP3 server to install Update Rollup 32, never the 2013-2019 update", () => {
    const g = guide("unpatched", "14.3.496.0");
    expect(g.install).toBe("Install Update Rollup 32 (KB5000978) for Exchange 2010 SP3: build 14.3.513.0 or later.");
    expect(JSON.stringify(g)).not.toContain("KB5000871");
  });

  it("tells an Exchange 2010 SP2 server to install SP3 first", () => {
    expect(guide("unpatched", "14.2.247.5").install).toBe("Install Exchange 2010 SP3, then Update Rollup 32 (KB5000978).");
  });

  it("names the security update and the fixed build for the server's CU", () => {
    expect(guide("unpatched", "15.1.2176.2").install).toBe(
      "Install the March 2021 security update for Exchange 2016 CU19 (KB5000871): build 15.1.2176.9 or later.",
    );
    // Sources disagree on 2016 CU8: the higher build is the one to reach.
    expect(guide("mitigated", "15.1.1415.2").install).toContain("build 15.1.1415.10 or later");
  });

  it("tells a CU too old for the update which CUs have it", () => {
    expect(guide("unpatched", "15.0.1367.3").install).toBe(
      "Exchange 2013 CU20 has no security update for this advisory: update to Exchange 2013 CU23 and then KB5000871.",
    );
    expect(guide("unpatched", "15.1.1261.35").install).toBe(
      "Exchange 2016 CU7 has no security update for this advisory: update to Exchange 2016 CU20 or later, which includes the fix, " +
        "or to Exchange 2016 CU19 and then KB5000871.",
    );
  });

  it("installs nothing on a patched server and asks for the build when it is unknown", () => {
    expect(guide("patched", "15.2.858.5")).toMatchObject({ install: null });
    expect(guide("patched", "15.2.858.5").action).toContain("2021-01-06");
    expect(guide("unknown", null).action).toMatch(/four-part build/);
    expect(guide("unknown", "15.1.2176").install).toBeNull();
  });

  it("asks a compromised server to be investigated first, and still says what to install", () => {
    const g = guide("compromised", "15.2.792.3");
    expect(g.action).toMatch(/^Patching does not remove a compromise/);
    expect(g.install).toContain("Exchange 2019 CU8 (KB5000871): build 15.2.792.10");
  });
});
