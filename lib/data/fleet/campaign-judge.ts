// Adding a campaign judges every server against that campaign only. The other campaigns' statuses and spans stay
// as stored (a new campaign changes no fact and no other campaign's rules), and so does the Server row (the roll-up
// takes it from the first campaign's evaluation). The roll-up ("all") is re-derived from what is stored: the other
// campaigns' spans, stored clipped at their disclosure, and their statuses, with the new campaign's, by the same
// rollupOf that a full evaluation uses.
import { ROLLUP, rollupOf } from "../../domain/campaign-evaluation";
import { clipSpans } from "../../domain/span-days";
import type { Campaign } from "../../domain/campaigns/rules";
import { evaluateServer } from "../../domain/status";
import { campaignHunt, rollupCampaignHunt } from "../../domain/server-hunts";
import { type SqlScalar, type SqlSession } from "../sql-session";
import { inIds, insertRows } from "../sql-rows";
import { rederiveAll, rulesFingerprint, storedFingerprint, storeRulesFingerprint } from "./rules-version";
import { loadHistories } from "./server-history";
import { NOTHING_STORED, sameRow, sameSpans, storedHunts, storedRows } from "./stored-status";
import { applyDeltas, Deltas } from "./status-deltas";
import { SPAN_TYPES, STATUS_INSERT, STATUS_TYPES, STATUS_UPDATE, statusRow } from "./status-recompute";
import { refreshOrganizationCounts } from "./organization-counts";

// Servers per round trip, as in the full recompute: one chunk's scans stay a few megabytes.
const CHUNK = 1000;

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
  // Every server's resume point was stored without this campaign's anchors: its next import re-derives it whole.
  await s.run(`DELETE FROM "ServerResume"`);
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
      const evaluation = evaluateServer(history, campaign, asOf, { explain: false });
      const spans = clipSpans(evaluation.spans, campaign.disclosed);
      const status = evaluation.current.status;
      const hunt = campaignHunt(history, campaign, { ...evaluation, spans }, today);
      // Decommissioned: it has no status rows (its spans, which end on that day, are kept).
      const counted = !evaluation.current.decommissioned;
      if (counted) statusRows.push(statusRow(id, campaign.id, orgId, status, hostnameKey, hunt));
      for (const span of spans) {
        spanRows.push([id, orgId, campaign.id, span.status, span.fromDay, span.toDay]);
        deltas.span(campaign.id, orgId, span, 1);
      }

      const activeStatuses = active.map((c) => mine.statuses.get(c.id)).flatMap((r) => (r ? [r[0]] : []));
      if (campaign.disclosed <= today) activeStatuses.push(status);
      const hunts = storedHunts(mine.statuses);
      hunts.set(campaign.id, hunt.hunt);
      const rollup = rollupOf([...others.map((c) => mine.spans.get(c.id) ?? []), spans], activeStatuses);
      const rollupRow = statusRow(id, ROLLUP, orgId, rollup.status, hostnameKey, rollupCampaignHunt(hunts, campaigns, rollup.spans, today));
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
