// The weekly digest (lib/domain/digest.ts) as the data of an `organization.weekly_digest` event. Pure. The event is a
// summary for a chat channel or a ticket, not the digest page: each list is shorter than the page's, the totals stay
// exact, and the finding types and hunt covers are left to the page the event links to.
import type { DigestChange, DigestList, DigestWeek, WeeklyDigest } from "../digest";
import type { DigestServerChange, WeeklyDigestData } from "./events";

/** Servers listed per part of the event (below MAX_LISTED_SERVERS: five lists in one body). */
export const DIGEST_EVENT_LISTED = 25;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function changes(list: DigestList<DigestChange>, limit: number): { servers: DigestServerChange[]; total: number } {
  return { servers: list.items.slice(0, limit).map((c) => ({ id: c.serverId, hostname: c.hostname, before: c.before, after: c.after, day: c.day })), total: list.total };
}

export function digestEventData(d: WeeklyDigest, limit = DIGEST_EVENT_LISTED): WeeklyDigestData {
  return {
    organization: { id: d.organization.id, slug: d.organization.slug, name: d.organization.name },
    week: { from: d.week.from, until: d.week.until },
    campaign: { id: d.campaign.id, name: d.campaign.name },
    counts: d.counts,
    patched: changes(d.patched, limit),
    exposed: changes(d.exposed, limit),
    other: changes(d.other, limit),
    findings: {
      servers: d.findings.items.slice(0, limit).map((f) => ({ id: f.serverId, hostname: f.hostname, indicators: f.indicators, suspiciousFiles: f.suspiciousFiles })),
      total: d.findings.total,
      findings: d.findings.findings,
    },
    hunts: {
      servers: d.hunts.items.slice(0, limit).map((h) => ({ id: h.serverId, hostname: h.hostname, tool: h.tool, result: h.result, at: h.at })),
      total: d.hunts.total,
    },
  };
}

/** Whether nothing happened that week (as digestIsQuiet, on the event's data). */
export const digestEventIsQuiet = (d: WeeklyDigestData): boolean => d.patched.total + d.exposed.total + d.other.total + d.findings.total + d.hunts.total === 0;

/** A week in words, what its two ends share said once: "8 – 14 Mar 2021", "30 Nov – 6 Dec 2026", "29 Dec 2025 – 4 Jan 2026". */
export function weekWords(week: DigestWeek): string {
  const [fy, fm, fd] = week.from.split("-").map(Number);
  const [uy, um, ud] = week.until.split("-").map(Number);
  const until = `${ud} ${MONTHS[um - 1]} ${uy}`;
  if (fy !== uy) return `${fd} ${MONTHS[fm - 1]} ${fy} – ${until}`;
  if (fm !== um) return `${fd} ${MONTHS[fm - 1]} – ${until}`;
  return `${fd} – ${until}`;
}
