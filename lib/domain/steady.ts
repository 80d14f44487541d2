// A server whose new scans only repeat what its latest stored scan showed (issue 12): most of a fleet scanned every
// day. Its statuses, spans and hunts per campaign are the stored ones, so a re-derive need not replay it; what
// moves is its last scan's time and address, its resume anchors, and the roll-up's hunt (the campaign with the most
// days left to cover may change as days pass). Why the stored ones stay exact:
// - The status engine (server-timeline.ts) holds a handful of scans; a scan with the same evidence as the latest one
//   (build, mitigation, evidence, tool, checks that fired) takes the place of that one in each slot it held or
//   leaves the slot as it was, and the status it gives is the same. So every new day's status is the open span's.
// - What depends on the day of the derive rather than on the facts: which campaigns are disclosed (the roll-up's
//   current status, the hunts it ranks), a stopgap an exploit gets past (an event day of its own), and a hunt
//   window's days covered up to today. So no campaign may be disclosed, and no stopgap bypassed, after the day the
//   stored state was derived (kept with its resume point) and by today, and every clean check or recorded hunt must
//   end by that day.
// - Of the new scans only those of the latest moment can hold a slot, and they take every slot the scans of an
//   earlier steady re-derive held. So the anchors of a steady server are those of its last replay and the new scans
//   of the latest moment (steadyAnchors).
// - New findings, remediations, checks or a technician's marks change things: any of them, and it is not steady.
// The property test (steady.test.ts) checks all of this against the whole history replayed.
import type { CampaignRules } from "./campaign-rules";
import { dayOf, laterDay } from "./days";
import type { ScanFacts, ServerHistory } from "./facts";
import { reachedServer } from "./patch-evidence";

/** Whether two scans say the same in everything the status engine reads of a scan but its time and id. */
export function sameEvidence(a: ScanFacts, b: ScanFacts): boolean {
  return (
    a.build === b.build &&
    a.mitigation === b.mitigation &&
    (a.patchEvidence ?? null) === (b.patchEvidence ?? null) &&
    (a.tool ?? null) === (b.tool ?? null) &&
    (a.source ?? null) === (b.source ?? null) &&
    sameList(a.cves, b.cves) &&
    sameList(a.signals, b.signals)
  );
}

// Every field of a scan but its time and id, compared above: a field added to ScanFacts fails the type check here
// until sameEvidence compares it too.
const COMPARED = { build: true, mitigation: true, patchEvidence: true, tool: true, source: true, cves: true, signals: true } as const;
COMPARED satisfies Record<Exclude<keyof ScanFacts, "id" | "scannedAt">, true>;

const sameList = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface SteadyInput {
  /** a resumed window (resume.ts): the stored anchors, and every fact from `since` on */
  history: ServerHistory;
  /** the start of the first day the new facts change */
  since: Date;
  /** the day the stored state was derived (a steady re-derive counts as one: it checked that nothing moved) */
  derivedOn: string;
  campaigns: readonly CampaignRules[];
  today: string;
}

/** The new scans of a server whose new facts only repeat its latest stored scan; null when anything else changed. */
export function steadyScans({ history, since, derivedOn, campaigns, today }: SteadyInput): ScanFacts[] | null {
  // Loops rather than filtered copies: this runs for most servers of every daily import.
  const from = since.getTime();
  const fresh: ScanFacts[] = [];
  let latest = -Infinity;
  for (const s of history.scans) {
    const t = s.scannedAt.getTime();
    if (t >= from) fresh.push(s);
    else if (t > latest) latest = t;
  }
  if (fresh.length === 0 || latest === -Infinity) return null;
  // Scans of the same moment are ordered by their evidence: all of the latest must say the same.
  let last: ScanFacts | undefined;
  for (const s of history.scans) {
    if (s.scannedAt.getTime() !== latest) continue;
    if (!last) {
      if (!reachedServer(s)) return null;
      last = s;
    } else if (!sameEvidence(s, last)) return null;
  }
  for (const s of fresh) if (!sameEvidence(s, last!)) return null;
  for (const f of history.findings) if (f.at.getTime() >= from || f.reportedAt.getTime() >= from) return null;
  for (const r of history.remediations) if (r.remediatedAt.getTime() >= from) return null;
  if (history.lifecycle?.length) return null;
  for (const c of history.checks ?? []) if (c.at.getTime() >= from || dayOf(c.at) > derivedOn) return null;
  for (const h of history.hunts ?? []) if (h.toDay > derivedOn) return null;
  if (today < derivedOn) return null;
  // A scan may be dated up to a few minutes ahead of the clock: its day counts as today.
  let until = today;
  for (const s of fresh) until = laterDay(until, dayOf(s.scannedAt));
  const moves = (day: string | null | undefined) => day != null && day > derivedOn && day <= until;
  for (const c of campaigns) {
    if (moves(c.disclosed)) return null;
    for (const m of c.mitigations) if (moves(m.bypassedFrom)) return null;
  }
  return fresh;
}

/**
 * A steady server's anchors: those of its last replay (its stored anchors less `added`, those an earlier steady
 * re-derive added) and the new scans of the latest moment, which this one adds.
 */
export function steadyAnchors(stored: readonly number[], added: readonly number[], fresh: readonly ScanFacts[]): { anchors: number[]; added: number[] } {
  const earlier = new Set(added);
  const latest = Math.max(...fresh.map((s) => s.scannedAt.getTime()));
  const now = fresh.filter((s) => s.scannedAt.getTime() === latest && s.id !== undefined).map((s) => s.id!);
  return { anchors: [...new Set([...stored.filter((id) => !earlier.has(id)), ...now])], added: now };
}
