// Shared by the property tests of a re-derive (resume.test.ts, steady.test.ts): random server histories, from
// scans of every tool and evidence, findings, remediations and compromise checks. Not a test file itself.
import fc from "fast-check";
import type { CheckFacts, FindingFacts, PatchEvidence, RemediationFacts, ScanFacts, ServerHistory } from "./facts";

export const HOUR = 3_600_000;
export const BASE = Date.UTC(2020, 11, 1);
const BUILDS = ["15.1.2176.9", "15.1.2176.2", "15.1.2176", "15.1.2044.4", "15.2.792.3", "15.2.858.5", "15.2.986.36", "15.2.1118.20", "15.2.1258.12", "15.0.1497.2", "14.3.513.0", null];
const EVIDENCE: PatchEvidence[] = ["build", "build", "build", "vulnerable", "exploitable", "not-determined", "not-checked", "offline"];

/** A moment on the hour, from BASE on, within `hours`. */
export const timeArb = (hours = 2 * 365 * 24) => fc.integer({ min: 0, max: hours }).map((h) => new Date(BASE + h * HOUR));

export const scanArb = (time = timeArb()) =>
  fc
    .record({
      scannedAt: time,
      build: fc.constantFrom(...BUILDS),
      patchEvidence: fc.constantFrom(...EVIDENCE),
      mitigation: fc.constantFrom(null, null, null, "eomt", "eomtv2"),
      signals: fc.constantFrom<string[]>([], ["http-vuln-cve2021-26855"], ["167281"]),
    })
    .map((s): ScanFacts => {
      const tool = s.patchEvidence === "build" ? "canonical" : s.patchEvidence === "exploitable" || s.patchEvidence === "not-determined" ? "nmap" : "nessus";
      return { ...s, source: tool, tool, cves: s.patchEvidence === "vulnerable" || s.patchEvidence === "exploitable" ? ["CVE-2021-26855"] : [] };
    });

/** A history (scans with ids from 1) and a number a test may use to pick a day. */
export const historyArb = (time = timeArb()) =>
  fc
    .record({
      scans: fc.array(scanArb(time), { minLength: 1, maxLength: 14 }),
      remediations: fc.array(time.map((remediatedAt): RemediationFacts => ({ remediatedAt })), { maxLength: 2 }),
      findings: fc.array(fc.record({ scan: fc.nat(), hoursBefore: fc.integer({ min: 0, max: 60 * 24 }), lead: fc.boolean(), detail: fc.constantFrom("a", "b") }), { maxLength: 3 }),
      checks: fc.array(fc.record({ at: time, reachDays: fc.option(fc.integer({ min: 1, max: 400 })) }), { maxLength: 2 }),
      cut: fc.nat(),
    })
    .map(({ scans, remediations, findings, checks, cut }) => {
      const withIds = scans.map((s, i) => ({ ...s, id: i + 1 }));
      return {
        cut,
        history: {
          scans: withIds,
          remediations,
          checks: checks.map((c): CheckFacts => ({ checkId: "test-proxylogon", at: c.at, reachDays: c.reachDays, latestFindingAt: null })),
          findings: findings.map((f): FindingFacts => {
            const reportedAt = withIds[f.scan % withIds.length].scannedAt;
            return { at: new Date(reportedAt.getTime() - f.hoursBefore * HOUR), reportedAt, type: f.lead ? "SuspiciousArchive" : "CVE-2021-26855", detail: f.detail, kind: f.lead ? "suspicious-file" : "indicator" };
          }),
        } satisfies ServerHistory,
      };
    });
