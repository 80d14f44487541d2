// Servers that pass their organization's patch target. Time passing, not an import, makes a server late, so a sweep
// (run by the dispatcher, hourly) notices the open exposures that crossed their target in the last week and queues
// one event each; PastTargetAlert remembers them, so each exposure is reported once. Exposures that crossed longer
// ago (a database's history, the demo) are not reported: an alert is news, not a backlog.
import { ROLLUP } from "../../domain/campaign-evaluation";
import { addDays } from "../../domain/days";
import { listCampaigns } from "../campaigns/registry";
import { withReadSession, type SqlSession } from "../sql-session";
import { withWriteTransaction } from "../sql-write-transaction";
import { targetCutoff } from "../fleet/patch-times";
import { enqueuePastTarget } from "./enqueue";

/** How far back a crossing still counts as news (and covers a dispatcher down for a few days). */
export const PAST_TARGET_WINDOW_DAYS = 7;
const BATCH = 500;

interface Crossing {
  serverId: number;
  campaign: string;
  organizationId: number;
  hostname: string;
  exposureFrom: string;
  targetDays: number;
}

async function crossings(s: SqlSession, today: string): Promise<Crossing[]> {
  const rows = await s.all<Crossing>(
    `SELECT sc."serverId", sc."campaign", sc."organizationId", sv."hostname", sc."exposureFrom", o."patchTargetDays" AS "targetDays" FROM "ServerCampaign" sc ` +
      `JOIN "Organization" o ON o."id" = sc."organizationId" JOIN "Server" sv ON sv."id" = sc."serverId" ` +
      `WHERE sc."campaign" <> ? AND sc."patchDays" IS NULL AND sc."exposureFrom" IS NOT NULL ` +
      `AND sc."exposureFrom" < ${targetCutoff(s)} AND sc."exposureFrom" >= ${targetCutoff(s)} ` +
      `AND NOT EXISTS (SELECT 1 FROM "PastTargetAlert" a WHERE a."serverId" = sc."serverId" AND a."campaign" = sc."campaign" AND a."exposureFrom" = sc."exposureFrom") ` +
      `ORDER BY sc."exposureFrom", sc."serverId" LIMIT ${BATCH}`,
    [ROLLUP, today, addDays(today, -PAST_TARGET_WINDOW_DAYS)],
  );
  return rows.map((r) => ({ ...r, serverId: Number(r.serverId), organizationId: Number(r.organizationId), targetDays: Number(r.targetDays) }));
}

/** Queues a `server.past_target` event for each exposure that newly passed its target; answers how many. */
export async function sweepPastTarget(now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  // A read first: most sweeps find nothing and take no turn in the writer queue.
  if ((await withReadSession((s) => crossings(s, today))).length === 0) return 0;
  const names = new Map((await listCampaigns()).map((c) => [c.id, c.name]));
  return withWriteTransaction(async (s) => {
    const found = await crossings(s, today);
    for (const c of found) {
      await s.run(`INSERT INTO "PastTargetAlert" ("serverId", "campaign", "exposureFrom", "notifiedAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, [c.serverId, c.campaign, c.exposureFrom, now]);
      await enqueuePastTarget(s, { organizationId: c.organizationId, serverId: c.serverId, hostname: c.hostname, campaign: names.get(c.campaign) ?? c.campaign, exposedSince: c.exposureFrom, targetDays: c.targetDays }, now);
    }
    return found.length;
  });
}
