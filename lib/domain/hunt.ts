// Who still needs a hunt. Patching closes the door; it does not tell whether someone came in while it was open.
// A server exposed to a campaign (unpatched, unknown, or mitigated by a stopgap an exploit gets past: the spans say
// so) at any time after the campaign's exploitation began needs compromise checks covering its window: from the
// campaign's look-back date to the day it was patched (today while it is still exposed). A campaign exploited
// before its fix existed (a zero-day) exposed every server on an affected build from the first day of
// exploitation, before its first scan too: only a server first seen on a CU released after the fix was safe.
import { addDays, daysBetween, laterDay } from "./days";
import type { StatusSpan } from "./status";
import type { Status } from "./statuses";

/** Worst first: the order of the filter, the roll-up and the cards. */
export const HUNT_STATES = ["compromised", "needed", "partly-hunted", "hunted", "not-needed"] as const;
export type HuntState = (typeof HUNT_STATES)[number];
/** The states that still call for a hunt: the "needs a hunt" card counts both. */
export const HUNT_PENDING: readonly HuntState[] = ["needed", "partly-hunted"];

export const HUNT_LABELS: Record<HuntState, string> = {
  compromised: "Compromised",
  needed: "Needs a hunt",
  "partly-hunted": "Partly hunted",
  hunted: "Hunted",
  "not-needed": "Not needed",
};

export const isHuntState = (v: unknown): v is HuntState => typeof v === "string" && (HUNT_STATES as readonly string[]).includes(v);

/** Days a clean check looked at, both ends included. */
export interface CoverRange {
  fromDay: string;
  toDay: string;
}

export interface HuntCampaign {
  exploitedFrom: string;
  lookBackFrom: string;
  /** the day the first fix was released; a campaign exploited before it is a zero-day */
  fixReleased?: string | null;
}

export interface HuntInput {
  campaign: HuntCampaign;
  /** the campaign's spans, oldest first */
  spans: readonly StatusSpan[];
  status: Status;
  /** the server's first scan that reached it; `safe`: its build shows it was never exposed (a CU shipped after the fix, or a product the campaign does not affect) */
  firstScan: { day: string; safe: boolean } | null;
  covers: readonly CoverRange[];
  today: string;
}

export interface Hunt {
  state: HuntState;
  /** the first day to look at (the look-back date), null when no hunt is needed */
  windowFrom: string | null;
  /** the last day to look at (the day it was patched); null while it is still exposed: today */
  windowTo: string | null;
  /** days of the window that clean checks cover */
  covered: number;
  /** the first day it was exposed while exploited: "oldest exposure first" */
  exposedSince: string | null;
}

const EXPOSED: ReadonlySet<Status> = new Set(["unpatched", "unknown", "compromised"]);

export const isZeroDay = (c: HuntCampaign) => c.fixReleased != null && c.exploitedFrom < c.fixReleased;

/** When the server was exposed while exploited: from `since` to `until` (the first day no longer exposed; null: still). */
export function exposureWhileExploited(input: Omit<HuntInput, "covers" | "status" | "today">): { since: string; until: string | null } | null {
  const { campaign, spans, firstScan } = input;
  const exposed = spans.filter((s) => EXPOSED.has(s.status) && (s.toDay === null || s.toDay > campaign.exploitedFrom));
  if (isZeroDay(campaign) && !firstScan?.safe) {
    // Exposed from the first day of exploitation until the first day a scan showed it safe.
    const until = exposed.length ? exposed[exposed.length - 1].toDay : (spans[0]?.fromDay ?? firstScan?.day ?? null);
    return { since: campaign.exploitedFrom, until };
  }
  if (exposed.length === 0) return null;
  return { since: laterDay(exposed[0].fromDay, campaign.exploitedFrom), until: exposed[exposed.length - 1].toDay };
}

/** Days of [from, to] (both included) that the ranges cover, each day once. */
export function coveredDays(from: string, to: string, covers: readonly CoverRange[]): number {
  const clipped = covers
    .map((c) => ({ fromDay: laterDay(c.fromDay, from), toDay: c.toDay < to ? c.toDay : to }))
    .filter((c) => c.fromDay <= c.toDay)
    .sort((a, b) => (a.fromDay < b.fromDay ? -1 : a.fromDay > b.fromDay ? 1 : 0));
  let total = 0;
  let reached: string | null = null; // the last day counted so far
  for (const c of clipped) {
    const start = reached === null || c.fromDay > reached ? c.fromDay : addDays(reached, 1);
    if (start > c.toDay) continue;
    total += daysBetween(start, c.toDay) + 1;
    reached = c.toDay;
  }
  return total;
}

/** The days of a window, both ends included; an open window runs to today. */
export const windowDays = (from: string, to: string | null, today: string) => Math.max(0, daysBetween(from, to ?? today) + 1);

export function huntOf(input: HuntInput): Hunt {
  const exposure = exposureWhileExploited(input);
  if (exposure === null) {
    return { state: input.status === "compromised" ? "compromised" : "not-needed", windowFrom: null, windowTo: null, covered: 0, exposedSince: null };
  }
  const windowFrom = input.campaign.lookBackFrom;
  const windowTo = exposure.until;
  const covered = coveredDays(windowFrom, windowTo ?? input.today, input.covers);
  const days = windowDays(windowFrom, windowTo, input.today);
  // A server still exposed is never "hunted": tomorrow is not covered yet.
  const state: HuntState =
    input.status === "compromised" ? "compromised" : covered === 0 ? "needed" : covered >= days && windowTo !== null ? "hunted" : "partly-hunted";
  return { state, windowFrom, windowTo, covered, exposedSince: exposure.since };
}

/** The roll-up across campaigns: the worst state, told by the campaign that has it (the most days left to cover). */
export function rollupHunt(hunts: readonly Hunt[], today: string): Hunt {
  const left = (h: Hunt) => (h.windowFrom ? windowDays(h.windowFrom, h.windowTo, today) - h.covered : 0);
  // One pass (an import ranks every server it touches): the worst state, then the most days left, then the first.
  let worst: Hunt | null = null;
  let worstRank = 0;
  let worstLeft = 0;
  let since: string | null = null;
  for (const h of hunts) {
    const rank = HUNT_RANK[h.state] ?? -1; // a state read from the database that is none of these: first, as the sort had it
    if (worst === null || rank < worstRank || (rank === worstRank && left(h) > worstLeft)) {
      worst = h;
      worstRank = rank;
      worstLeft = left(h);
    }
    if ((HUNT_PENDING.includes(h.state) || h.state === "compromised") && h.exposedSince && (since === null || h.exposedSince < since)) since = h.exposedSince;
  }
  if (!worst) return { state: "not-needed", windowFrom: null, windowTo: null, covered: 0, exposedSince: null };
  return { ...worst, exposedSince: since ?? worst.exposedSince };
}

const HUNT_RANK = Object.fromEntries(HUNT_STATES.map((state, i) => [state, i])) as Record<HuntState, number>;

/** What a clean check looked at: back from its day by its log reach, after the latest finding it listed. */
export function checkCover(check: { day: string; reachDays: number | null; latestFindingDay?: string | null }): CoverRange | null {
  let fromDay = addDays(check.day, -Math.max(0, check.reachDays ?? 0));
  if (check.latestFindingDay) fromDay = laterDay(fromDay, addDays(check.latestFindingDay, 1));
  return fromDay <= check.day ? { fromDay, toDay: check.day } : null;
}

/** "Checks cover 12 of the 190 days to look at", or what the state means; `days`: the window's days as of today. */
export function huntSentence(state: HuntState, w: { windowFrom: string | null; windowTo: string | null; covered: number; days: number }): string {
  if (state === "not-needed") return "Not exposed while exploited: no hunt needed.";
  if (state === "compromised") return "Compromised: investigate and remediate.";
  const until = w.windowTo ? `to ${w.windowTo}, the day it was patched` : "to today (still exposed)";
  const window = w.windowFrom ? ` from ${w.windowFrom} ${until}` : "";
  if (state === "hunted") return `Hunted: clean checks cover all ${w.days} days to look at${window}.`;
  if (state === "needed") return `Needs a hunt: no check covers any of the ${w.days} days to look at${window}.`;
  return `Partly hunted: checks cover ${w.covered} of the ${w.days} days to look at${window}.`;
}
