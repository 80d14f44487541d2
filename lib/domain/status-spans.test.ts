import { describe, expect, it } from "vitest";
import type { RemediationFacts } from "./facts";
import { PATCHED, UNPATCHED, evaluate, offline, remediation, scan, toolScan, tplCheck, type TestScan } from "./status-test-support";

// The spans and the current state must tell the same story: the last span is the current status, and every
// span's status is what the current state was at the end of its first day, judged from the events up to then.
function expectSpansAgree(scans: TestScan[], remediations: RemediationFacts[]): void {
  const { current, spans } = evaluate(scans, remediations);
  if (spans.length === 0) {
    expect(current.status).toBe("unknown");
    return;
  }
  expect(spans.at(-1)?.status).toBe(current.status);
  for (const span of spans) {
    const endOfDay = Date.parse(`${span.fromDay}T00:00:00.000Z`) + 24 * 60 * 60 * 1000;
    const prefix = evaluate(
      scans.filter((s) => s.scannedAt.getTime() < endOfDay),
      remediations.filter((r) => r.remediatedAt.getTime() < endOfDay),
    );
    expect({ day: span.fromDay, status: prefix.current.status }).toEqual({ day: span.fromDay, status: span.status });
  }
}

describe("evaluateServer: spans", () => {
  it("starts on the first scan's day and leaves the last span open", () => {
    const { spans } = evaluate([scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-05T10:00:00Z", PATCHED)], []);
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-05" },
      { status: "patched", fromDay: "2021-03-05", toDay: null },
    ]);
  });

  it("merges consecutive days with the same status", () => {
    const { spans } = evaluate(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-02T10:00:00Z", UNPATCHED), scan("2021-03-04T10:00:00Z", PATCHED), scan("2021-03-07T10:00:00Z", PATCHED)],
      [],
    );
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-04" },
      { status: "patched", fromDay: "2021-03-04", toDay: null },
    ]);
  });

  it("uses the day's last scan when two scans fall on one day", () => {
    const { spans } = evaluate(
      [scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-03T17:00:00Z", PATCHED), scan("2021-03-03T09:00:00Z", UNPATCHED)],
      [],
    );
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-03" },
      { status: "patched", fromDay: "2021-03-03", toDay: null },
    ]);
  });

  it("shows a compromise until the day it is marked remediated", () => {
    const { spans } = evaluate(
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
    const { spans, current } = evaluate(
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
    expect(evaluate(scans, remediations).spans).toEqual(expected);
    expect(evaluate([scans[3], scans[0], scans[2], scans[1]], remediations).spans).toEqual(expected);
  });

  it("starts with an unknown span when a remediation predates the first scan", () => {
    const { spans } = evaluate([scan("2021-03-03T10:00:00Z", PATCHED)], [remediation("2021-03-01T10:00:00Z")]);
    expect(spans).toEqual([
      { status: "unknown", fromDay: "2021-03-01", toDay: "2021-03-03" },
      { status: "patched", fromDay: "2021-03-03", toDay: null },
    ]);
  });

  it("assigns a scan to its UTC day", () => {
    const { spans } = evaluate([scan("2021-03-01T10:00:00Z", UNPATCHED), scan("2021-03-01T23:30:00-05:00", PATCHED)], []);
    expect(spans).toEqual([
      { status: "unpatched", fromDay: "2021-03-01", toDay: "2021-03-02" },
      { status: "patched", fromDay: "2021-03-02", toDay: null },
    ]);
  });
});

describe("evaluateServer: spans with scans from other tools", () => {
  it("is unknown before the first scan with patch evidence, unless compromised", () => {
    const { spans } = evaluate(
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
    const { spans } = evaluate(
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
    // The nmap scan on 03-04 could not decide, so the patched verdict of 03-01 stands.
    expect(spans).toEqual([
      { status: "patched", fromDay: "2021-03-01", toDay: "2021-03-05" },
      { status: "unpatched", fromDay: "2021-03-05", toDay: "2021-03-06" },
      { status: "patched", fromDay: "2021-03-06", toDay: null },
    ]);
  });

  it.each<[string, TestScan[], RemediationFacts[]]>([
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
