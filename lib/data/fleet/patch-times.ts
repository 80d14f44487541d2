// Time to patch, per organization or for the fleet, for one campaign (or the roll-up): median and 90th percentile
// of the days from each server's exposure to its patch, the share patched within its organization's target, the
// servers still open past it, and the curve of the share patched against days since disclosure. Computed in the
// database from the stored exposures (ServerCampaign), from its patch times index alone (every column they read).
import type { Access } from "../../domain/access";
import { daysBetween } from "../../domain/days";
import { patchCurve, percentileRank } from "../../domain/time-to-patch";
import { ROLLUP } from "../../domain/campaign-evaluation";
import { listCampaigns, resolveCampaignId } from "../campaigns/registry";
import { scopedOrganizationIds } from "../scope";
import { withReadSession, type SqlSession, type SqlValue } from "../sql-session";
import { cachedRead } from "../read-cache";
import { requireOrganizationId } from "./organizations";
import type { PastTargetServer, PatchTimesView } from "../../views";

// The curve is drawn from at most this many points; a five-year-old campaign is sampled, not drawn day by day.
const MAX_CURVE_POINTS = 366;
const PAST_TARGET_LISTED = 10;

interface Scope {
  sql: string;
  params: SqlValue[];
}

function scopeOf(campaigns: readonly string[], organizationIds: readonly number[] | null): Scope {
  const base = `sc."campaign" IN (${campaigns.map(() => "?").join(", ") || "NULL"}) AND sc."exposureFrom" IS NOT NULL`;
  if (organizationIds === null) return { sql: base, params: [...campaigns] };
  if (organizationIds.length === 0) return { sql: `${base} AND 1 = 0`, params: [...campaigns] };
  return { sql: `${base} AND sc."organizationId" IN (${organizationIds.map(() => "?").join(", ")})`, params: [...campaigns, ...organizationIds] };
}

/**
 * The day (YYYY-MM-DD) that is the organization's patch target before a day given as a parameter, in SQL over
 * `Organization o`: an exposure that began before it is past the target on that day.
 */
export const targetCutoff = (s: SqlSession) =>
  s.dialect === "postgres" ? `to_char(?::date - o."patchTargetDays", 'YYYY-MM-DD')` : `date(?, '-' || o."patchTargetDays" || ' days')`;

async function figures(s: SqlSession, scope: Scope, today: string) {
  const [row] = await s.all<Record<string, number | string | null>>(
    `SELECT COUNT(*) AS "exposed", COUNT(sc."patchDays") AS "patched", ` +
      `SUM(CASE WHEN sc."patchDays" <= o."patchTargetDays" THEN 1 ELSE 0 END) AS "withinTarget", ` +
      `SUM(CASE WHEN sc."patchDays" > o."patchTargetDays" THEN 1 ELSE 0 END) AS "patchedLate", ` +
      `SUM(CASE WHEN sc."patchDays" IS NULL AND sc."exposureFrom" < ${targetCutoff(s)} THEN 1 ELSE 0 END) AS "openPastTarget" ` +
      `FROM "ServerCampaign" sc JOIN "Organization" o ON o."id" = sc."organizationId" WHERE ${scope.sql}`,
    [today, ...scope.params],
  );
  const n = (k: string) => Number(row?.[k] ?? 0);
  return { exposed: n("exposed"), patched: n("patched"), withinTarget: n("withinTarget"), patchedLate: n("patchedLate"), openPastTarget: n("openPastTarget") };
}

/** The nearest-rank percentile of the patched servers' days, read at its rank (the same rule as the pure function). */
async function percentile(s: SqlSession, scope: Scope, patched: number, p: number): Promise<number | null> {
  if (patched === 0) return null;
  const [row] = await s.all<{ d: number }>(
    `SELECT sc."patchDays" AS "d" FROM "ServerCampaign" sc WHERE ${scope.sql} AND sc."patchDays" IS NOT NULL ORDER BY sc."patchDays" LIMIT 1 OFFSET ?`,
    [...scope.params, percentileRank(patched, p) - 1],
  );
  return row ? Number(row.d) : null;
}

async function curve(s: SqlSession, scope: Scope, exposed: number, disclosed: string | null): Promise<{ day: number; share: number }[]> {
  // Days since disclosure for a campaign; for the roll-up (several disclosures) days since each exposure began.
  const rows = disclosed
    ? await s.all<{ k: string; n: number }>(`SELECT sc."patchedOn" AS "k", COUNT(*) AS "n" FROM "ServerCampaign" sc WHERE ${scope.sql} AND sc."patchedOn" IS NOT NULL GROUP BY sc."patchedOn"`, scope.params)
    : await s.all<{ k: number; n: number }>(`SELECT sc."patchDays" AS "k", COUNT(*) AS "n" FROM "ServerCampaign" sc WHERE ${scope.sql} AND sc."patchDays" IS NOT NULL GROUP BY sc."patchDays"`, scope.params);
  const byDay = new Map<number, number>();
  for (const r of rows) {
    const day = disclosed ? daysBetween(disclosed, String(r.k)) : Number(r.k);
    byDay.set(day, (byDay.get(day) ?? 0) + Number(r.n));
  }
  if (byDay.size === 0) return [];
  const last = Math.max(...byDay.keys());
  const points = patchCurve(byDay, exposed, Math.max(0, last));
  if (points.length <= MAX_CURVE_POINTS) return points;
  const step = Math.ceil(points.length / MAX_CURVE_POINTS);
  return points.filter((p, i) => i % step === 0 || i === points.length - 1);
}

async function pastTarget(s: SqlSession, scope: Scope, today: string, names: ReadonlyMap<string, string>): Promise<PastTargetServer[]> {
  // The oldest open exposures from the status rows alone (their copy of the hostname orders them), then only those
  // few servers' names: joining every open exposure's server first cost a third of a second on a large fleet.
  const rows = await s.all<{ id: number; hostname: string; slug: string; name: string; exposureFrom: string; target: number; campaign: string }>(
    `SELECT sv."id", sv."hostname", o."slug", o."name", p."exposureFrom", o."patchTargetDays" AS "target", p."campaign" FROM (` +
      `SELECT sc."serverId", sc."organizationId", sc."exposureFrom", sc."campaign", sc."hostnameKey" FROM "ServerCampaign" sc ` +
      `JOIN "Organization" o ON o."id" = sc."organizationId" ` +
      `WHERE ${scope.sql} AND sc."patchDays" IS NULL AND sc."exposureFrom" < ${targetCutoff(s)} ORDER BY sc."exposureFrom", sc."hostnameKey" LIMIT ${PAST_TARGET_LISTED}` +
      `) p JOIN "Organization" o ON o."id" = p."organizationId" JOIN "Server" sv ON sv."id" = p."serverId" ORDER BY p."exposureFrom", p."hostnameKey"`,
    [...scope.params, today],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    hostname: r.hostname,
    organization: r.slug,
    organizationName: r.name,
    exposedFrom: r.exposureFrom,
    days: daysBetween(r.exposureFrom, today),
    targetDays: Number(r.target),
    campaign: names.get(r.campaign) ?? r.campaign,
  }));
}

/**
 * Time to patch for the caller's fleet, or one organization of theirs, for a campaign. For the roll-up, every
 * campaign's exposures are pooled (a server exposed to two emergencies counts twice, each from its own disclosure):
 * "how fast does this client patch an emergency", not how long until nothing at all was open.
 */
export function getPatchTimes(access: Access, opts: { organization?: string; campaign?: string } = {}): Promise<PatchTimesView> {
  return cachedRead("patch-times", access, opts, () => readPatchTimes(access, opts));
}

async function readPatchTimes(access: Access, opts: { organization?: string; campaign?: string }): Promise<PatchTimesView> {
  const campaign = await resolveCampaignId(opts.campaign);
  const organizationId = opts.organization ? await requireOrganizationId(access, opts.organization) : null;
  const ids = organizationId !== null ? [organizationId] : scopedOrganizationIds(access);
  const today = new Date().toISOString().slice(0, 10);
  const all = await listCampaigns();
  const names = new Map(all.map((c) => [c.id, c.name]));
  const pooled = campaign === ROLLUP ? all.filter((c) => c.disclosed <= today).map((c) => c.id) : [campaign];
  const disclosed = campaign === ROLLUP ? null : (all.find((c) => c.id === campaign)?.disclosed ?? null);
  return withReadSession(async (s) => {
    const scope = scopeOf(pooled, ids);
    const f = await figures(s, scope, today);
    const [median, p90, points, past, target] = await Promise.all([
      percentile(s, scope, f.patched, 0.5),
      percentile(s, scope, f.patched, 0.9),
      curve(s, scope, f.exposed, disclosed),
      pastTarget(s, scope, today, names),
      organizationId !== null ? s.all<{ t: number }>(`SELECT "patchTargetDays" AS "t" FROM "Organization" WHERE "id" = ?`, [organizationId]) : Promise.resolve([]),
    ]);
    return {
      campaign,
      targetDays: target[0] ? Number(target[0].t) : null,
      ...f,
      open: f.exposed - f.patched,
      median,
      p90,
      curve: points,
      since: disclosed ? "disclosure" : "exposure",
      pastTarget: past,
    };
  });
}
