// The weekly digest: what changed for one organization in one week (seven UTC days). Pure: the data layer reads the
// spans, findings and hunts of the week (lib/data/fleet/digest.ts); this module says which week a day belongs to,
// what a change of status is called, and holds the shape the page, the client report and the webhook event share.
import { addDays } from "./days";
import type { Status, StatusCounts } from "./statuses";

export const DIGEST_DAYS = 7;
/** Servers listed per part of a digest; each part's `total` says how many there were. */
export const DIGEST_LIST_LIMIT = 50;

/** A week as days, both included (YYYY-MM-DD, UTC). */
export interface DigestWeek {
  from: string;
  until: string;
}

/** The seven days that end on `until` (today, on the page). */
export function weekEndingOn(until: string): DigestWeek {
  return { from: addDays(until, -(DIGEST_DAYS - 1)), until };
}

/** The last full week, Monday to Sunday, before `today`: what a digest sent on a Monday covers. */
export function lastFullWeek(today: string): DigestWeek {
  const weekday = (new Date(`${today}T00:00:00.000Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return weekEndingOn(addDays(today, -weekday - 1));
}

/** A server that counts as open to attack (as the hunt and exposure rules read it). */
const EXPOSED: ReadonlySet<Status> = new Set<Status>(["unpatched", "unknown", "compromised"]);
export const isExposedStatus = (status: Status | null): boolean => status !== null && EXPOSED.has(status);

export type DigestChangeKind = "patched" | "exposed" | "other";

/**
 * What a server's change of status over the week is called. `null` before: it was not counted yet (a new server, or
 * a campaign not disclosed yet); `null` after: it left the counts (decommissioned). Newly exposed: open to attack
 * now and not before (a new server first seen unpatched included). Newly patched: patched now after a status that
 * was not. Anything else that differs (unpatched to compromised, a new patched server, a server that left) is other.
 */
export function changeKind(before: Status | null, after: Status | null): DigestChangeKind | null {
  if (before === after) return null;
  if (isExposedStatus(after) && !isExposedStatus(before)) return "exposed";
  if (after === "patched" && before !== null) return "patched";
  return "other";
}

export interface DigestList<T> {
  items: T[];
  total: number;
}

export interface DigestChange {
  serverId: number;
  hostname: string;
  before: Status | null;
  after: Status | null;
  /** the last day in the week its status changed */
  day: string;
}

export interface DigestFindings {
  serverId: number;
  hostname: string;
  /** indicators of compromise first reported this week */
  indicators: number;
  /** suspicious files (leads) first reported this week */
  suspiciousFiles: number;
  /** a few of them in words (lib/domain/findings.ts findingSummary: a path, a CVE log hit) */
  what: string[];
  /** the earliest one's own time (ISO 8601): it can be long before the week it was found in */
  firstAt: string;
  /** when a scan first reported one this week (ISO 8601) */
  reportedAt: string;
}

export interface DigestHunt {
  serverId: number;
  hostname: string;
  /** ISO 8601: when the check ran or the hunt was recorded */
  at: string;
  /** "check": a compromise check's run uploaded as a scan; "recorded": a hunt a technician recorded */
  kind: "check" | "recorded";
  tool: string;
  result: "clean" | "found";
  /** the days it looked at, when known */
  covers: { from: string; to: string } | null;
}

export interface WeeklyDigest {
  organization: { id: number; slug: string; name: string };
  campaign: { id: string; name: string };
  week: DigestWeek;
  /** servers by status at the end of the day before the week, and at the end of its last day */
  counts: { before: StatusCounts & { servers: number }; after: StatusCounts & { servers: number } };
  patched: DigestList<DigestChange>;
  exposed: DigestList<DigestChange>;
  other: DigestList<DigestChange>;
  findings: DigestList<DigestFindings> & { findings: number };
  hunts: DigestList<DigestHunt>;
}

/** Whether nothing happened that week. */
export const digestIsQuiet = (d: WeeklyDigest): boolean => d.patched.total + d.exposed.total + d.other.total + d.findings.total + d.hunts.total === 0;

/** Rows split into the three kinds of change, each listed up to the limit (most recent first) with its total. */
export function groupChanges(rows: readonly DigestChange[], limit = DIGEST_LIST_LIMIT): Pick<WeeklyDigest, "patched" | "exposed" | "other"> {
  const groups: Record<DigestChangeKind, DigestChange[]> = { patched: [], exposed: [], other: [] };
  for (const row of rows) {
    const kind = changeKind(row.before, row.after);
    if (kind) groups[kind].push(row);
  }
  const list = (items: DigestChange[]): DigestList<DigestChange> => ({
    items: [...items].sort((a, b) => b.day.localeCompare(a.day) || a.hostname.localeCompare(b.hostname)).slice(0, limit),
    total: items.length,
  });
  return { patched: list(groups.patched), exposed: list(groups.exposed), other: list(groups.other) };
}

/** A change of status in words plain text can carry (a PDF's WinAnsi has no arrow): "unpatched to patched". */
export function changeWords(before: Status | null, after: Status | null): string {
  if (before === null) return `new: ${after ?? "not counted"}`;
  if (after === null) return `${before}, then left the counts`;
  return `${before} to ${after}`;
}
