// Regression tests for the verdict defects of issue 8 ("Verdicts you can stake a client on"): each failed on the
// engine before it and passes after.
import { describe, expect, it } from "vitest";
import { findingKind, findingTime } from "./findings";
import { evaluate, finding, remediation, scan, toolScan, tplCheck, UNPATCHED, PATCHED } from "./status-test-support";

const EOMT_DAY = "2021-03-08T10:00:00Z";
const PROBE_DAY = "2021-03-12T10:00:00Z";

describe("issue 8 item 1: a live probe that finds the server exploitable beats a recorded mitigation", () => {
  it("is unpatched when nmap's probe finds the server exploitable after EOMT was recorded, and says why", () => {
    const { current, spans } = evaluate([
      scan(EOMT_DAY, UNPATCHED, [], "eomt"),
      toolScan(PROBE_DAY, "exploitable", "nmap", { cves: ["CVE-2021-26855"] }),
    ]);
    expect(current.status).toBe("unpatched");
    expect(current.reason).toBe(
      "Unpatched: nmap's live probe found the server exploitable to CVE-2021-26855 on 2021-03-12. The EOMT mitigation " +
        "recorded on 2021-03-08 is not working: nmap's live probe on 2021-03-12 sends the very request the mitigation " +
        "blocks, and found the server exploitable.",
    );
    expect(spans).toEqual([
      { status: "mitigated", fromDay: "2021-03-08", toDay: "2021-03-12" },
      { status: "unpatched", fromDay: "2021-03-12", toDay: null },
    ]);
  });

  it("keeps the mitigation defeated through later scans that only read the build", () => {
    const { current } = evaluate([
      scan(EOMT_DAY, UNPATCHED, [], "eomt"),
      toolScan(PROBE_DAY, "exploitable", "nmap"),
      scan("2021-03-14T10:00:00Z", UNPATCHED),
    ]);
    expect(current.status).toBe("unpatched");
    expect(current.reason).toContain("The EOMT mitigation recorded on 2021-03-08 is not working");
  });

  it("is unpatched when the probe and the mitigation record are at the same moment", () => {
    const { current } = evaluate([toolScan(PROBE_DAY, "not-checked", "EOMT", { mitigation: "eomt" }), toolScan(PROBE_DAY, "exploitable", "nmap")]);
    expect(current.status).toBe("unpatched");
  });

  it("is mitigated again when the mitigation is recorded again after the probe", () => {
    const { current } = evaluate([
      scan(EOMT_DAY, UNPATCHED, [], "eomt"),
      toolScan(PROBE_DAY, "exploitable", "nmap"),
      scan("2021-03-13T10:00:00Z", UNPATCHED, [], "eomt"),
    ]);
    expect(current.status).toBe("mitigated");
  });

  it("stays mitigated after a version check that finds the update missing: that is not a probe", () => {
    const { current } = evaluate([scan(EOMT_DAY, UNPATCHED, [], "eomt"), toolScan(PROBE_DAY, "vulnerable", "Nessus", { cves: ["CVE-2021-26855"] })]);
    expect(current.status).toBe("mitigated");
  });

  it("is unpatched when a probe found it exploitable before a patched build scan's mitigation claim", () => {
    const { current } = evaluate([toolScan(EOMT_DAY, "exploitable", "nmap"), toolScan(PROBE_DAY, "not-determined", "nmap")]);
    expect(current.status).toBe("unpatched");
  });
});

describe("issue 8 item 2: a scan that cannot decide never erases one that could", () => {
  it("stays unpatched from the build scan when a later nmap run has no script output, and says so", () => {
    const { current, spans } = evaluate([
      scan("2021-03-05T10:00:00Z", "15.2.792.3"),
      toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap"),
    ]);
    expect(current).toMatchObject({ status: "unpatched", build: "15.2.792.3", product: "Exchange 2019", cumulativeUpdate: "CU8" });
    expect(current.reason).toMatch(/Last determined on 2021-03-05 from build 15\.2\.792\.3; the nmap scan on 2021-03-10 could not tell\.$/);
    expect(spans).toEqual([{ status: "unpatched", fromDay: "2021-03-05", toDay: null }]);
  });

  it("keeps a verdict through a scan whose build is of an unknown CU or unreadable", () => {
    for (const build of ["15.1.9999.1", "not a build", null]) {
      const { current } = evaluate([scan("2021-03-05T10:00:00Z", PATCHED), scan("2021-03-10T10:00:00Z", build)]);
      expect(current.status).toBe("patched");
    }
  });

  it("takes an inconclusive scan's verdict when nothing conclusive came before it", () => {
    const { current } = evaluate([toolScan("2021-03-10T10:00:00Z", "not-determined", "nmap")]);
    expect(current.status).toBe("unknown");
  });

  it("is unpatched from a Nessus host's build below the fix even when no ProxyLogon plugin fired", () => {
    // Rows imported before the fix were stored as "not-determined" with the build: the build decides.
    const { current } = evaluate([toolScan("2021-03-10T10:00:00Z", "not-determined", "Nessus", { build: "15.1.2044.4" })]);
    expect(current).toMatchObject({ status: "unpatched", product: "Exchange 2016", cumulativeUpdate: "CU17" });
  });

  it("lets a later conclusive scan replace an earlier one either way", () => {
    expect(evaluate([scan("2021-03-05T10:00:00Z", PATCHED), toolScan("2021-03-10T10:00:00Z", "vulnerable", "Nessus")]).current.status).toBe("unpatched");
    expect(evaluate([scan("2021-03-05T10:00:00Z", UNPATCHED), scan("2021-03-10T10:00:00Z", PATCHED)]).current.status).toBe("patched");
  });
});

describe("issue 8 item 4: a finding counts from its own time", () => {
  const REMEDIATED = "2021-03-10T10:00:00Z";
  const RERUN = "2021-03-20T10:00:00Z";

  it("stays remediated when a re-run lists again hits dated before the remediation, and says so", () => {
    const { current, spans } = evaluate(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), tplCheck("2021-03-05T10:00:00Z"), tplCheck(RERUN), scan("2021-03-21T10:00:00Z", PATCHED)],
      [remediation(REMEDIATED)],
      [finding("2021-02-27T03:00:00Z", "2021-03-05T10:00:00Z"), finding("2021-02-27T03:00:00Z", RERUN)],
    );
    expect(current).toMatchObject({ status: "patched", indicatorCount: 0, compromisedAt: null });
    expect(current.reason).toContain("Compromise marked remediated on 2021-03-10. 1 finding reported again since then is dated before it, so it stays cleared.");
    expect(spans).toEqual([
      { status: "compromised", fromDay: "2021-02-27", toDay: "2021-03-10" },
      { status: "unpatched", fromDay: "2021-03-10", toDay: "2021-03-21" },
      { status: "patched", fromDay: "2021-03-21", toDay: null },
    ]);
  });

  it("re-opens only for hits dated after the remediation, from their own day", () => {
    const { current, spans } = evaluate(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), tplCheck(RERUN)],
      [remediation(REMEDIATED)],
      [finding("2021-02-27T03:00:00Z", "2021-03-05T10:00:00Z"), finding("2021-02-27T03:00:00Z", RERUN), finding("2021-03-15T08:00:00Z", RERUN)],
    );
    expect(current).toMatchObject({ status: "compromised", indicatorCount: 1, compromisedAt: new Date("2021-03-15T08:00:00Z") });
    expect(current.reason).toMatch(/^Compromised: 1 indicator of compromise found since 2021-03-15 \(dated after the remediation recorded on 2021-03-10\); /);
    expect(spans.at(-1)).toEqual({ status: "compromised", fromDay: "2021-03-15", toDay: null });
  });

  it("counts a finding without a time of its own from its scan's time, and never from after its scan", () => {
    const scanned = new Date("2021-03-05T10:00:00Z");
    expect(findingTime(null, scanned)).toEqual(scanned);
    expect(findingTime(new Date("2021-03-09T00:00:00Z"), scanned)).toEqual(scanned);
    expect(findingTime(new Date("2021-02-27T03:00:00Z"), scanned)).toEqual(new Date("2021-02-27T03:00:00Z"));
    expect(findingTime(new Date(Number.NaN), scanned)).toEqual(scanned);
  });

  it("is compromised from a hit's own day when the first scan reports it later", () => {
    const { spans } = evaluate([tplCheck("2021-03-05T10:00:00Z")], [], [finding("2021-02-27T03:00:00Z", "2021-03-05T10:00:00Z")]);
    expect(spans).toEqual([{ status: "compromised", fromDay: "2021-02-27", toDay: null }]);
  });
});

describe("issue 8 item 5: a suspicious archive is a lead, not proof", () => {
  it.each([
    ["SuspiciousArchive", "C:\\ProgramData\\VSN\\a.zip", "suspicious-file"],
    ["other", "C:\\ProgramData\\x.7Z", "suspicious-file"],
    ["reported", "C:\\ProgramData\\loot.rar ", "suspicious-file"],
    ["LsassDump", "C:\\root\\lsass.dmp", "indicator"],
    ["CVE-2021-26858", "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\x.zip", "indicator"],
    ["reported", "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", "indicator"],
    ["CVE-2021-26855", "/ecp/y.js, AnchorMailbox ServerInfo~a]@x", "indicator"],
  ])("classifies %s %s as %s", (type, detail, kind) => {
    expect(findingKind(type, detail)).toBe(kind);
  });

  it("does not turn a server compromised by a suspicious archive alone, and names it as a lead", () => {
    const { current, spans } = evaluate(
      [scan("2021-03-05T10:00:00Z", PATCHED), tplCheck("2021-03-06T10:00:00Z")],
      [],
      [finding("2021-03-01T00:00:00Z", "2021-03-06T10:00:00Z", "C:\\ProgramData\\a.zip", "SuspiciousArchive", "suspicious-file")],
    );
    expect(current).toMatchObject({ status: "patched", indicatorCount: 0, suspiciousFiles: 1 });
    expect(current.reason).toContain("1 suspicious file found (an archive in ProgramData or the like): a lead to look at, not proof of compromise.");
    expect(spans).toEqual([{ status: "patched", fromDay: "2021-03-05", toDay: null }]);
  });

  it("is still compromised by a web shell or a CVE log hit found with the archive", () => {
    const { current } = evaluate(
      [tplCheck("2021-03-06T10:00:00Z")],
      [],
      [
        finding("2021-03-01T00:00:00Z", "2021-03-06T10:00:00Z", "C:\\ProgramData\\a.zip", "SuspiciousArchive", "suspicious-file"),
        finding("2021-03-02T00:00:00Z", "2021-03-06T10:00:00Z", "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", "CVE-2021-27065"),
      ],
    );
    expect(current).toMatchObject({ status: "compromised", indicatorCount: 1, suspiciousFiles: 1 });
  });
});

describe("issue 8 item 7: builds written in the long form", () => {
  it("judges 15.01.2176.009 as 15.1.2176.9 and stores it in the short form", () => {
    const { current } = evaluate([scan("2021-03-05T10:00:00Z", "15.01.2176.009")]);
    expect(current).toMatchObject({ status: "patched", build: "15.1.2176.9", cumulativeUpdate: "CU19" });
  });
});
