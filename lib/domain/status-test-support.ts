// Shared by the status tests: the builds they use, and scans as each tool reports them. Not a test file itself
// (vitest runs only *.test.ts).
import type { PatchEvidence, RemediationFacts, ScanFacts } from "./status";

export const UNPATCHED = "15.1.2176.2";
export const PATCHED = "15.1.2176.9";
export const UNPATCHED_REASON =
  "Exchange 2016 CU19, build 15.1.2176.2 is below 15.1.2176.9, the March 2021 security update for CU19: install KB5000871.";
export const PATCHED_REASON =
  "Exchange 2016 CU19, build 15.1.2176.9 is at or above 15.1.2176.9, the March 2021 security update for CU19 (KB5000871).";

export function scan(at: string, build: string | null, indicators: string[] = [], mitigation: string | null = null): ScanFacts {
  return { scannedAt: new Date(at), build, indicators, mitigation };
}
export function remediation(at: string): RemediationFacts {
  return { remediatedAt: new Date(at) };
}
// A scan from another tool: what it says about the patch is patchEvidence, not only the build.
export function toolScan(
  at: string,
  patchEvidence: PatchEvidence,
  tool: string | null,
  extra: Partial<ScanFacts> = {},
): ScanFacts {
  return { scannedAt: new Date(at), build: null, indicators: [], mitigation: null, patchEvidence, tool, ...extra };
}
export function tplCheck(at: string, indicators: string[] = []): ScanFacts {
  return toolScan(at, "not-checked", "Test-ProxyLogon", { indicators });
}
export function offline(at: string, extra: Partial<ScanFacts> = {}): ScanFacts {
  return toolScan(at, "offline", "Health Checker", extra);
}
