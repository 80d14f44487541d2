// How long each server stayed exposed to a campaign, and how fast an organization patched: the figures an MSP
// shows a client. A server's exposure runs from the later of the campaign's disclosure and its first scan (its
// first span, which is clipped to the disclosure) until the scan that showed it patched, if one has.
import { daysBetween } from "./days";
import type { StatusSpan } from "./status";

export interface Exposure {
  /** the first day of the exposure */
  from: string;
  /** the day a scan showed it patched (the start of its current patched run); null while it is still open */
  patchedOn: string | null;
  /** days from `from` to `patchedOn`; null while open */
  patchDays: number | null;
}

/** A server's exposure from its spans (oldest first); null when it has none (never scanned, or not disclosed yet). */
export function exposureOf(spans: readonly StatusSpan[]): Exposure | null {
  if (spans.length === 0) return null;
  const from = spans[0].fromDay;
  const last = spans[spans.length - 1];
  if (last.toDay !== null || last.status !== "patched") return { from, patchedOn: null, patchDays: null };
  return { from, patchedOn: last.fromDay, patchDays: daysBetween(from, last.fromDay) };
}

/** The nearest-rank percentile (p in (0, 1]) of ascending values: the smallest value with at least p of them at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

/** The rank (1-based) the database reads for a percentile of n values: the same rule as nearestRank. */
export const percentileRank = (n: number, p: number) => Math.max(1, Math.ceil(p * n));

export interface ServerPatchTime {
  patchDays: number | null;
  /** days it has been open so far, for an open exposure */
  openDays: number | null;
  targetDays: number;
}

export interface PatchTimeFigures {
  /** servers with an exposure to this campaign */
  exposed: number;
  patched: number;
  median: number | null;
  p90: number | null;
  /** patched within their organization's target */
  withinTarget: number;
  /** still open and already past the target */
  openPastTarget: number;
  /** patched, but later than the target */
  patchedLate: number;
}

/** The figures from every server's numbers: the reference the database's aggregates are tested against. */
export function patchTimeFigures(servers: readonly ServerPatchTime[]): PatchTimeFigures {
  const days = servers.flatMap((s) => (s.patchDays === null ? [] : [s.patchDays])).sort((a, b) => a - b);
  return {
    exposed: servers.length,
    patched: days.length,
    median: nearestRank(days, 0.5),
    p90: nearestRank(days, 0.9),
    withinTarget: servers.filter((s) => s.patchDays !== null && s.patchDays <= s.targetDays).length,
    openPastTarget: servers.filter((s) => s.patchDays === null && (s.openDays ?? 0) > s.targetDays).length,
    patchedLate: servers.filter((s) => s.patchDays !== null && s.patchDays > s.targetDays).length,
  };
}

/** The share of exposed servers patched by each day since the start (0 … last), from counts patched per day. */
export function patchCurve(patchedByDay: ReadonlyMap<number, number>, exposed: number, lastDay: number): { day: number; share: number }[] {
  if (exposed === 0) return [];
  const points: { day: number; share: number }[] = [];
  let sum = 0;
  for (const [day, n] of patchedByDay) if (day < 0) sum += n; // patched before the start counts from day 0
  for (let day = 0; day <= lastDay; day++) {
    sum += patchedByDay.get(day) ?? 0;
    points.push({ day, share: sum / exposed });
  }
  return points;
}
