import { describe, expect, it } from "vitest";
import type { PatchEvidence } from "./facts";
import { PATCHED, PATCHED_REASON, UNPATCHED, UNPATCHED_REASON, evaluate, offline, remediation, scan, toolScan, tplCheck } from "./status-test-support";

describe("evaluateServer: scans from other tools", () => {
  it("stays patched after a clean Test-ProxyLogon check, which still counts as the last scan", () => {
    const { current } = evaluate([scan("2021-03-08T10:00:00Z", PATCHED), tplCheck("2021-03-12T10:00:00Z")], []);
    expect(current).toEqual({
      status: "patched",
      reason: PATCHED_REASON,
      build: PATCHED,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
      lastScanAt: new Date("2021-03-12T10:00:00Z"),
      indicators: [],

      indicatorCount: 0,

      suspiciousFiles: 0,

      compromise: null,
      patchStatus: "patched",
      patchReason: PATCHED_REASON,
      compromisedAt: null,
    });
  });

  it("is compromised by a Test-ProxyLogon check with indicators, still reporting the earlier scan's build", () => {
    const { current } = evaluate(
      [tplCheck("2021-03-12T10:00:00Z", ["shell.aspx", "lsass.dmp"]), scan("2021-03-08T10:00:00Z", PATCHED)],
      [],
    );
    expect(current).toEqual({
      status: "compromised",
      reason:
        "Compromised: 2 indicators of compromise found since 2021-03-12; a compromise stays until it is marked " +
        `remediated. ${PATCHED_REASON}`,
      build: PATCHED,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
      lastScanAt: new Date("2021-03-12T10:00:00Z"),
      indicators: ["shell.aspx", "lsass.dmp"],

      indicatorCount: 2,

      suspiciousFiles: 0,

      compromise: expect.stringMatching(/^Compromised: /),
      patchStatus: "patched",
      patchReason: PATCHED_REASON,
      compromisedAt: new Date("2021-03-12T10:00:00Z"),
    });
  });

  it("goes back to the earlier build's verdict once a check's indicators are marked remediated", () => {
    const { current } = evaluate(
      [scan("2021-03-03T10:00:00Z", UNPATCHED), tplCheck("2021-03-04T10:00:00Z", ["x"]), tplCheck("2021-03-09T10:00:00Z")],
      [remediation("2021-03-06T10:00:00Z")],
    );
    expect(current).toMatchObject({ status: "unpatched", build: UNPATCHED, indicators: [], compromisedAt: null });
    expect(current.reason).toBe(`${UNPATCHED_REASON} Compromise marked remediated on 2021-03-06.`);
  });

  it("keeps a patched verdict when a later nmap scan could not decide, and says so", () => {
    const { current } = evaluate(
      [scan("2021-03-08T10:00:00Z", PATCHED), toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap")],
      [],
    );
    expect(current).toMatchObject({
      status: "patched",
      reason: `${PATCHED_REASON} Last determined on 2021-03-08 from build ${PATCHED}; the nmap scan on 2021-03-10 could not tell.`,
      build: PATCHED,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
      lastScanAt: new Date("2021-03-10T10:00:00Z"),
    });
  });

  it("keeps the verdict when a later scan shows only three parts of the same CU's build", () => {
    const { current } = evaluate(
      [scan("2021-03-08T10:00:00Z", PATCHED), toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap", { build: "15.1.2176" })],
      [],
    );
    expect(current).toMatchObject({ status: "patched", build: PATCHED, product: "Exchange 2016", cumulativeUpdate: "CU19" });
  });

  it("is unknown when a later scan that cannot decide shows another cumulative update", () => {
    const { current } = evaluate(
      [scan("2021-03-08T10:00:00Z", PATCHED), toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap", { build: "15.1.2044" })],
      [],
    );
    expect(current).toMatchObject({ status: "unknown", build: "15.1.2044", product: "Exchange 2016", cumulativeUpdate: "CU17" });
    expect(current.reason).toMatch(/^Unknown: the nmap scan on 2021-03-10 shows build 15\.1\.2044 \(Exchange 2016 CU17\), not the Exchange 2016 CU19 build judged on 2021-03-08, and cannot tell whether it is patched\./);
  });

  it("is unpatched when the tool found the server vulnerable, even with a patched-looking build", () => {
    const { current } = evaluate(
      [
        scan("2021-03-08T10:00:00Z", PATCHED),
        toolScan("2021-03-10T10:00:00Z", "vulnerable", "nmap", { build: PATCHED, cves: ["CVE-2021-26855"] }),
      ],
      [],
    );
    expect(current).toMatchObject({ status: "unpatched", build: PATCHED, product: "Exchange 2016", cumulativeUpdate: "CU19" });
    expect(current.reason).toMatch(/^Unpatched: nmap found the server vulnerable to CVE-2021-26855 on 2021-03-10\. /);
  });

  it("is patched again when a later build scan shows the fix", () => {
    const { current } = evaluate(
      [toolScan("2021-03-05T10:00:00Z", "vulnerable", "Nessus", { cves: ["CVE-2021-26855"] }), scan("2021-03-08T10:00:00Z", PATCHED)],
      [],
    );
    expect(current.status).toBe("patched");
  });

  it.each<PatchEvidence>(["vulnerable", "not-determined"])("is mitigated by an earlier EOMT scan after a %s scan", (evidence) => {
    const { current } = evaluate(
      [scan("2021-03-05T10:00:00Z", UNPATCHED, [], "eomt"), toolScan("2021-03-08T10:00:00Z", evidence, "nmap")],
      [],
    );
    expect(current.status).toBe("mitigated");
    expect(current.reason).toMatch(/^Not patched: EOMT mitigation applied, which is not a patch\. /);
  });

  it("is unknown when only compromise checks were run, saying none of them reads the build", () => {
    const { current } = evaluate([tplCheck("2021-03-10T10:00:00Z"), tplCheck("2021-03-12T10:00:00Z")], []);
    expect(current).toEqual({
      status: "unknown",
      reason:
        "Unknown: no scan of this server says which build it runs; the Test-ProxyLogon check on 2021-03-12 only " +
        "looks for compromise.",
      build: null,
      product: null,
      cumulativeUpdate: null,
      lastScanAt: new Date("2021-03-12T10:00:00Z"),
      indicators: [],

      indicatorCount: 0,

      suspiciousFiles: 0,

      compromise: null,
      patchStatus: "unknown",
      patchReason: "Unknown: no scan of this server says which build it runs; the Test-ProxyLogon check on 2021-03-12 only looks for compromise.",
      compromisedAt: null,
    });
  });

  it("names the check, not the offline attempt, when both are all there is", () => {
    const { current } = evaluate([tplCheck("2021-03-10T10:00:00Z"), offline("2021-03-12T10:00:00Z")], []);
    expect(current.reason).toMatch(/; the Test-ProxyLogon check on 2021-03-10 only looks for compromise\.$/);
    expect(current.lastScanAt).toEqual(new Date("2021-03-10T10:00:00Z"));
  });

  it("is compromised by a check with indicators even with no build known", () => {
    const { current } = evaluate([tplCheck("2021-03-10T10:00:00Z", ["x"])], []);
    expect(current).toMatchObject({ status: "compromised", build: null, product: null });
    expect(current.reason).toMatch(/remediated\. Unknown: no scan of this server says which build it runs; /);
  });

  it("is mitigated when a compromise check is all there is but EOMT was applied", () => {
    const { current } = evaluate([toolScan("2021-03-10T10:00:00Z", "not-checked", "EOMT", { mitigation: "eomt" })], []);
    expect(current.status).toBe("mitigated");
  });

  it("is unknown with no last scan when the server was only ever offline", () => {
    const { current, spans } = evaluate([offline("2021-03-10T10:00:00Z"), offline("2021-03-11T10:00:00Z")], []);
    expect(current).toEqual({
      status: "unknown",
      reason: "Unknown: Health Checker could not reach this server on 2021-03-11, so it was not scanned.",
      build: null,
      product: null,
      cumulativeUpdate: null,
      lastScanAt: null,
      indicators: [],

      indicatorCount: 0,

      suspiciousFiles: 0,

      compromise: null,
      patchStatus: "unknown",
      patchReason: "Unknown: Health Checker could not reach this server on 2021-03-11, so it was not scanned.",
      compromisedAt: null,
    });
    expect(spans).toEqual([]);
  });

  it("keeps the verdict and the last scan date of the earlier scan when a later one was offline", () => {
    const { current } = evaluate([scan("2021-03-08T10:00:00Z", PATCHED), offline("2021-03-10T10:00:00Z")], []);
    expect(current).toMatchObject({ status: "patched", reason: PATCHED_REASON, build: PATCHED, lastScanAt: new Date("2021-03-08T10:00:00Z") });
  });

  it("ignores the indicators and mitigation an offline scan carries", () => {
    const { current, spans } = evaluate(
      [scan("2021-03-08T10:00:00Z", UNPATCHED), offline("2021-03-10T10:00:00Z", { indicators: ["x"], mitigation: "eomt" })],
      [],
    );
    expect(current).toMatchObject({ status: "unpatched", indicators: [], compromisedAt: null });
    expect(spans).toEqual([{ status: "unpatched", fromDay: "2021-03-08", toDay: null }]);
  });
});
