// Shared by the status tests: the builds they use, and scans as each tool reports them. Not a test file itself
// (vitest runs only *.test.ts). A test scan may carry the findings it reported, with no time of their own (they
// count from the scan's time); `history` turns such scans into the engine's input.
import { BUILT_IN_CAMPAIGNS } from "./campaigns/built-in";
import type { FindingFacts, PatchEvidence, RemediationFacts, ScanFacts, ServerHistory } from "./facts";
import { findingKind } from "./findings";
import { evaluateServer, judgeScan, type ServerEvaluation } from "./status";

export const UNPATCHED = "15.1.2176.2";
export const PATCHED = "15.1.2176.9";
export const UNPATCHED_REASON =
  "Unpatched against ProxyLogon: Exchange 2016 CU19, build 15.1.2176.2 is below 15.1.2176.9, Mar21SU (KB5000871) for CU19.";
export const PATCHED_REASON =
  "Patched against ProxyLogon: Exchange 2016 CU19, build 15.1.2176.9 is at or above 15.1.2176.9, Mar21SU (KB5000871) for CU19.";

const PROXYLOGON_RULES = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxylogon")!;

// Evaluations are made as of a fixed moment, so tests do not change with the calendar.
export const AS_OF = new Date("2026-12-01T00:00:00Z");

export type TestScan = ScanFacts & { indicators?: string[] };

export function scan(at: string, build: string | null, indicators: string[] = [], mitigation: string | null = null): TestScan {
  return { scannedAt: new Date(at), build, indicators, mitigation };
}
export function remediation(at: string): RemediationFacts {
  return { remediatedAt: new Date(at) };
}
// A scan from another tool: what it says about the patch is patchEvidence, not only the build.
const SOURCES: Record<string, string> = { nmap: "nmap", Nessus: "nessus", "Health Checker": "health-checker", "Test-ProxyLogon": "test-proxylogon" };

export function toolScan(at: string, patchEvidence: PatchEvidence, tool: string | null, extra: Partial<TestScan> = {}): TestScan {
  return { scannedAt: new Date(at), build: null, indicators: [], mitigation: null, patchEvidence, tool, source: tool ? (SOURCES[tool] ?? null) : null, ...extra };
}
export function tplCheck(at: string, indicators: string[] = []): TestScan {
  return toolScan(at, "not-checked", "Test-ProxyLogon", { indicators });
}
export function offline(at: string, extra: Partial<TestScan> = {}): TestScan {
  return toolScan(at, "offline", "Health Checker", extra);
}
// A finding with a time of its own (a log line's), reported by a scan at reportedAt.
export function finding(at: string, reportedAt: string, detail = `/owa/auth/x.js at ${at}`, type = "CVE-2021-26855", kind: FindingFacts["kind"] = "indicator"): FindingFacts {
  return { at: new Date(at), reportedAt: new Date(reportedAt), type, detail, kind };
}

function scanFindings(s: TestScan): FindingFacts[] {
  // An offline scan reached nothing, so whatever it carries was not found.
  if (s.patchEvidence === "offline") return [];
  return (s.indicators ?? []).map((text) => ({ at: s.scannedAt, reportedAt: s.scannedAt, type: text, detail: text, kind: findingKind("reported", text) }));
}

export function history(scans: TestScan[], remediations: RemediationFacts[] = [], findings: FindingFacts[] = []): ServerHistory {
  return { scans: scans.map(({ indicators: _, ...facts }) => facts), findings: [...scans.flatMap(scanFindings), ...findings], remediations };
}

export function evaluate(scans: TestScan[], remediations: RemediationFacts[] = [], findings: FindingFacts[] = []): ServerEvaluation {
  return evaluateServer(history(scans, remediations, findings), PROXYLOGON_RULES, AS_OF);
}

export function judge(s: TestScan) {
  const found = scanFindings(s);
  const count = (kind: FindingFacts["kind"]) => new Set(found.filter((f) => f.kind === kind).map((f) => f.detail)).size;
  const { indicators: _, ...facts } = s;
  return judgeScan(facts, { indicators: count("indicator"), suspiciousFiles: count("suspicious-file") }, PROXYLOGON_RULES);
}
