import { describe, expect, it } from "vitest";
import {
  countIndicators,
  dayOf,
  evaluateServer,
  judgeScan,
  type PatchEvidence,
  type RemediationFacts,
  type ScanFacts,
} from "./status";

const UNPATCHED = "15.1.2176.2";
const PATCHED = "15.1.2176.9";
const UNPATCHED_REASON =
  "Exchange 2016 CU19, build 15.1.2176.2 is below 15.1.2176.9, the March 2021 security update for CU19: install KB5000871.";
const PATCHED_REASON =
  "Exchange 2016 CU19, build 15.1.2176.9 is at or above 15.1.2176.9, the March 2021 security update for CU19 (KB5000871).";

function scan(at: string, build: string | null, indicators: string[] = [], mitigation: string | null = null): ScanFacts {
  return { scannedAt: new Date(at), build, indicators, mitigation };
}
function remediation(at: string): RemediationFacts {
  return { remediatedAt: new Date(at) };
}
// A scan from another tool: what it says about the patch is patchEvidence, not only the build.
function toolScan(
  at: string,
  patchEvidence: PatchEvidence,
  tool: string | null,
  extra: Partial<ScanFacts> = {},
): ScanFacts {
  return { scannedAt: new Date(at), build: null, indicators: [], mitigation: null, patchEvidence, tool, ...extra };
}
function tplCheck(at: string, indicators: string[] = []): ScanFacts {
  return toolScan(at, "not-checked", "Test-ProxyLogon", { indicators });
}
function offline(at: string, extra: Partial<ScanFacts> = {}): ScanFacts {
  return toolScan(at, "offline", "Health Checker", extra);
}

// The spans and the current state must tell the same story: the last span is the current status, and every
// span's status is what the current state was at the end of its first day, judged from the events up to then.
function expectSpansAgree(scans: ScanFacts[], remediations: RemediationFacts[]): void {
  const { current, spans } = evaluateServer(scans, remediations);
  if (spans.length === 0) {
    expect(current.status).toBe("unknown");
    return;
  }
  expect(spans.at(-1)?.status).toBe(current.status);
  for (const span of spans) {
    const endOfDay = Date.parse(`${span.fromDay}T00:00:00.000Z`) + 24 * 60 * 60 * 1000;
    const prefix = evaluateServer(
      scans.filter((s) => s.scannedAt.getTime() < endOfDay),
      remediations.filter((r) => r.remediatedAt.getTime() < endOfDay),
    );
    expect({ day: span.fromDay, status: prefix.current.status }).toEqual({ day: span.fromDay, status: span.status });
  }
}

describe("dayOf", () => {
  it("gives the UTC day", () => {
    expect(dayOf(new Date("2021-03-02T23:59:59.999Z"))).toBe("2021-03-02");
    expect(dayOf(new Date("2021-03-01T23:30:00-05:00"))).toBe("2021-03-02");
  });
});

describe("judgeScan", () => {
  it("gives the build verdict for a clean scan", () => {
    expect(judgeScan(scan("2021-03-05T10:00:00Z", UNPATCHED))).toEqual({
      status: "unpatched",
      reason: UNPATCHED_REASON,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
    });
  });

  it("is compromised when indicators were found, whatever the build", () => {
    const judged = judgeScan(scan("2021-03-05T10:00:00Z", PATCHED, ["web shell", "lsass dump", "web shell"]));
    expect(judged.status).toBe("compromised");
    expect(judged.reason).toBe(
      `Compromised: this scan found 2 indicators of compromise; a compromise stays until it is marked remediated. ${PATCHED_REASON}`,
    );
  });

  it.each([UNPATCHED, "15.1.2176", null, "15.1.1261.35"])("is mitigated, not patched, when %s has EOMT applied", (build) => {
    const judged = judgeScan(scan("2021-03-05T10:00:00Z", build, [], "eomt"));
    expect(judged.status).toBe("mitigated");
    expect(judged.reason).toMatch(/^Not patched: EOMT mitigation applied, which is not a patch\. /);
  });

  it("accepts the mitigation flag in any case", () => {
    expect(judgeScan(scan("2021-03-05T10:00:00Z", UNPATCHED, [], " EOMT ")).status).toBe("mitigated");
    expect(judgeScan(scan("2021-03-05T10:00:00Z", UNPATCHED, [], "other")).status).toBe("unpatched");
  });

  it("stays patched when a patched server also has EOMT", () => {
    expect(judgeScan(scan("2021-03-05T10:00:00Z", PATCHED, [], "eomt")).status).toBe("patched");
  });
});

describe("evaluateServer: current state", () => {
  it("is unknown with no scan", () => {
    const { current, spans } = evaluateServer([], [remediation("2021-03-10T00:00:00Z")]);
    expect(current).toMatchObject({ status: "unknown", build: null, lastScanAt: null, indicators: [], compromisedAt: null });
    expect(spans).toEqual([]);
  });

  it("takes the patch verdict from the latest scan, in whatever order scans come", () => {
    const { current } = evaluateServer(
      [scan("2021-03-08T10:00:00Z", PATCHED), scan("2021-03-03T10:00:00Z", UNPATCHED)],
      [],
    );
    expect(current).toEqual({
      status: "patched",
      reason: PATCHED_REASON,
      build: PATCHED,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
      lastScanAt: new Date("2021-03-08T10:00:00Z"),
      indicators: [],
      compromisedAt: null,
    });
  });

  it("keeps a mitigation recorded by an earlier scan until the server is patched", () => {
    const mitigatedThenRescanned = [scan("2021-03-03T10:00:00Z", UNPATCHED, [], "eomt"), scan("2021-03-04T10:00:00Z", UNPATCHED)];
    expect(evaluateServer(mitigatedThenRescanned, []).current.status).toBe("mitigated");
    const patchedLater = [...mitigatedThenRescanned, scan("2021-03-06T10:00:00Z", PATCHED)];
    expect(evaluateServer(patchedLater, []).current.status).toBe("patched");
  });

  it("stays compromised after a clean, patched scan, naming the count, the date and the verdict", () => {
    const { current } = evaluateServer(
      [
        scan("2021-03-04T10:00:00Z", UNPATCHED, ["shell.aspx", "lsass.dmp"]),
        scan("2021-03-03T10:00:00Z", UNPATCHED, ["shell.aspx"]),
        scan("2021-03-06T10:00:00Z", PATCHED),
      ],
      [],
    );
    expect(current.status).toBe("compromised");
    expect(current.compromisedAt).toEqual(new Date("2021-03-03T10:00:00Z"));
    expect(current.indicators).toEqual(["shell.aspx", "lsass.dmp"]);
    expect(current.reason).toBe(
      "Compromised: 2 indicators of compromise found since 2021-03-03; a compromise stays until it is marked " +
        `remediated. ${PATCHED_REASON}`,
    );
  });

  it("is no longer compromised after a remediation later than the last indicator scan, and says so", () => {
    const { current } = evaluateServer(
      [scan("2021-03-03T10:00:00Z", UNPATCHED, ["shell.aspx"]), scan("2021-03-06T10:00:00Z", PATCHED)],
      [remediation("2021-03-05T12:00:00Z")],
    );
    expect(current).toMatchObject({ status: "patched", indicators: [], compromisedAt: null });
    expect(current.reason).toBe(`${PATCHED_REASON} Compromise marked remediated on 2021-03-05.`);
  });

  it.each([
    ["before the indicator scan", "2021-03-02T10:00:00Z"],
    ["at the very moment of the indicator scan", "2021-03-03T10:00:00Z"],
  ])("stays compromised with a remediation %s", (_label, at) => {
    const { current } = evaluateServer([scan("2021-03-03T10:00:00Z", PATCHED, ["shell.aspx"])], [remediation(at)]);
    expect(current.status).toBe("compromised");
  });

  it("counts only indicators found after the last remediation", () => {
    const { current } = evaluateServer(
      [
        scan("2021-03-03T10:00:00Z", UNPATCHED, ["old.aspx"]),
        scan("2021-03-08T10:00:00Z", UNPATCHED, ["new.aspx", "new.aspx", "dump"]),
        scan("2021-03-09T10:00:00Z", UNPATCHED, ["dump", "third"]),
      ],
      [remediation("2021-03-05T10:00:00Z")],
    );
    expect(current.compromisedAt).toEqual(new Date("2021-03-08T10:00:00Z"));
    expect(current.indicators).toEqual(["new.aspx", "dump", "third"]);
    expect(current.reason).toMatch(/^Compromised: 3 indicators of compromise found since 2021-03-08; /);
  });

  it("puts the mitigation after the compromise in the reason", () => {
    const { current } = evaluateServer([scan("2021-03-03T10:00:00Z", UNPATCHED, ["x"], "eomt")], []);
    expect(current.status).toBe("compromised");
    expect(current.reason).toContain("remediated. Not patched: EOMT mitigation applied, which is not a patch.");
  });
});

describe("evaluateServer: spans", () => {
  it("starts on the first scan's day and leaves the last span open", () => {
    const { spans } = evaluateServer([scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-05T10:00:00Z", PATCHED)], []);
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-05" },
      { status: "patched", fromDay: "2021-03-05", toDay: null },
    ]);
  });

  it("merges consecutive days with the same status", () => {
    const { spans } = evaluateServer(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-02T10:00:00Z", UNPATCHED), scan("2021-03-04T10:00:00Z", PATCHED), scan("2021-03-07T10:00:00Z", PATCHED)],
      [],
    );
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-04" },
      { status: "patched", fromDay: "2021-03-04", toDay: null },
    ]);
  });

  it("uses the day's last scan when two scans fall on one day", () => {
    const { spans } = evaluateServer(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-03T17:00:00Z", PATCHED), scan("2021-03-03T09:00:00Z", UNPATCHED)],
      [],
    );
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-03" },
      { status: "patched", fromDay: "2021-03-03", toDay: null },
    ]);
  });

  it("shows a compromise until the day it is marked remediated", () => {
    const { spans } = evaluateServer(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-02T10:00:00Z", UNPATCHED, ["x"]), scan("2021-03-03T10:00:00Z", PATCHED)],
      [remediation("2021-03-04T10:00:00Z")],
    );
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-02" },
      { status: "compromised", fromDay: "2021-03-02", toDay: "2021-03-04" },
      { status: "patched", fromDay: "2021-03-04", toDay: null },
    ]);
  });

  it("shows no compromised day when the remediation is later on the same day as the indicator scan", () => {
    const { spans, current } = evaluateServer(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-02T08:00:00Z", UNPATCHED, ["x"])],
      [remediation("2021-03-02T20:00:00Z")],
    );
    expect(spans).toEqual([{ status: "unpatched", fromDay: "2021-03-01", toDay: null }]);
    expect(current.status).toBe("unpatched");
  });

  it("gives the same spans for an out-of-order list", () => {
    const scans = [
      scan("2021-03-01T10:00:00Z", UNPATCHED),
      scan("2021-03-02T10:00:00Z", UNPATCHED, [], "eomt"),
      scan("2021-03-04T10:00:00Z", UNPATCHED, ["x"]),
      scan("2021-03-06T10:00:00Z", PATCHED),
    ];
    const remediations = [remediation("2021-03-05T10:00:00Z")];
    const expected = [
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-02" },
      { status: "mitigated", fromDay: "2021-03-02", toDay: "2021-03-04" },
      { status: "compromised", fromDay: "2021-03-04", toDay: "2021-03-05" },
      { status: "mitigated", fromDay: "2021-03-05", toDay: "2021-03-06" },
      { status: "patched", fromDay: "2021-03-06", toDay: null },
    ];
    expect(evaluateServer(scans, remediations).spans).toEqual(expected);
    expect(evaluateServer([scans[3], scans[0], scans[2], scans[1]], remediations).spans).toEqual(expected);
  });

  it("starts with an unknown span when a remediation predates the first scan", () => {
    const { spans } = evaluateServer([scan("2021-03-03T10:00:00Z", PATCHED)], [remediation("2021-03-01T10:00:00Z")]);
    expect(spans).toEqual([
      { status: "unknown", fromDay: "2021-03-01", toDay: "2021-03-03" },
      { status: "patched", fromDay: "2021-03-03", toDay: null },
    ]);
  });

  it("assigns a scan to its UTC day", () => {
    const { spans } = evaluateServer([scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-01T23:30:00-05:00", PATCHED)], []);
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-02" },
      { status: "patched", fromDay: "2021-03-02", toDay: null },
    ]);
  });
});

describe("judgeScan: scans from other tools", () => {
  it("is unpatched when the tool found the server vulnerable, even with a patched-looking build", () => {
    const judged = judgeScan(
      toolScan("2021-03-10T10:00:00Z", "vulnerable", "nmap", { build: PATCHED, cves: ["CVE-2021-26855"] }),
    );
    expect(judged).toEqual({
      status: "unpatched",
      reason:
        "Unpatched: nmap found the server vulnerable to CVE-2021-26855 on 2021-03-10. Its build looks patched, but " +
        `the tool's finding outranks the build number: ${PATCHED_REASON}`,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
    });
  });

  it("names the build's own verdict after the finding when it is not patched", () => {
    const judged = judgeScan(
      toolScan("2021-03-10T10:00:00Z", "vulnerable", "Nessus", { build: UNPATCHED, cves: ["CVE-2021-26855", "CVE-2021-27065"] }),
    );
    expect(judged.reason).toBe(
      `Unpatched: Nessus found the server vulnerable to CVE-2021-26855, CVE-2021-27065 on 2021-03-10. ${UNPATCHED_REASON}`,
    );
  });

  it("says just vulnerable without CVEs, and the scanner without a tool name", () => {
    const judged = judgeScan(toolScan("2021-03-10T10:00:00Z", "vulnerable", null, { cves: [] }));
    expect(judged).toEqual({
      status: "unpatched",
      reason: "Unpatched: the scanner found the server vulnerable on 2021-03-10.",
      product: null,
      cumulativeUpdate: null,
    });
  });

  it("is unknown, never patched, when the scan could not determine the patch level", () => {
    expect(judgeScan(toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap"))).toEqual({
      status: "unknown",
      reason: "Unknown: the nmap scan on 2021-03-10 could not determine whether the server is patched.",
      product: null,
      cumulativeUpdate: null,
    });
    const withPatchedBuild = judgeScan(toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap", { build: PATCHED }));
    expect(withPatchedBuild.status).toBe("unknown");
    expect(withPatchedBuild.reason).toBe(
      "Unknown: the nmap scan on 2021-03-10 could not determine whether the server is patched. Its build alone " +
        `looks patched, but this scan does not confirm it: ${PATCHED_REASON}`,
    );
  });

  it("adds the build's reason to a not-determined scan, with product and CU from the build", () => {
    const judged = judgeScan(toolScan("2021-03-10T10:00:00Z", "not-determined", null, { build: "15.1.2176" }));
    expect(judged.status).toBe("unknown");
    expect(judged.reason).toMatch(
      /^Unknown: the scan on 2021-03-10 could not determine whether the server is patched\. Exchange 2016 CU19, build 15\.1\.2176 has only three parts/,
    );
    expect(judged).toMatchObject({ product: "Exchange 2016", cumulativeUpdate: "CU19" });
  });

  it.each<PatchEvidence>(["vulnerable", "not-determined"])("is mitigated when a %s scan has EOMT applied", (evidence) => {
    const judged = judgeScan(toolScan("2021-03-10T10:00:00Z", evidence, "nmap", { mitigation: "eomt" }));
    expect(judged.status).toBe("mitigated");
    expect(judged.reason).toMatch(/^Not patched: EOMT mitigation applied, which is not a patch\. Un/);
  });

  it("says a compromise check says nothing about the patch, and reports no product", () => {
    expect(judgeScan(toolScan("2021-03-12T10:00:00Z", "not-checked", "Test-ProxyLogon", { build: PATCHED }))).toEqual({
      status: "unknown",
      reason:
        "Unknown: the Test-ProxyLogon check on 2021-03-12 says nothing about the patch level: it only looks for compromise.",
      product: null,
      cumulativeUpdate: null,
    });
    expect(judgeScan(toolScan("2021-03-12T10:00:00Z", "not-checked", null)).reason).toMatch(/^Unknown: the check on 2021-03-12 /);
  });

  it("is compromised when a compromise check found indicators", () => {
    const judged = judgeScan(tplCheck("2021-03-12T10:00:00Z", ["shell.aspx"]));
    expect(judged.status).toBe("compromised");
    expect(judged.reason).toBe(
      "Compromised: this scan found 1 indicator of compromise; a compromise stays until it is marked remediated. " +
        "Unknown: the Test-ProxyLogon check on 2021-03-12 says nothing about the patch level: it only looks for compromise.",
    );
  });

  it("says an offline scan reached nothing, ignoring any indicators or mitigation it carries", () => {
    const expected = {
      status: "unknown",
      reason: "Unknown: Health Checker could not reach this server on 2021-03-11, so it was not scanned.",
      product: null,
      cumulativeUpdate: null,
    };
    expect(judgeScan(offline("2021-03-11T10:00:00Z"))).toEqual(expected);
    expect(judgeScan(offline("2021-03-11T10:00:00Z", { indicators: ["x"], mitigation: "eomt", build: UNPATCHED }))).toEqual(
      expected,
    );
    expect(judgeScan(toolScan("2021-03-11T10:00:00Z", "offline", "  ")).reason).toBe(
      "Unknown: the scanner could not reach this server on 2021-03-11, so it was not scanned.",
    );
  });

  it("treats an explicit build evidence like an absent one", () => {
    const explicit = judgeScan({ ...scan("2021-03-05T10:00:00Z", UNPATCHED), patchEvidence: "build", tool: "Health Checker" });
    expect(explicit).toEqual(judgeScan(scan("2021-03-05T10:00:00Z", UNPATCHED)));
  });
});

describe("evaluateServer: scans from other tools", () => {
  it("stays patched after a clean Test-ProxyLogon check, which still counts as the last scan", () => {
    const { current } = evaluateServer([scan("2021-03-08T10:00:00Z", PATCHED), tplCheck("2021-03-12T10:00:00Z")], []);
    expect(current).toEqual({
      status: "patched",
      reason: PATCHED_REASON,
      build: PATCHED,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
      lastScanAt: new Date("2021-03-12T10:00:00Z"),
      indicators: [],
      compromisedAt: null,
    });
  });

  it("is compromised by a Test-ProxyLogon check with indicators, still reporting the earlier scan's build", () => {
    const { current } = evaluateServer(
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
      compromisedAt: new Date("2021-03-12T10:00:00Z"),
    });
  });

  it("goes back to the earlier build's verdict once a check's indicators are marked remediated", () => {
    const { current } = evaluateServer(
      [scan("2021-03-03T10:00:00Z", UNPATCHED), tplCheck("2021-03-04T10:00:00Z", ["x"]), tplCheck("2021-03-09T10:00:00Z")],
      [remediation("2021-03-06T10:00:00Z")],
    );
    expect(current).toMatchObject({ status: "unpatched", build: UNPATCHED, indicators: [], compromisedAt: null });
    expect(current.reason).toBe(`${UNPATCHED_REASON} Compromise marked remediated on 2021-03-06.`);
  });

  it("is unknown, not patched, when an nmap scan after a patched one could not decide", () => {
    const { current } = evaluateServer(
      [scan("2021-03-08T10:00:00Z", PATCHED), toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap")],
      [],
    );
    expect(current).toMatchObject({
      status: "unknown",
      reason: "Unknown: the nmap scan on 2021-03-10 could not determine whether the server is patched.",
      build: null,
      product: null,
      cumulativeUpdate: null,
      lastScanAt: new Date("2021-03-10T10:00:00Z"),
    });
  });

  it("takes the build of a not-determined scan when it has one", () => {
    const { current } = evaluateServer(
      [scan("2021-03-08T10:00:00Z", PATCHED), toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap", { build: "15.1.2176" })],
      [],
    );
    expect(current).toMatchObject({ status: "unknown", build: "15.1.2176", product: "Exchange 2016", cumulativeUpdate: "CU19" });
  });

  it("is unpatched when the tool found the server vulnerable, even with a patched-looking build", () => {
    const { current } = evaluateServer(
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
    const { current } = evaluateServer(
      [toolScan("2021-03-05T10:00:00Z", "vulnerable", "Nessus", { cves: ["CVE-2021-26855"] }), scan("2021-03-08T10:00:00Z", PATCHED)],
      [],
    );
    expect(current.status).toBe("patched");
  });

  it.each<PatchEvidence>(["vulnerable", "not-determined"])("is mitigated by an earlier EOMT scan after a %s scan", (evidence) => {
    const { current } = evaluateServer(
      [scan("2021-03-05T10:00:00Z", UNPATCHED, [], "eomt"), toolScan("2021-03-08T10:00:00Z", evidence, "nmap")],
      [],
    );
    expect(current.status).toBe("mitigated");
    expect(current.reason).toMatch(/^Not patched: EOMT mitigation applied, which is not a patch\. /);
  });

  it("is unknown when only compromise checks were run, saying none of them reads the build", () => {
    const { current } = evaluateServer([tplCheck("2021-03-10T10:00:00Z"), tplCheck("2021-03-12T10:00:00Z")], []);
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
      compromisedAt: null,
    });
  });

  it("names the check, not the offline attempt, when both are all there is", () => {
    const { current } = evaluateServer([tplCheck("2021-03-10T10:00:00Z"), offline("2021-03-12T10:00:00Z")], []);
    expect(current.reason).toMatch(/; the Test-ProxyLogon check on 2021-03-10 only looks for compromise\.$/);
    expect(current.lastScanAt).toEqual(new Date("2021-03-10T10:00:00Z"));
  });

  it("is compromised by a check with indicators even with no build known", () => {
    const { current } = evaluateServer([tplCheck("2021-03-10T10:00:00Z", ["x"])], []);
    expect(current).toMatchObject({ status: "compromised", build: null, product: null });
    expect(current.reason).toMatch(/remediated\. Unknown: no scan of this server says which build it runs; /);
  });

  it("is mitigated when a compromise check is all there is but EOMT was applied", () => {
    const { current } = evaluateServer([toolScan("2021-03-10T10:00:00Z", "not-checked", "EOMT", { mitigation: "eomt" })], []);
    expect(current.status).toBe("mitigated");
  });

  it("is unknown with no last scan when the server was only ever offline", () => {
    const { current, spans } = evaluateServer([offline("2021-03-10T10:00:00Z"), offline("2021-03-11T10:00:00Z")], []);
    expect(current).toEqual({
      status: "unknown",
      reason: "Unknown: Health Checker could not reach this server on 2021-03-11, so it was not scanned.",
      build: null,
      product: null,
      cumulativeUpdate: null,
      lastScanAt: null,
      indicators: [],
      compromisedAt: null,
    });
    expect(spans).toEqual([]);
  });

  it("keeps the verdict and the last scan date of the earlier scan when a later one was offline", () => {
    const { current } = evaluateServer([scan("2021-03-08T10:00:00Z", PATCHED), offline("2021-03-10T10:00:00Z")], []);
    expect(current).toMatchObject({ status: "patched", reason: PATCHED_REASON, build: PATCHED, lastScanAt: new Date("2021-03-08T10:00:00Z") });
  });

  it("ignores the indicators and mitigation an offline scan carries", () => {
    const { current, spans } = evaluateServer(
      [scan("2021-03-08T10:00:00Z", UNPATCHED), offline("2021-03-10T10:00:00Z", { indicators: ["x"], mitigation: "eomt" })],
      [],
    );
    expect(current).toMatchObject({ status: "unpatched", indicators: [], compromisedAt: null });
    expect(spans).toEqual([{ status: "unpatched", fromDay: "2021-03-08", toDay: null }]);
  });
});

describe("evaluateServer: spans with scans from other tools", () => {
  it("is unknown before the first scan with patch evidence, unless compromised", () => {
    const { spans } = evaluateServer(
      [tplCheck("2021-03-01T10:00:00Z"), tplCheck("2021-03-02T10:00:00Z", ["x"]), scan("2021-03-04T10:00:00Z", PATCHED)],
      [remediation("2021-03-03T10:00:00Z")],
    );
    expect(spans).toEqual([
      { status: "unknown", fromDay: "2021-03-01", toDay: "2021-03-02" },
      { status: "compromised", fromDay: "2021-03-02", toDay: "2021-03-03" },
      { status: "unknown", fromDay: "2021-03-03", toDay: "2021-03-04" },
      { status: "patched", fromDay: "2021-03-04", toDay: null },
    ]);
  });

  it("keeps the patch verdict through checks and offline attempts, and follows the tools' findings", () => {
    const { spans } = evaluateServer(
      [
        offline("2021-02-28T10:00:00Z"),
        scan("2021-03-01T10:00:00Z", PATCHED),
        tplCheck("2021-03-02T10:00:00Z"),
        offline("2021-03-03T10:00:00Z"),
        toolScan("2021-03-04T10:00:00Z", "not-determined", "nmap"),
        toolScan("2021-03-05T10:00:00Z", "vulnerable", "nmap", { build: PATCHED }),
        scan("2021-03-06T10:00:00Z", PATCHED),
      ],
      [],
    );
    expect(spans).toEqual([
      { status: "patched", fromDay: "2021-03-01", toDay: "2021-03-04" },
      { status: "unknown", fromDay: "2021-03-04", toDay: "2021-03-05" },
      { status: "unpatched", fromDay: "2021-03-05", toDay: "2021-03-06" },
      { status: "patched", fromDay: "2021-03-06", toDay: null },
    ]);
  });

  it.each<[string, ScanFacts[], RemediationFacts[]]>([
    ["a check after a patched scan", [scan("2021-03-01T10:00:00Z", PATCHED), tplCheck("2021-03-03T10:00:00Z")], []],
    [
      "a check with indicators, remediated, then a clean check",
      [scan("2021-03-01T10:00:00Z", UNPATCHED), tplCheck("2021-03-02T10:00:00Z", ["x"]), tplCheck("2021-03-05T10:00:00Z")],
      [remediation("2021-03-04T10:00:00Z")],
    ],
    [
      "not-determined and vulnerable scans with EOMT",
      [
        scan("2021-03-01T10:00:00Z", UNPATCHED),
        toolScan("2021-03-02T10:00:00Z", "not-determined", "nmap"),
        toolScan("2021-03-03T10:00:00Z", "not-checked", "EOMT", { mitigation: "eomt" }),
        toolScan("2021-03-04T10:00:00Z", "vulnerable", "Nessus", { cves: ["CVE-2021-26855"] }),
        scan("2021-03-06T10:00:00Z", PATCHED),
      ],
      [],
    ],
    [
      "only checks and offline attempts",
      [offline("2021-03-01T10:00:00Z"), tplCheck("2021-03-02T10:00:00Z"), tplCheck("2021-03-04T10:00:00Z", ["x"])],
      [remediation("2021-03-03T10:00:00Z")],
    ],
    [
      "same-day scans from different tools",
      [
        scan("2021-03-02T08:00:00Z", PATCHED),
        toolScan("2021-03-02T12:00:00Z", "not-determined", "nmap"),
        tplCheck("2021-03-02T18:00:00Z"),
        offline("2021-03-03T10:00:00Z", { indicators: ["ignored"] }),
        toolScan("2021-03-04T10:00:00Z", "vulnerable", "nmap", { build: PATCHED }),
      ],
      [],
    ],
    ["only offline attempts and a remediation", [offline("2021-03-02T10:00:00Z")], [remediation("2021-03-01T10:00:00Z")]],
  ])("agree with the current state for %s", (_label, scans, remediations) => {
    expectSpansAgree(scans, remediations);
  });

  it("agree with the current state for the canonical histories too", () => {
    expectSpansAgree(
      [
        scan("2021-03-01T10:00:00Z", UNPATCHED),
        scan("2021-03-02T10:00:00Z", UNPATCHED, [], "eomt"),
        scan("2021-03-04T10:00:00Z", UNPATCHED, ["x"]),
        scan("2021-03-06T10:00:00Z", PATCHED),
      ],
      [remediation("2021-03-05T10:00:00Z")],
    );
  });
});

describe("countIndicators", () => {
  it("counts a tool's per-type label by its ×N and a plain indicator as one", () => {
    expect(countIndicators(["CVE-2021-26855 ×3", "LsassDump", "C:\\inetpub\\shell.aspx"])).toBe(5);
    expect(countIndicators([])).toBe(0);
  });

  it("says how many findings a compromised scan's labels stand for", () => {
    const judged = judgeScan({ scannedAt: new Date("2021-03-10T00:00:00Z"), build: null, indicators: ["CVE-2021-26855 ×2", "CVE-2021-27065"], mitigation: null });
    expect(judged.reason).toMatch(/^Compromised: this scan found 3 indicators of compromise/);
  });
});
