// The weekly digest of one organization (lib/domain/digest.ts): read from the week's own rows, so it costs what the
// week holds, not the organization's history. Status changes come from the stored spans (the state at the end of the
// day before the week against the end of its last day, through the (campaign, organization, day) indexes), counts
// from the per-day roll-up, findings from the scans of the week, hunts from the checks run and hunts recorded in it.
import type { Access } from "../../domain/access";
import { ROLLUP_ID } from "../../domain/campaigns/definition";
import { addDays, startOfDay } from "../../domain/days";
import { DIGEST_LIST_LIMIT, groupChanges, weekEndingOn, type DigestChange, type DigestFindings, type DigestHunt, type DigestWeek, type WeeklyDigest } from "../../domain/digest";
import { findingSummary } from "../../domain/findings";
import { checkCover } from "../../domain/hunt";
import { STATUSES, emptyCounts, isStatus, type Status } from "../../domain/statuses";
import { COMPROMISE_CHECK_SOURCES, toolOfSource } from "../../import/formats";
import { listCampaigns, resolveCampaignId } from "../campaigns/registry";
import { withReadSession, type SqlSession } from "../sql-session";
import { requireOrganizationId } from "./organizations";

/** Rows one part of a digest reads at most; the totals say "at least" past it only in a week this busy. */
const MAX_ROWS = 20_000;
const MAX_WHAT = 3;

export interface DigestQuery {
  organization: string;
  campaign?: string;
  /** the week's last day (YYYY-MM-DD); default today */
  until?: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const iso = (v: unknown): string => new Date(v as string | Date).toISOString();

/** One organization's digest for the week ending on `until`, for the caller (a 404 for an organization they may not see). */
export async function getWeeklyDigest(access: Access, query: DigestQuery): Promise<WeeklyDigest> {
  const organizationId = await requireOrganizationId(access, query.organization);
  const campaign = await campaignRef(query.campaign);
  const until = query.until && query.until < today() ? query.until : today();
  return withReadSession((s) => readDigest(s, organizationId, campaign, weekEndingOn(until)));
}

export async function campaignRef(id: string | undefined): Promise<WeeklyDigest["campaign"]> {
  const campaignId = await resolveCampaignId(id);
  const found = (await listCampaigns()).find((c) => c.id === campaignId);
  return { id: campaignId, name: found?.name ?? (campaignId === ROLLUP_ID ? "All known-exploited" : campaignId) };
}

/** The digest, on a session the caller opened (the weekly webhook sweep reads many in one). */
export async function readDigest(s: SqlSession, organizationId: number, campaign: WeeklyDigest["campaign"], week: DigestWeek): Promise<WeeklyDigest> {
  const [organization] = await s.all<{ id: number; slug: string; name: string }>(`SELECT "id", "slug", "name" FROM "Organization" WHERE "id" = ?`, [organizationId]);
  const [changes, before, after, findings, hunts] = [
    await statusChanges(s, organizationId, campaign.id, week),
    await countsOn(s, organizationId, campaign.id, addDays(week.from, -1)),
    await countsOn(s, organizationId, campaign.id, week.until),
    await newFindings(s, organizationId, week),
    await huntsDone(s, organizationId, week),
  ];
  return {
    organization: { id: Number(organization.id), slug: organization.slug, name: organization.name },
    campaign,
    week,
    counts: { before, after },
    ...groupChanges(changes),
    findings,
    hunts,
  };
}

// The servers whose spans start or end within the week, each with its status on the day before the week and on its
// last day ([fromDay, toDay): a span ending on a day no longer holds on it).
async function statusChanges(s: SqlSession, organizationId: number, campaign: string, week: DigestWeek): Promise<DigestChange[]> {
  const start = addDays(week.from, -1);
  const at = `MAX(CASE WHEN sp."fromDay" <= ? AND (sp."toDay" IS NULL OR sp."toDay" > ?) THEN sp."status" END)`;
  const rows = await s.all<{ serverId: number; hostname: string; before: string | null; after: string | null; started: string | null; ended: string | null }>(
    `SELECT sp."serverId", v."hostname", ${at} AS "before", ${at} AS "after",
       MAX(CASE WHEN sp."fromDay" >= ? AND sp."fromDay" <= ? THEN sp."fromDay" END) AS "started",
       MAX(CASE WHEN sp."toDay" >= ? AND sp."toDay" <= ? THEN sp."toDay" END) AS "ended"
     FROM "StatusSpan" sp JOIN "Server" v ON v."id" = sp."serverId"
     WHERE sp."campaign" = ? AND sp."organizationId" = ? AND sp."serverId" IN (
       SELECT "serverId" FROM "StatusSpan" WHERE "campaign" = ? AND "organizationId" = ? AND "fromDay" >= ? AND "fromDay" <= ?
       UNION SELECT "serverId" FROM "StatusSpan" WHERE "campaign" = ? AND "organizationId" = ? AND "toDay" >= ? AND "toDay" <= ?)
     GROUP BY sp."serverId", v."hostname" LIMIT ${MAX_ROWS}`,
    [start, start, week.until, week.until, week.from, week.until, week.from, week.until, campaign, organizationId, campaign, organizationId, week.from, week.until, campaign, organizationId, week.from, week.until],
  );
  const status = (v: string | null): Status | null => (isStatus(v) ? v : null);
  return rows.map((r) => ({
    serverId: Number(r.serverId),
    hostname: r.hostname,
    before: status(r.before),
    after: status(r.after),
    day: [r.started, r.ended].filter((d): d is string => d !== null).sort().at(-1) ?? week.until,
  }));
}

// The running sum of the organization's per-day roll-up up to the end of a day.
async function countsOn(s: SqlSession, organizationId: number, campaign: string, day: string): Promise<WeeklyDigest["counts"]["before"]> {
  const rows = await s.all<{ status: string; n: number }>(
    `SELECT "status", SUM("delta") AS "n" FROM "StatusDelta" WHERE "campaign" = ? AND "scope" = ? AND "day" <= ? GROUP BY "status"`,
    [campaign, organizationId, day],
  );
  const counts = { ...emptyCounts(), servers: 0 };
  for (const r of rows) if (isStatus(r.status)) counts[r.status] = Number(r.n);
  counts.servers = STATUSES.reduce((sum, st) => sum + counts[st], 0);
  return counts;
}

// Findings first reported by a scan of the week: a finding a scan listed before the week (the same type and detail on
// the same server) is not new, however often later scans list it again. Its own time can be long before the week:
// a web shell dated in January found by this week's check is this week's news.
async function newFindings(s: SqlSession, organizationId: number, week: DigestWeek): Promise<WeeklyDigest["findings"]> {
  const from = new Date(startOfDay(week.from));
  const to = new Date(startOfDay(addDays(week.until, 1)));
  const rows = await s.all<{ serverId: number; hostname: string; type: string; detail: string; kind: string; at: unknown; reportedAt: unknown }>(
    `SELECT i."serverId", v."hostname", i."type", i."detail", i."kind", MIN(i."at") AS "at", MIN(sc."scannedAt") AS "reportedAt"
     FROM "Server" v JOIN "Scan" sc ON sc."serverId" = v."id" JOIN "Indicator" i ON i."scanId" = sc."id"
     WHERE v."organizationId" = ? AND sc."scannedAt" >= ? AND sc."scannedAt" < ?
       AND NOT EXISTS (SELECT 1 FROM "Indicator" e JOIN "Scan" es ON es."id" = e."scanId"
         WHERE e."serverId" = i."serverId" AND e."at" < ? AND es."scannedAt" < ? AND e."type" = i."type" AND e."detail" = i."detail")
     GROUP BY i."serverId", v."hostname", i."type", i."detail", i."kind" LIMIT ${MAX_ROWS}`,
    [organizationId, from, to, from, from],
  );
  const byServer = new Map<number, DigestFindings>();
  for (const r of rows) {
    const id = Number(r.serverId);
    let f = byServer.get(id);
    if (!f) byServer.set(id, (f = { serverId: id, hostname: r.hostname, indicators: 0, suspiciousFiles: 0, what: [], firstAt: iso(r.at), reportedAt: iso(r.reportedAt) }));
    if (r.kind === "indicator") f.indicators++;
    else f.suspiciousFiles++;
    const what = findingSummary(r.type, r.detail);
    if (f.what.length < MAX_WHAT && !f.what.includes(what)) f.what.push(what);
    if (iso(r.at) < f.firstAt) f.firstAt = iso(r.at);
    if (iso(r.reportedAt) < f.reportedAt) f.reportedAt = iso(r.reportedAt);
  }
  const all = [...byServer.values()].sort((a, b) => b.indicators - a.indicators || b.suspiciousFiles - a.suspiciousFiles || a.hostname.localeCompare(b.hostname));
  return { items: all.slice(0, DIGEST_LIST_LIMIT), total: all.length, findings: rows.length };
}

const CHECK_SOURCES = [...COMPROMISE_CHECK_SOURCES.keys()];

// The compromise checks run in the week (a check that listed findings found something) and the hunts recorded in it.
async function huntsDone(s: SqlSession, organizationId: number, week: DigestWeek): Promise<WeeklyDigest["hunts"]> {
  const from = new Date(startOfDay(week.from));
  const to = new Date(startOfDay(addDays(week.until, 1)));
  const checks = CHECK_SOURCES.length
    ? await s.all<{ serverId: number; hostname: string; scannedAt: unknown; source: string; logAgeDays: number | null; found: number }>(
        `SELECT sc."serverId", v."hostname", sc."scannedAt", sc."source", sc."logAgeDays",
           (SELECT COUNT(*) FROM "Indicator" i WHERE i."scanId" = sc."id" AND i."kind" = 'indicator') AS "found"
         FROM "Server" v JOIN "Scan" sc ON sc."serverId" = v."id"
         WHERE v."organizationId" = ? AND sc."scannedAt" >= ? AND sc."scannedAt" < ? AND sc."source" IN (${CHECK_SOURCES.map(() => "?").join(", ")})
         ORDER BY sc."scannedAt" DESC LIMIT ${MAX_ROWS}`,
        [organizationId, from, to, ...CHECK_SOURCES],
      )
    : [];
  const recorded = await s.all<{ serverId: number; hostname: string; createdAt: unknown; tool: string; result: string; fromDay: string; toDay: string }>(
    `SELECT h."serverId", v."hostname", h."createdAt", h."tool", h."result", h."fromDay", h."toDay"
     FROM "Server" v JOIN "Hunt" h ON h."serverId" = v."id"
     WHERE v."organizationId" = ? AND h."createdAt" >= ? AND h."createdAt" < ? ORDER BY h."createdAt" DESC LIMIT ${MAX_ROWS}`,
    [organizationId, from, to],
  );
  const items: DigestHunt[] = [
    ...checks.map((c): DigestHunt => {
      const at = iso(c.scannedAt);
      const cover = checkCover({ day: at.slice(0, 10), reachDays: c.logAgeDays === null ? null : Number(c.logAgeDays) });
      return {
        serverId: Number(c.serverId),
        hostname: c.hostname,
        at,
        kind: "check",
        tool: toolOfSource(c.source) ?? c.source,
        result: Number(c.found) > 0 ? "found" : "clean",
        covers: c.logAgeDays === null || !cover ? null : { from: cover.fromDay, to: cover.toDay },
      };
    }),
    ...recorded.map((h): DigestHunt => ({
      serverId: Number(h.serverId),
      hostname: h.hostname,
      at: iso(h.createdAt),
      kind: "recorded",
      tool: h.tool,
      result: h.result === "found" ? "found" : "clean",
      covers: { from: h.fromDay, to: h.toDay },
    })),
  ].sort((a, b) => b.at.localeCompare(a.at) || a.hostname.localeCompare(b.hostname));
  return { items: items.slice(0, DIGEST_LIST_LIMIT), total: items.length };
}
