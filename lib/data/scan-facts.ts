import type { PatchEvidence, ScanFacts } from "../domain/status";

// The tool named in verdict reasons, by Scan.source; CSV imports are not a tool's verdict.
export const TOOL_NAMES: Record<string, string> = {
  "test-proxylogon": "Test-ProxyLogon",
  "health-checker": "Health Checker",
  nmap: "nmap",
  nessus: "Nessus",
};

export interface StoredToolVerdict {
  tool: string;
  vulnerable: boolean | "unknown";
  cves: string[];
}

export interface ScanFactsRecord {
  scannedAt: string | Date;
  build: string | null;
  indicators: string | null;
  mitigation: string | null;
  source: string;
  patchEvidence: string;
  toolVerdict: string | null;
}

export const splitIndicators = (text: string | null): string[] =>
  text ? text.split(";").map((s) => s.trim()).filter(Boolean) : [];

export function parseToolVerdict(text: string | null): StoredToolVerdict | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as StoredToolVerdict;
  } catch {
    return null;
  }
}

/** A stored scan row as the status engine reads it. */
export function scanFacts(r: ScanFactsRecord): ScanFacts {
  return {
    scannedAt: new Date(r.scannedAt),
    build: r.build,
    indicators: splitIndicators(r.indicators),
    mitigation: r.mitigation,
    patchEvidence: r.patchEvidence as PatchEvidence,
    tool: TOOL_NAMES[r.source] ?? null,
    cves: parseToolVerdict(r.toolVerdict)?.cves ?? [],
  };
}
