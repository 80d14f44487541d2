// Property tests of the status engine over generated scan histories (issue 8): checked against brute-force
// oracles written from the rules' wording, not from the engine's code.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import type { FindingFacts, PatchEvidence, RemediationFacts } from "./facts";
import { evaluate, type TestScan } from "./status-test-support";

// The build verdicts are ProxyLogon's; what is tested here is how the engine ranks the evidence over time.
const PROXYLOGON = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxylogon")!;
const judgeBuild = (build: string | null, campaign: typeof PROXYLOGON) => campaign.judgeBuild(build);
const BASE = Date.UTC(2021, 2, 1);
const HOUR = 3_600_000;
const BUILDS = ["15.1.2176.9", "15.1.2176.2", "15.1.2176", "15.1.2044.4", "15.1.2044", "15.2.858.5", "15.2.792.3", "15.9.1.1", "15.01.2176.009", null];
const EVIDENCE: PatchEvidence[] = ["build", "vulnerable", "exploitable", "not-determined", "not-checked", "offline"];

const time = fc.integer({ min: 0, max: 40 * 24 }).map((h) => new Date(BASE + h * HOUR));

// Tools' findings come from the tools that report them (nmap's probe, Nessus's plugins), naming ProxyLogon's CVE;
// the other scans report a build, only look for compromise, or could not reach the server.
const TOOL_EVIDENCE: PatchEvidence[] = ["vulnerable", "exploitable", "not-determined"];
const scanArb: fc.Arbitrary<TestScan> = fc
  .record({
    scannedAt: time,
    build: fc.constantFrom(...BUILDS),
    patchEvidence: fc.constantFrom(...EVIDENCE),
    mitigation: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant("eomt") }),
    tool: fc.constantFrom<[string, string]>(["nmap", "nmap"], ["Nessus", "nessus"]),
  })
  .map(({ tool: [tool, source], ...s }): TestScan =>
    TOOL_EVIDENCE.includes(s.patchEvidence)
      ? { ...s, tool, source, cves: ["CVE-2021-26855"] }
      : { ...s, tool: s.patchEvidence === "build" ? null : "Health Checker", source: s.patchEvidence === "build" ? "canonical" : "health-checker" },
  );

const historyArb = fc
  .record({
    scans: fc.array(scanArb, { minLength: 1, maxLength: 8 }),
    remediations: fc.array(time.map((remediatedAt): RemediationFacts => ({ remediatedAt })), { maxLength: 3 }),
    findings: fc.array(
      fc.record({ scan: fc.nat(), hoursBefore: fc.integer({ min: 0, max: 20 * 24 }), lead: fc.boolean(), detail: fc.constantFrom("a", "b", "c") }),
      { maxLength: 5 },
    ),
  })
  .map(({ scans, remediations, findings }) => ({
    scans,
    remediations,
    // A finding is reported by one of the scans and happened at or before it.
    findings: findings.map((f): FindingFacts => {
      const reportedAt = scans[f.scan % scans.length].scannedAt;
      return {
        at: new Date(reportedAt.getTime() - f.hoursBefore * HOUR),
        reportedAt,
        type: f.lead ? "SuspiciousArchive" : "CVE-2021-26855",
        detail: f.detail,
        kind: f.lead ? "suspicious-file" : "indicator",
      };
    }),
  }));

type Verdict = "patched" | "unpatched" | "unknown" | null;

// What one scan says about the patch, by the rules' words: a build is judged; a tool's vulnerable or exploitable
// finding is unpatched; a scan that could not decide is unpatched only when its build is below the fix.
function conclusion(s: TestScan): Verdict {
  const judged = judgeBuild(s.build, PROXYLOGON).status;
  switch (s.patchEvidence ?? "build") {
    case "build":
      return judged;
    case "vulnerable":
    case "exploitable":
      return "unpatched";
    case "not-determined":
      return judged === "unpatched" ? "unpatched" : "unknown";
    default:
      return null;
  }
}

function latestConclusive(scans: TestScan[]): TestScan | null {
  let best: TestScan | null = null;
  for (const s of scans) {
    const c = conclusion(s);
    if (c !== "patched" && c !== "unpatched") continue;
    const t = s.scannedAt.getTime();
    const bt = best?.scannedAt.getTime() ?? -Infinity;
    // At the same moment, "not patched" wins.
    if (t > bt || (t === bt && c === "unpatched")) best = s;
  }
  return best;
}

const lastRemediation = (rs: RemediationFacts[]) => Math.max(-Infinity, ...rs.map((r) => r.remediatedAt.getTime()));
const openIndicators = (fs: FindingFacts[], rs: RemediationFacts[]) =>
  fs.filter((f) => f.kind === "indicator" && f.at.getTime() >= lastRemediation(rs));

describe("issue 8: the status engine over generated histories", () => {
  it("never shows a server patched unless its latest conclusive evidence is a build at or above the fix and nothing later contradicts it", () => {
    fc.assert(
      fc.property(historyArb, ({ scans, remediations, findings }) => {
        const { current } = evaluate(scans, remediations, findings);
        if (current.status !== "patched") return;
        const latest = latestConclusive(scans.filter((s) => s.patchEvidence !== "offline"));
        expect(latest).not.toBeNull();
        expect(latest!.patchEvidence ?? "build").toBe("build");
        expect(judgeBuild(latest!.build, PROXYLOGON).status).toBe("patched");
        expect(openIndicators(findings, remediations)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("is compromised exactly while an indicator is dated at or after the last remediation", () => {
    fc.assert(
      fc.property(historyArb, ({ scans, remediations, findings }) => {
        const { current } = evaluate(scans, remediations, findings);
        expect(current.status === "compromised").toBe(openIndicators(findings, remediations).length > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("is mitigated only when not patched and no live probe came at or after the last mitigation record", () => {
    fc.assert(
      fc.property(historyArb, ({ scans, remediations, findings }) => {
        const { current } = evaluate(scans, remediations, findings);
        if (current.status !== "mitigated") return;
        const seen = scans.filter((s) => s.patchEvidence !== "offline");
        const mitigated = Math.max(...seen.filter((s) => s.mitigation === "eomt").map((s) => s.scannedAt.getTime()));
        expect(Number.isFinite(mitigated)).toBe(true);
        expect(seen.some((s) => s.patchEvidence === "exploitable" && s.scannedAt.getTime() >= mitigated)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("tells the same story in its history as in its current state, day by day", () => {
    fc.assert(
      fc.property(historyArb, ({ scans, remediations, findings }) => {
        const { current, spans } = evaluate(scans, remediations, findings);
        if (spans.length === 0) return;
        expect(spans.at(-1)!.status).toBe(current.status);
        for (const span of spans) {
          const end = Date.parse(`${span.fromDay}T00:00:00.000Z`) + 24 * HOUR;
          const prefix = evaluate(
            scans.filter((s) => s.scannedAt.getTime() < end),
            remediations.filter((r) => r.remediatedAt.getTime() < end),
            findings.filter((f) => f.at.getTime() < end),
          );
          expect(prefix.current.status).toBe(span.status);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
