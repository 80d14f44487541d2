// The figures of a fuzz run, per target: inputs, what they ended in at the reader and at the route, the slowest
// input and memory. Pure: the runner feeds it and prints `table()`.
import type { CaseResult } from "./fuzz-case";

export interface TargetStats {
  target: string;
  inputs: number;
  /** reader layer: rows accepted and rejected (with their lines), files refused with a typed error */
  accepted: number;
  rejected: number;
  refused: number;
  /** route: answers by class, and how many inputs were real imports rather than dry runs */
  route2xx: number;
  route4xx: number;
  /** the 4xx answers by error code */
  codes: Record<string, number>;
  realImports: number;
  maxMs: number;
  slowest: string;
  peakHeapMb: number;
  /** heap after a full collection at the end, minus the same at the start */
  heapGrowthMb: number;
  failures: number;
}

export function newStats(target: string): TargetStats {
  return { target, inputs: 0, accepted: 0, rejected: 0, refused: 0, route2xx: 0, route4xx: 0, codes: {}, realImports: 0, maxMs: 0, slowest: "", peakHeapMb: 0, heapGrowthMb: 0, failures: 0 };
}

export function record(stats: TargetStats, result: CaseResult, label: string): void {
  stats.inputs++;
  stats.accepted += result.parser.accepted;
  stats.rejected += result.parser.rejected;
  if (result.parser.refused !== null) stats.refused++;
  if (result.route !== null) {
    if (result.route.status < 300) stats.route2xx++;
    else {
      stats.route4xx++;
      const code = result.route.code ?? "?";
      stats.codes[code] = (stats.codes[code] ?? 0) + 1;
    }
    if (!result.input.recipe.upload.dryRun) stats.realImports++;
  }
  const ms = result.parser.ms + (result.route?.ms ?? 0);
  if (ms > stats.maxMs) {
    stats.maxMs = ms;
    stats.slowest = label;
  }
}

const COLUMNS: Array<[string, (s: TargetStats) => string]> = [
  ["format", (s) => s.target],
  ["inputs", (s) => count(s.inputs)],
  ["rows accepted", (s) => count(s.accepted)],
  ["rows rejected", (s) => count(s.rejected)],
  ["files refused", (s) => count(s.refused)],
  ["route 2xx", (s) => count(s.route2xx)],
  ["route 4xx", (s) => count(s.route4xx)],
  ["real imports", (s) => count(s.realImports)],
  ["max per input", (s) => `${Math.round(s.maxMs)} ms`],
  ["peak heap", (s) => `${Math.round(s.peakHeapMb)} MB`],
  ["heap growth", (s) => `${s.heapGrowthMb.toFixed(1)} MB`],
  ["failures", (s) => count(s.failures)],
];

const count = (n: number) => n.toLocaleString("en-US");

/** The most frequent 4xx codes, for the line under the table: "no_header 312, malformed_csv 40, …". */
export function topCodes(stats: TargetStats, count = 6): string {
  const sorted = Object.entries(stats.codes).sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, count).map(([code, n]) => `${code} ${n.toLocaleString("en-US")}`);
  return shown.join(", ") + (sorted.length > count ? `, ${sorted.length - count} more` : "");
}

/** A Markdown table, so the figures paste into the README as they are. */
export function table(rows: TargetStats[]): string {
  const cells = [COLUMNS.map(([name]) => name), ...rows.map((r) => COLUMNS.map(([, cell]) => cell(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(cells[0]), line(widths.map((w) => "-".repeat(w))), ...cells.slice(1).map(line)].join("\n");
}
