// Adding a campaign judges every server against that campaign only. The other campaigns' statuses and spans stay
// as stored (a new campaign changes no fact and no other campaign's rules), and so does the Server row (the roll-up
// takes it from the first campaign's evaluation). The roll-up ("all") is re-derived from what is stored: the other
// campaigns' spans, stored clipped at their disclosure, and their statuses, with the new campaign's, by the same
// rollupOf that a full evaluation uses.
import { clipSpans, ROLLUP, rollupOf } from "../../domain/campaign-evaluation";
import type { Campaign } from "../../domain/campaigns/rules";
import { evaluateServer, type StatusSpan } from "../../domain/status";
import type { Hunt, HuntState } from "../../domain/hunt";
import { campaignHunt, rollupCampaignHunt } from "../../domain/server-hunts";
import type { Status } from "../../domain/statuses";
import { inIds, type SqlScalar, type SqlSession } from "../sql-session";
import { rederiveAll, rulesFingerprint, storedFingerprint, storeRulesFingerprint } from "./rules-version";
import { loadHistories } from "./server-history";
import { groupedTuples } from "../grouped-rows";
import { applyDeltas, Deltas, insertRows, refreshOrganizationCounts, SPAN_TYPES, STATUS_INSERT, STATUS_TYPES, STATUS_UPDATE, statusRow } from "./status-recompute";

// Servers per round trip, as in the full recompute: one chunk's scans stay a few megabytes.
const CHUNK = 1000;

// A stored ServerCampaign row's derived columns, in STATUS_TYPES's order after the server, campaign and organization:
// status, severity, hostnameKey, hunt, huntFrom, huntTo, huntCovered, exposedSince, exposureFrom, patchedOn, patchDays.
type StoredStatus = [Status, number, string, HuntState, string | null, string | null, number, string | null, string | null, string | null, number | null];
const DERIVED = [`"status"`, `"severity"`, `"hostnameKey"`, `"hunt"`, `"huntFrom"`, `"huntTo"`, `"huntCovered"`, `"exposedSince"`, `"exposureFrom"`, `"patchedOn"`, `"patchDays"`];

interface Stored {
  statuses: Map<string, StoredStatus>;
  spans: Map<string, StatusSpan[]>;
}

const storedHunt = (r: StoredStatus): Hunt => ({ state: r[3], windowFrom: r[4], windowTo: r[5], covered: Number(r[6]), exposedSince: r[7] });
const sameRow = (stored: StoredStatus | undefined, row: readonly unknown[]) =>
  stored !== undefined && stored.every((v, i) => (v === null ? null : String(v)) === (row[i + 3] === null ? null : String(row[i + 3])));

/** The stored statuses and spans of these servers, by server and campaign (spans oldest first). */
async function storedRows(s: SqlSession, chunk: number[]): Promise<Map<number, Stored>> {
  const { sql, params } = inIds(s, chunk);
  const where = `"serverId" ${sql}`;
  const statuses = await groupedTuples<[string, ...StoredStatus]>(s, { key: "serverId", columns: [`"campaign"`, ...DERIVED], table: "ServerCampaign", where, params });
  const spans = await groupedTuples<[string, Status, string, string | null]>(s, {
    key: "serverId",
    columns: [`"campaign"`, `"status"`, `"fromDay"`, `"toDay"`],
    table: "StatusSpan",
    where,
    params,
    orderBy: `"fromDay"`,
  });
  const byServer = new Map<number, Stored>();
  for (const id of chunk) {
    const byCampaign = new Map<string, StatusSpan[]>();
    for (const [campaign, status, fromDay, toDay] of spans.get(id) ?? []) {
      const list = byCampaign.get(campaign);
      if (list) list.push({ status, fromDay, toDay });
      else byCampaign.set(campaign, [{ status, fromDay, toDay }]);
    }
    byServer.set(id, { statuses: new Map((statuses.get(id) ?? []).map(([campaign, ...row]) => [campaign, row])), spans: byCampaign });
  }
  return byServer;
}

const sameSpans = (a: readonly StatusSpan[], b: readonly StatusSpan[]) =>
  a.length === b.length && a.every((x, i) => x.status === b[i].status && x.fromDay === b[i].fromDay && x.toDay === b[i].toDay);

const NOTHING_STORED: Stored = { statuses: new Map(), spans: new Map() };

/**
 * Judges every server against `campaign` (one of `campaigns`, the campaigns as the transaction sees them, with it)
 * and re-derives the roll-up, inside the caller's transaction; then the organizations' counts and the rules
 * fingerprint. When the stored statuses were not derived with the other campaigns under the current rules (the
 * start's re-derive has not run), nothing stored can be trusted and every server is re-derived instead.
 * Returns how many servers.
 */
export async function judgeNewCampaign(s: SqlSession, campaign: Campaign, campaigns: readonly Campaign[], onProgress?: (done: number, total: number) => void): Promise<number> {
  const others = campaigns.filter((c) => c.id !== campaign.id);
  if ((await storedFingerprint(s)) !== rulesFingerprint(others)) return rederiveAll(s, campaigns, onProgress);
  const asOf = new Date();
  const today = asOf.toISOString().slice(0, 10);
  const active = others.filter((c) => c.disclosed <= today);
  const ids = (await s.all<{ id: number }>(`SELECT "id" FROM "Server" ORDER BY "organizationId", "id"`)).map((r) => Number(r.id));
  // Rows under this id that no campaign owned (left by hand): the new campaign's rows replace them.
  await s.run(`DELETE FROM "ServerCampaign" WHERE "campaign" = ?`, [campaign.id]);
  await s.run(`DELETE FROM "StatusDelta" WHERE "campaign" = ?`, [campaign.id]);
  await s.run(`DELETE FROM "OrganizationStatus" WHERE "campaign" = ?`, [campaign.id]);
  const deltas = new Deltas();
  const orgs = new Set<number>();

  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const loaded = await loadHistories(s, chunk);
    const stored = await storedRows(s, chunk);
    const statusRows: SqlScalar[][] = [];
    const spanRows: SqlScalar[][] = [];
    const rollupRows: SqlScalar[][] = [];
    const rollupSpanRows: SqlScalar[][] = [];
    const rollupSpansChanged: number[] = [];
    let leftOver = false;
    for (const [id, { organizationId: orgId, hostnameKey, history }] of loaded) {
      orgs.add(orgId);
      const mine = stored.get(id) ?? NOTHING_STORED;
      leftOver ||= mine.spans.has(campaign.id);
      const evaluation = evaluateServer(history, campaign, asOf);
      const spans = clipSpans(evaluation.spans, campaign.disclosed);
      const status = evaluation.current.status;
      const hunt = campaignHunt(history, campaign, spans, status, today);
      // Decommissioned: it has no status rows (its spans, which end on that day, are kept).
      const counted = !evaluation.current.decommissioned;
      if (counted) statusRows.push(statusRow(id, campaign.id, orgId, status, hostnameKey, hunt));
      for (const span of spans) {
        spanRows.push([id, orgId, campaign.id, span.status, span.fromDay, span.toDay]);
        deltas.span(campaign.id, orgId, span, 1);
      }

      const activeRows = active.map((c) => mine.statuses.get(c.id)).filter((r): r is StoredStatus => r !== undefined);
      const activeStatuses = activeRows.map((r) => r[0]);
      const activeHunts = activeRows.map(storedHunt);
      if (campaign.disclosed <= today) {
        activeStatuses.push(status);
        activeHunts.push(hunt.hunt);
      }
      const rollup = rollupOf([...others.map((c) => mine.spans.get(c.id) ?? []), spans], activeStatuses);
      const rollupRow = statusRow(id, ROLLUP, orgId, rollup.status, hostnameKey, rollupCampaignHunt(activeHunts, rollup.spans, today));
      if (counted && !sameRow(mine.statuses.get(ROLLUP), rollupRow)) rollupRows.push(rollupRow);
      const oldSpans = mine.spans.get(ROLLUP) ?? [];
      if (sameSpans(oldSpans, rollup.spans)) continue;
      rollupSpansChanged.push(id);
      for (const span of oldSpans) deltas.span(ROLLUP, orgId, span, -1);
      for (const span of rollup.spans) {
        rollupSpanRows.push([id, orgId, ROLLUP, span.status, span.fromDay, span.toDay]);
        deltas.span(ROLLUP, orgId, span, 1);
      }
    }

    const where = inIds(s, chunk);
    if (leftOver) await s.run(`DELETE FROM "StatusSpan" WHERE "campaign" = ? AND "serverId" ${where.sql}`, [campaign.id, ...where.params]);
    await insertRows(s, STATUS_INSERT, STATUS_TYPES, statusRows);
    await insertRows(s, `INSERT INTO "StatusSpan" ("serverId", "organizationId", "campaign", "status", "fromDay", "toDay")`, SPAN_TYPES, spanRows);
    await insertRows(s, STATUS_INSERT, STATUS_TYPES, rollupRows, STATUS_UPDATE);
    if (rollupSpansChanged.length) {
      const changed = inIds(s, rollupSpansChanged);
      await s.run(`DELETE FROM "StatusSpan" WHERE "campaign" = ? AND "serverId" ${changed.sql}`, [ROLLUP, ...changed.params]);
      await insertRows(s, `INSERT INTO "StatusSpan" ("serverId", "organizationId", "campaign", "status", "fromDay", "toDay")`, SPAN_TYPES, rollupSpanRows);
    }
    onProgress?.(i + chunk.length, ids.length);
  }
  await applyDeltas(s, deltas);
  await refreshOrganizationCounts(s, orgs);
  await storeRulesFingerprint(s, campaigns);
  return ids.length;
}
