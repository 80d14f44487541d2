import { toolOfSource } from "../../import/formats";
import { isPatchEvidence, type FindingFacts, type FindingKind, type ScanFacts } from "../../domain/facts";


export interface StoredToolVerdict {
  tool: string;
  vulnerable: boolean | "unknown";
  cves: string[];
}

export interface ScanFactsRecord {
  id?: number;
  scannedAt: string | Date;
  build: string | null;
  mitigation: string | null;
  source: string;
  patchEvidence: string;
  toolVerdict: string | null;
  signals?: string | null;
}

/** A finding as the recompute reads it: the same one listed by several scans is read once. */
export interface FindingRecord {
  at: string | Date;
  reportedAt: string | Date;
  type: string;
  detail: string;
  kind: string;
}

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
  // One literal, the optional id added after: an object spread of a conditional one takes V8's slow path (status.ts).
  const facts: ScanFacts = {
    scannedAt: new Date(r.scannedAt),
    build: r.build,
    mitigation: r.mitigation,
    // An unknown value (a row written by a newer version) says nothing about the patch.
    patchEvidence: isPatchEvidence(r.patchEvidence) ? r.patchEvidence : "not-checked",
    tool: toolOfSource(r.source),
    source: r.source,
    cves: parseToolVerdict(r.toolVerdict)?.cves ?? [],
    signals: r.signals ? r.signals.split(",") : [],
  };
  if (r.id !== undefined) facts.id = r.id;
  return facts;
}

export function findingFacts(r: FindingRecord): FindingFacts {
  return {
    at: new Date(r.at),
    reportedAt: new Date(r.reportedAt),
    type: r.type,
    detail: r.detail,
    kind: (r.kind === "suspicious-file" ? "suspicious-file" : "indicator") satisfies FindingKind,
  };
}
