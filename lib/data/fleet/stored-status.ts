// What the recompute stored for a chunk of servers: each one's ServerCampaign row (its derived columns) and spans, by
// campaign. A re-derive compares against them and writes only what changed.
import { ROLLUP } from "../../domain/campaign-evaluation";
import type { Hunt, HuntState } from "../../domain/hunt";
import type { StatusSpan } from "../../domain/status";
import type { Status } from "../../domain/statuses";
import type { Exposure } from "../../domain/time-to-patch";
import { groupedTuples } from "../grouped-rows";
import { type SqlSession } from "../sql-session";
import { inIds } from "../sql-rows";

// A stored ServerCampaign row's derived columns, in STATUS_TYPES's order after the server, campaign and organization:
// status, severity, hostnameKey, hunt, huntFrom, huntTo, huntCovered, exposedSince, exposureFrom, patchedOn, patchDays.
export type StoredStatus = [Status, number, string, HuntState, string | null, string | null, number, string | null, string | null, string | null, number | null];
const DERIVED = [`"status"`, `"severity"`, `"hostnameKey"`, `"hunt"`, `"huntFrom"`, `"huntTo"`, `"huntCovered"`, `"exposedSince"`, `"exposureFrom"`, `"patchedOn"`, `"patchDays"`];

export interface Stored {
  statuses: Map<string, StoredStatus>;
  spans: Map<string, StatusSpan[]>;
  /** the StatusSpan rows' ids, by campaign: a re-derive that replaces a campaign's spans deletes them by id */
  spanIds: Map<string, number[]>;
}

const storedHunt = (r: StoredStatus): Hunt => ({ state: r[3], windowFrom: r[4], windowTo: r[5], covered: Number(r[6]), exposedSince: r[7] });
/** A stored row's exposure (lib/domain/time-to-patch.ts). */
export const storedExposure = (r: StoredStatus): Exposure | null => (r[8] === null ? null : { from: r[8], patchedOn: r[9], patchDays: r[10] === null ? null : Number(r[10]) });
/** The stored hunts by campaign (the roll-up's row among them, which rollupHuntOf does not read). */
export const storedHunts = (statuses: ReadonlyMap<string, StoredStatus>): Map<string, Hunt> => new Map([...statuses].map(([campaign, r]) => [campaign, storedHunt(r)]));
export const sameRow = (stored: StoredStatus | undefined, row: readonly unknown[]) =>
  stored !== undefined && stored.every((v, i) => (v === null ? null : String(v)) === (row[i + 3] === null ? null : String(row[i + 3])));

/** What a steady check (steady-server.ts) reads of a server's stored rows: its hunt per campaign, and its roll-up row. */
export interface SteadyStored {
  /** by campaign, the roll-up's among them */
  hunts: Map<string, Hunt>;
  rollup: StoredStatus | undefined;
}

// storedHunt's columns; a campaign's other columns are read for the roll-up's row only.
const HUNT_COLUMNS = new Set([`"hunt"`, `"huntFrom"`, `"huntTo"`, `"huntCovered"`, `"exposedSince"`]);
const STEADY_COLUMNS = DERIVED.map((c) => (HUNT_COLUMNS.has(c) ? c : `CASE WHEN "campaign" = '${ROLLUP}' THEN ${c} END`));

/**
 * What the steady check needs of these servers' stored rows, by server: most of a daily import's servers are steady,
 * and each has a row per campaign; reading every column of each was the largest read of a daily import (on
 * PostgreSQL, 4.5 million values a day to parse). A server found not steady has its rows read whole (storedRows).
 */
export async function steadyStored(s: SqlSession, chunk: number[]): Promise<Map<number, SteadyStored>> {
  const byServer = new Map<number, SteadyStored>();
  if (chunk.length === 0) return byServer;
  const { sql, params } = inIds(s, chunk);
  const rows = await groupedTuples<[string, ...StoredStatus]>(s, { key: "serverId", columns: [`"campaign"`, ...STEADY_COLUMNS], table: "ServerCampaign", where: `"serverId" ${sql}`, params });
  for (const [id, list] of rows) {
    const hunts = new Map<string, Hunt>();
    let rollup: StoredStatus | undefined;
    for (const [campaign, ...row] of list) {
      hunts.set(campaign, storedHunt(row));
      if (campaign === ROLLUP) rollup = row;
    }
    byServer.set(id, { hunts, rollup });
  }
  return byServer;
}

/** The stored statuses of these servers, by server and campaign. */
async function storedStatuses(s: SqlSession, chunk: number[]): Promise<Map<number, Map<string, StoredStatus>>> {
  if (chunk.length === 0) return new Map();
  const { sql, params } = inIds(s, chunk);
  const rows = await groupedTuples<[string, ...StoredStatus]>(s, { key: "serverId", columns: [`"campaign"`, ...DERIVED], table: "ServerCampaign", where: `"serverId" ${sql}`, params });
  return new Map(chunk.map((id) => [id, new Map((rows.get(id) ?? []).map(([campaign, ...row]) => [campaign, row]))]));
}

/** The stored spans of these servers, by server and campaign (oldest first), with their rows' ids. */
async function storedSpans(s: SqlSession, chunk: number[]): Promise<Map<number, Pick<Stored, "spans" | "spanIds">>> {
  const byServer = new Map<number, Pick<Stored, "spans" | "spanIds">>();
  if (chunk.length === 0) return byServer;
  const { sql, params } = inIds(s, chunk);
  const spans = await groupedTuples<[string, Status, string, string | null, number]>(s, {
    key: "serverId",
    columns: [`"campaign"`, `"status"`, `"fromDay"`, `"toDay"`, `"id"`],
    table: "StatusSpan",
    where: `"serverId" ${sql}`,
    params,
    orderBy: `"fromDay"`,
  });
  for (const id of chunk) {
    const byCampaign = new Map<string, StatusSpan[]>();
    const spanIds = new Map<string, number[]>();
    for (const [campaign, status, fromDay, toDay, spanId] of spans.get(id) ?? []) {
      const list = byCampaign.get(campaign);
      if (list) list.push({ status, fromDay, toDay });
      else byCampaign.set(campaign, [{ status, fromDay, toDay }]);
      spanIds.set(campaign, [...(spanIds.get(campaign) ?? []), Number(spanId)]);
    }
    byServer.set(id, { spans: byCampaign, spanIds });
  }
  return byServer;
}

/** The stored statuses and spans of these servers, by server and campaign. */
export async function storedRows(s: SqlSession, chunk: number[]): Promise<Map<number, Stored>> {
  const [statuses, spans] = await Promise.all([storedStatuses(s, chunk), storedSpans(s, chunk)]);
  return new Map(chunk.map((id) => [id, { statuses: statuses.get(id)!, ...spans.get(id)! }]));
}

export const sameSpans = (a: readonly StatusSpan[], b: readonly StatusSpan[]) =>
  a.length === b.length && a.every((x, i) => x.status === b[i].status && x.fromDay === b[i].fromDay && x.toDay === b[i].toDay);

export const NOTHING_STORED: Stored = { statuses: new Map(), spans: new Map(), spanIds: new Map() };

