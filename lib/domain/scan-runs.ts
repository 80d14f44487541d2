// The scan history folds the scans that changed nothing: a weekly scan of a server that stays patched would
// otherwise repeat the same verdict and reason dozens of times. Pure: the page's timeline only draws the result.

/** What a scan said, as far as "did anything change" goes. */
export interface ScanOutcome {
  scannedAt: string;
  /** the format it came from: a scan is compared with the previous scan of the same tool */
  source: string;
  status: string;
  build: string | null;
  mitigation: string | null;
  /** what it found, one label per finding type */
  indicators: readonly string[];
}

export type HistoryEntry<T> =
  | { kind: "change"; scan: T }
  /** consecutive scans (newest first) that each said what their tool's previous scan had said */
  | { kind: "unchanged"; scans: T[]; from: string; to: string };

const outcomeKey = (s: ScanOutcome) => JSON.stringify([s.status, s.build, s.mitigation, [...s.indicators].sort()]);

/**
 * The history, newest first, with every run of unchanged scans as one entry. A scan changes something when it
 * is its tool's first, or when its verdict, build, mitigation or findings differ from its tool's previous scan.
 * Each tool is compared with itself: a compromise check between two build scans says nothing about the build,
 * and must not make the second build scan look like news.
 */
export function foldUnchangedScans<T extends ScanOutcome>(newestFirst: readonly T[]): HistoryEntry<T>[] {
  const oldestFirst = [...newestFirst].reverse();
  const lastBySource = new Map<string, string>();
  const changed = new Set<T>();
  for (const scan of oldestFirst) {
    const key = outcomeKey(scan);
    if (lastBySource.get(scan.source) !== key) changed.add(scan);
    lastBySource.set(scan.source, key);
  }
  const entries: HistoryEntry<T>[] = [];
  for (const scan of newestFirst) {
    const last = entries.at(-1);
    if (changed.has(scan)) entries.push({ kind: "change", scan });
    else if (last?.kind === "unchanged") {
      last.scans.push(scan);
      last.from = scan.scannedAt;
    } else entries.push({ kind: "unchanged", scans: [scan], from: scan.scannedAt, to: scan.scannedAt });
  }
  return entries;
}
