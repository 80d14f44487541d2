import { evaluateAcrossCampaigns, ROLLUP } from "../../domain/campaign-evaluation";
import { HUNT_PENDING } from "../../domain/hunt";
import { campaignHunt, rollupCampaignHunt, type CampaignHunt } from "../../domain/server-hunts";
import { severityOf, type Status } from "../../domain/statuses";
import type { Campaign } from "../../domain/campaigns/rules";
import { loadHistories } from "./server-history";
import { inIds, rowsSource, statementBatches, type SqlScalar, type SqlSession } from "../sql-session";

// Servers re-derived per round trip: large enough to amortise the queries, small enough
// that one chunk's scans stay a few megabytes.
const CHUNK = 1000;
const SERVER_UPDATE_TYPES = ["integer", "text", "text", "text", "timestamp(3)", "text", "timestamp(3)", "text", "integer", "integer"];
// A server's row per campaign: its status, and its hunt and exposure (lib/domain/server-hunts.ts).
export const STATUS_TYPES = ["integer", "text", "integer", "text", "integer", "text", "text", "text", "text", "integer", "text", "text", "text", "integer"];
export const STATUS_INSERT = `INSERT INTO "ServerCampaign" ("serverId", "campaign", "organizationId", "status", "severity", "hostnameKey", "hunt", "huntFrom", "huntTo", "huntCovered", "exposedSince", "exposureFrom", "patchedOn", "patchDays")`;
/** On conflict, every derived column is replaced. */
export const STATUS_UPDATE = `ON CONFLICT ("serverId", "campaign") DO UPDATE SET ${["status", "severity", "hunt", "huntFrom", "huntTo", "huntCovered", "exposedSince", "exposureFrom", "patchedOn", "patchDays"].map((c) => `"${c}" = excluded."${c}"`).join(", ")}`;

export function statusRow(serverId: number, campaign: string, organizationId: number, status: Status, hostnameKey: string, { hunt, exposure }: CampaignHunt): SqlScalar[] {
  return [
    serverId,
    campaign,
    organizationId,
    status,
    severityOf(status),
    hostnameKey,
    hunt.state,
    hunt.windowFrom,
    hunt.windowTo,
    hunt.covered,
    hunt.exposedSince,
    exposure?.from ?? null,
    exposure?.patchedOn ?? null,
    exposure?.patchDays ?? null,
  ];
}
export const SPAN_TYPES = ["integer", "integer", "text", "text", "text", "text"];
const DELTA_TYPES = ["text", "integer", "text", "text", "integer"];
export interface SpanRecord {
  serverId: number;
  organizationId: number;
  campaign: string;
  status: string;
  fromDay: string;
  toDay: string | null;
}

// The per-day roll-up's changes, keyed by campaign, scope (an organization, or 0 for the fleet), day and status.
export class Deltas {
  private map = new Map<string, number>();

  add(campaign: string, orgId: number, day: string, status: string, d: number): void {
    for (const scope of [orgId, 0]) {
      const key = `${campaign}|${scope}|${day}|${status}`;
      this.map.set(key, (this.map.get(key) ?? 0) + d);
    }
  }

  span(campaign: string, orgId: number, span: { status: string; fromDay: string; toDay: string | null }, sign: 1 | -1): void {
    this.add(campaign, orgId, span.fromDay, span.status, sign);
    if (span.toDay) this.add(campaign, orgId, span.toDay, span.status, -sign);
  }

  rows(): SqlScalar[][] {
    return [...this.map].filter(([, d]) => d !== 0).map(([k, d]) => {
      const [campaign, scope, day, status] = k.split("|");
      return [campaign, Number(scope), day, status, d];
    });
  }
}

/**
 * Re-derives the given servers from all their scans, findings and remediations, for every campaign and the
 * roll-up: the server row, its status per campaign, its day spans and the per-day roll-up (by organization and
 * fleet). Returns the organizations whose counts must be refreshed.
 */
export async function recomputeServers(
  s: SqlSession,
  serverIds: Iterable<number>,
  campaigns: readonly Campaign[],
  onProgress?: (done: number) => Promise<void>,
): Promise<Set<number>> {
  const ids = [...serverIds];
  const deltas = new Deltas();
  const orgs = new Set<number>();
  const asOf = new Date();
  const today = asOf.toISOString().slice(0, 10);

  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const { sql: where, params: chunkIds } = inIds(s, chunk);
    const loaded = await loadHistories(s, chunk);
    const oldSpans = await s.all<SpanRecord>(`SELECT "serverId", "organizationId", "campaign", "status", "fromDay", "toDay" FROM "StatusSpan" WHERE "serverId" ${where}`, chunkIds);
    for (const span of oldSpans) deltas.span(span.campaign, Number(span.organizationId), span, -1);

    const updates: SqlScalar[][] = [];
    const statusRows: SqlScalar[][] = [];
    const spanRows: SqlScalar[][] = [];
    for (const [id, { organizationId: orgId, hostnameKey, history, ipAddress: ip }] of loaded) {
      orgs.add(orgId);
      const { campaigns: byCampaign, rollup } = evaluateAcrossCampaigns(history, campaigns, asOf);
      const current = rollup.current;
      updates.push([
        id,
        current.build,
        current.product,
        current.cumulativeUpdate,
        current.lastScanAt,
        current.indicators.length ? current.indicators.join("; ") : null,
        current.compromisedAt,
        ip,
        current.indicatorCount,
        current.suspiciousFiles,
      ]);
      const activeHunts = [];
      // Decommissioned: no status row, so it leaves the counts and the lists (its spans end on that day).
      const counted = !rollup.current.decommissioned;
      for (const c of counted ? campaigns : []) {
        const evaluation = byCampaign.get(c.id)!;
        const hunt = campaignHunt(history, c, evaluation.spans, evaluation.current.status, today);
        if (c.disclosed <= today) activeHunts.push(hunt.hunt);
        statusRows.push(statusRow(id, c.id, orgId, evaluation.current.status, hostnameKey, hunt));
      }
      if (counted) statusRows.push(statusRow(id, ROLLUP, orgId, rollup.current.status, hostnameKey, rollupCampaignHunt(activeHunts, rollup.spans, today)));
      for (const [campaign, evaluation] of [...byCampaign, [ROLLUP, rollup] as const]) {
        for (const span of evaluation.spans) {
          spanRows.push([id, orgId, campaign, span.status, span.fromDay, span.toDay]);
          deltas.span(campaign, orgId, span, 1);
        }
      }
    }
    for (const batch of statementBatches(s, updates, SERVER_UPDATE_TYPES.length)) {
      const src = rowsSource(s, SERVER_UPDATE_TYPES, batch);
      await s.run(
        `UPDATE "Server" SET "build" = v.column2, "product" = v.column3, "cumulativeUpdate" = v.column4, "lastScanAt" = v.column5, "indicators" = v.column6, "compromisedAt" = v.column7, "ipAddress" = COALESCE(v.column8, "Server"."ipAddress"), "indicatorCount" = v.column9, "suspiciousFiles" = v.column10 FROM ${src.sql} WHERE "Server"."id" = v.column1`,
        src.params,
      );
    }
    await s.run(`DELETE FROM "ServerCampaign" WHERE "serverId" ${where}`, chunkIds);
    await insertRows(s, STATUS_INSERT, STATUS_TYPES, statusRows);
    await s.run(`DELETE FROM "StatusSpan" WHERE "serverId" ${where}`, chunkIds);
    await insertRows(s, `INSERT INTO "StatusSpan" ("serverId", "organizationId", "campaign", "status", "fromDay", "toDay")`, SPAN_TYPES, spanRows);
    await onProgress?.(i + chunk.length);
  }
  await applyDeltas(s, deltas);
  return orgs;
}

/** Inserts rows in statement batches (a VALUES list on SQLite, unnest() on PostgreSQL); onConflict may follow. */
export async function insertRows(s: SqlSession, insert: string, types: string[], rows: SqlScalar[][], onConflict = ""): Promise<void> {
  for (const batch of statementBatches(s, rows, types.length)) {
    const src = rowsSource(s, types, batch);
    await s.run(`${insert} SELECT * FROM ${src.sql} WHERE true ${onConflict}`, src.params);
  }
}

/** Adds the deltas to the stored per-day roll-up, dropping rows that come to zero. */
export async function applyDeltas(s: SqlSession, deltas: Deltas): Promise<void> {
  const rows = deltas.rows();
  await insertRows(
    s,
    `INSERT INTO "StatusDelta" ("campaign", "scope", "day", "status", "delta")`,
    DELTA_TYPES,
    rows,
    `ON CONFLICT ("campaign", "scope", "day", "status") DO UPDATE SET "delta" = "StatusDelta"."delta" + excluded."delta"`,
  );
  if (rows.length) await s.run(`DELETE FROM "StatusDelta" WHERE "delta" = 0`);
}

const COUNTED = ["patched", "unpatched", "mitigated", "compromised", "unknown"] as const;

/** Refreshes the stored counts per organization and campaign from the servers' statuses (indexed by both). */
export async function refreshOrganizationCounts(s: SqlSession, orgIds: Iterable<number>): Promise<void> {
  const ids = [...orgIds];
  const sums = COUNTED.map((c) => `SUM(CASE WHEN "status" = '${c}' THEN 1 ELSE 0 END)`);
  const huntNeeded = `SUM(CASE WHEN "hunt" IN (${HUNT_PENDING.map((h) => `'${h}'`).join(", ")}) THEN 1 ELSE 0 END)`;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const where = inIds(s, ids.slice(i, i + CHUNK));
    await s.run(
      `INSERT INTO "OrganizationStatus" ("campaign", "organizationId", "servers", ${COUNTED.map((c) => `"${c}"`).join(", ")}, "percentPatched", "huntNeeded") ` +
        `SELECT "campaign", "organizationId", COUNT(*), ${sums.join(", ")}, ROUND(100.0 * ${sums[0]} / COUNT(*), 1), ${huntNeeded} FROM "ServerCampaign" WHERE "organizationId" ${where.sql} GROUP BY "campaign", "organizationId" ` +
        `ON CONFLICT ("campaign", "organizationId") DO UPDATE SET "servers" = excluded."servers", ${COUNTED.map((c) => `"${c}" = excluded."${c}"`).join(", ")}, "percentPatched" = excluded."percentPatched", "huntNeeded" = excluded."huntNeeded"`,
      where.params,
    );
  }
}

/** Before an organization is deleted: its share of the fleet's roll-up is its own roll-up, taken out again. */
export async function removeOrganizationFromRollup(s: SqlSession, organizationId: number): Promise<void> {
  await s.run(
    `UPDATE "StatusDelta" SET "delta" = "StatusDelta"."delta" - o."delta" FROM "StatusDelta" o WHERE "StatusDelta"."scope" = 0 AND o."scope" = ? AND "StatusDelta"."campaign" = o."campaign" AND "StatusDelta"."day" = o."day" AND "StatusDelta"."status" = o."status"`,
    [organizationId],
  );
  await s.run(`DELETE FROM "StatusDelta" WHERE "scope" = ? OR ("scope" = 0 AND "delta" = 0)`, [organizationId]);
}
