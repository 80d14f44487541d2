// Re-deriving a server from the first day its new facts change, not from its first scan (issue 12): a fleet scanned
// every day must not cost more each day. Why replaying a few stored scans is enough:
// - The status engine (server-timeline.ts) holds, of all the scans it has replayed, only a handful: the latest
//   conclusive one, the latest inconclusive one after it, the first contradiction after it, the latest mitigation,
//   the latest live probe and the latest scan that reached the server. Replaying any set of scans that contains those
//   (for every campaign, since each reads scans its own way) leaves the timeline exactly as replaying all of them.
// - The current state reads two more: the first scan that reached the server (its hunt starts there) and the last
//   scan of all (an offline one explains an unknown). evaluateServer returns all of these as its `anchors`.
// - Findings, remediations and compromise checks are few and are always read whole; a server with a technician's
//   marks (disconnected, decommissioned) is always re-derived whole, since marks and scans interleave.
// So a server whose stored scans all fall before day D (`resumeThrough` < D) is replayed from its stored anchors and
// every scan from D on: its statuses from D on are exact, and those before D are the stored spans.
import type { CampaignRules } from "./campaign-rules";
import type { ServerHistory } from "./facts";
import { dayOf } from "./days";
import { reachedServer } from "./patch-evidence";
import type { StatusSpan } from "./status";

export interface Resume {
  /** the first day (YYYY-MM-DD) the new facts change: statuses before it are kept as stored */
  day: string;
  /** the stored spans by campaign, each clipped to its campaign's disclosure as stored (the roll-up's is not read) */
  stored: ReadonlyMap<string, readonly StatusSpan[]>;
}

/**
 * The day a resume may start after (`resumeThrough`): the day of the server's latest scan. None while no scan has
 * reached it and nothing was found: such a server has no spans yet, and its first visible fact gives it spans from
 * its earliest event on, before any day a resume would keep.
 */
export function resumePoint(history: ServerHistory): string | null {
  const visible = history.scans.some(reachedServer) || history.findings.some((f) => f.kind === "indicator");
  if (!visible) return null;
  return dayOf(new Date(Math.max(...history.scans.map((s) => s.scannedAt.getTime()), ...history.findings.map((f) => f.at.getTime()))));
}

/** The days a stopgap stops holding (an exploit gets past it), of every campaign. */
export const bypassDays = (campaigns: readonly CampaignRules[]): string[] => campaigns.flatMap((c) => c.mitigations.flatMap((m) => (m.bypassedFrom ? [m.bypassedFrom] : [])));

export interface StoredResume {
  resumeThrough: string | null;
  hasMarks: boolean;
  /** the day the stored state was derived; null for one stored before it was kept */
  derivedOn: string | null;
}

/**
 * Whether a server's stored anchors can stand for its stored scans when its new facts start on `fromDay`. A stopgap
 * bypassed after the stored state was derived and before that day is an event day the stored spans lack, and one
 * the resumed replay (from that day on) would not see: such a server is replayed whole.
 */
export function canResume(server: StoredResume, fromDay: string, bypasses: readonly string[]): boolean {
  if (server.resumeThrough === null || server.resumeThrough >= fromDay || server.hasMarks || server.derivedOn === null) return false;
  const derivedOn = server.derivedOn;
  return !bypasses.some((day) => day > derivedOn && day < fromDay);
}
