import { describe, expect, it } from "vitest";
import { dayOf } from "./days";
import { PATCHED, PATCHED_REASON, UNPATCHED, UNPATCHED_REASON, evaluate, judge, remediation, scan } from "./status-test-support";

describe("dayOf", () => {
  it("gives the UTC day", () => {
    expect(dayOf(new Date("2021-03-02T23:59:59.999Z"))).toBe("2021-03-02");
    expect(dayOf(new Date("2021-03-01T23:30:00-05:00"))).toBe("2021-03-02");
  });
});

describe("judgeScan", () => {
  it("gives the build verdict for a clean scan", () => {
    expect(judge(scan("2021-03-05T10:00:00Z", UNPATCHED))).toEqual({
      status: "unpatched",
      reason: UNPATCHED_REASON,
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
    });
  });

  it("is compromised when indicators were found, whatever the build", () => {
    const judged = judge(scan("2021-03-05T10:00:00Z", PATCHED, ["web shell", "lsass dump", "web shell"]));
    expect(judged.status).toBe("compromised");
    expect(judged.reason).toBe(
      `Compromised: this scan found 2 indicators of compromise; a compromise stays until it is marked remediated. ${PATCHED_REASON}`,
    );
  });

  it.each([UNPATCHED, "15.1.2176", null, "15.1.1261.35"])("is mitigated, not patched, when %s has EOMT applied", (build) => {
    const judged = judge(scan("2021-03-05T10:00:00Z", build, [], "eomt"));
    expect(judged.status).toBe("mitigated");
    expect(judged.reason).toMatch(/^Not patched: EOMT mitigation applied, which is not a patch\. /);
  });

  it("accepts the mitigation flag in any case", () => {
    expect(judge(scan("2021-03-05T10:00:00Z", UNPATCHED, [], " EOMT ")).status).toBe("mitigated");
    expect(judge(scan("2021-03-05T10:00:00Z", UNPATCHED, [], "other")).status).toBe("unpatched");
  });

  it("stays patched when a patched server also has EOMT", () => {
    expect(judge(scan("2021-03-05T10:00:00Z", PATCHED, [], "eomt")).status).toBe("patched");
  });
});

describe("evaluateServer: current state", () => {
  it("is unknown with no scan", () => {
    const { current, spans } = evaluate([], [remediation("2021-03-10T00:00:00Z")]);
    expect(current).toMatchObject({ status: "unknown", build: null, lastScanAt: null, indicators: [], compromisedAt: null });
    expect(spans).toEqual([]);
  });

  it("takes the patch verdict from the latest scan, in whatever order scans come", () => {
    const { current } = evaluate(
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

      indicatorCount: 0,

      suspiciousFiles: 0,

      compromise: null,
      patchStatus: "patched",
      patchReason: PATCHED_REASON,
      compromisedAt: null,
    });
  });

  it("keeps a mitigation recorded by an earlier scan until the server is patched", () => {
    const mitigatedThenRescanned = [scan("2021-03-03T10:00:00Z", UNPATCHED, [], "eomt"), scan("2021-03-04T10:00:00Z", UNPATCHED)];
    expect(evaluate(mitigatedThenRescanned, []).current.status).toBe("mitigated");
    const patchedLater = [...mitigatedThenRescanned, scan("2021-03-06T10:00:00Z", PATCHED)];
    expect(evaluate(patchedLater, []).current.status).toBe("patched");
  });

  it("stays compromised after a clean, patched scan, naming the count, the date and the verdict", () => {
    const { current } = evaluate(
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
    const { current } = evaluate(
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
    const { current } = evaluate([scan("2021-03-03T10:00:00Z", PATCHED, ["shell.aspx"])], [remediation(at)]);
    expect(current.status).toBe("compromised");
  });

  it("counts only indicators found after the last remediation", () => {
    const { current } = evaluate(
      [
        scan("2021-03-03T10:00:00Z", UNPATCHED, ["old.aspx"]),
        scan("2021-03-08T10:00:00Z", UNPATCHED, ["new.aspx", "new.aspx", "dump"]),
        scan("2021-03-09T10:00:00Z", UNPATCHED, ["dump", "third"]),
      ],
      [remediation("2021-03-05T10:00:00Z")],
    );
    expect(current.compromisedAt).toEqual(new Date("2021-03-08T10:00:00Z"));
    expect(current.indicators).toEqual(["new.aspx", "dump", "third"]);
    expect(current.reason).toMatch(/^Compromised: 3 indicators of compromise found since 2021-03-08 \(dated after the remediation recorded on 2021-03-05\); /);
  });

  it("puts the mitigation after the compromise in the reason", () => {
    const { current } = evaluate([scan("2021-03-03T10:00:00Z", UNPATCHED, ["x"], "eomt")], []);
    expect(current.status).toBe("compromised");
    expect(current.reason).toContain("remediated. Not patched: EOMT mitigation applied, which is not a patch.");
  });
});

describe("counting findings", () => {
  it("counts the same thing found by several scans once", () => {
    const { current } = evaluate([scan("2021-03-03T10:00:00Z", UNPATCHED, ["shell.aspx"]), scan("2021-03-04T10:00:00Z", UNPATCHED, ["shell.aspx", "lsass.dmp"])]);
    expect(current).toMatchObject({ indicatorCount: 2, indicators: ["shell.aspx", "lsass.dmp"] });
  });

  it("says how many distinct findings a compromised scan reported", () => {
    const judged = judge(scan("2021-03-10T00:00:00Z", null, ["a.aspx", "b.aspx", "c.aspx"]));
    expect(judged.reason).toMatch(/^Compromised: this scan found 3 indicators of compromise/);
  });
});
