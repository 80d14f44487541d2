import { setImmediate } from "node:timers/promises";
import { ROLLUP } from "../../domain/campaign-evaluation";
import { dayOf } from "../../domain/days";
import { bypassDays, resumePoint, type Resume } from "../../domain/resume";
import type { StatusSpan } from "../../domain/status";
import { deriveServer } from "../../domain/server-derivation";
import type { CampaignHunt } from "../../domain/server-hunts";
import { severityOf, type Status } from "../../domain/statuses";
import type { Campaign } from "../../domain/campaigns/rules";
import { readChunk, type ChunkInput, type ChunkReading } from "./resume-window";
import { isCheckSource } from "./server-history";
import { steadyServer, type SteadyServer } from "./steady-server";
import { NOTHING_STORED, sameRow, sameSpans, storedExposure, type Stored, type StoredStatus } from "./stored-status";
import { type SqlScalar, type SqlSession } from "../sql-session";
import { applyDeltas, Deltas } from "./status-deltas";
import { applyCountDeltas, CountDeltas } from "./organization-counts";
import { inIds, insertRows, updateRows } from "../sql-rows";

// Servers re-derived per round trip: large enough to amortise the queries, small enough
// that one chunk's scans stay a few megabytes.
const CHUNK = 1000;
// An import's chunk holds about this many of its new scans: three chunks are in memory at once (the next one read,
// this one evaluated, the last one written), and a first import of servers with ten scans each holds 500 servers a
// chunk. A 1,000,000-row import of 100,000 servers on SQLite peaked at 307-324 MB with 1,000 servers a chunk and at
// 285-288 MB with 500, in the same 22-25 s (BENCH_FILES=1 BENCH_TARGETS=sqlite BENCH_SCENARIOS=none npm run bench).
const CHUNK_SCANS = 5000;

/** The servers per chunk of an import that wrote `scans` new scans for `servers` servers. */
export function importChunkSize(scans: number, servers: number): number {
  return Math.max(100, Math.min(CHUNK, Math.floor((CHUNK_SCANS * servers) / Math.max(scans, 1))));
}
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
const RESUME_TYPES = ["integer", "text", "text", "text", "text"];
const RESUME_UPDATE = `ON CONFLICT ("serverId") DO UPDATE SET ${["scanIds", "through", "derivedOn", "steadyIds"].map((c) => `"${c}" = excluded."${c}"`).join(", ")}`;

/**
 * What a chunk's re-derive changes, against what was stored: the status rows that differ (upserted) or are gone
 * (deleted), and the spans of each server and campaign that differ (replaced), with the roll-up's difference. A
 * server re-derived to what it was writes nothing, so a daily import writes what the day changed.
 */
class ChunkChanges {
  private upserts: SqlScalar[][] = [];
  private spanRows: SqlScalar[][] = [];
  // by campaign: the servers whose status row goes; and the ids of the span rows replaced
  private statusGone = new Map<string, number[]>();
  private spansGone: number[] = [];

  /** `counts`: what each status row written or deleted adds to or takes from its organization's counts */
  constructor(private readonly counts: CountDeltas) {}

  compare(id: number, orgId: number, stored: Stored, rows: Map<string, SqlScalar[]>, spans: Map<string, StatusSpan[]>, deltas: Deltas): void {
    for (const [campaign, row] of rows) this.upsert(stored.statuses.get(campaign), row);
    for (const [campaign, gone] of stored.statuses) {
      if (rows.has(campaign)) continue;
      push(this.statusGone, campaign, id);
      this.counts.row(campaign, orgId, gone[0], gone[3], -1);
    }
    for (const campaign of new Set([...stored.spans.keys(), ...spans.keys()])) {
      const before = stored.spans.get(campaign) ?? [];
      const after = spans.get(campaign) ?? [];
      if (sameSpans(before, after)) continue;
      this.spansGone.push(...(stored.spanIds.get(campaign) ?? []));
      for (const span of before) deltas.span(campaign, orgId, span, -1);
      for (const span of after) {
        this.spanRows.push([id, orgId, campaign, span.status, span.fromDay, span.toDay]);
        deltas.span(campaign, orgId, span, 1);
      }
    }
  }

  /** One status row, written when it differs from the stored one. */
  upsert(stored: StoredStatus | undefined, row: SqlScalar[]): void {
    if (sameRow(stored, row)) return;
    this.upserts.push(row);
    const [, campaign, orgId, status, , , hunt] = row;
    if (stored) this.counts.row(String(campaign), Number(orgId), stored[0], stored[3], -1);
    this.counts.row(String(campaign), Number(orgId), String(status), String(hunt), 1);
  }

  async write(s: SqlSession): Promise<void> {
    for (const [campaign, ids] of this.statusGone) {
      const where = inIds(s, ids);
      await s.run(`DELETE FROM "ServerCampaign" WHERE "campaign" = ? AND "serverId" ${where.sql}`, [campaign, ...where.params]);
    }
    for (let i = 0; i < this.spansGone.length; i += CHUNK) {
      const where = inIds(s, this.spansGone.slice(i, i + CHUNK));
      await s.run(`DELETE FROM "StatusSpan" WHERE "id" ${where.sql}`, where.params);
    }
    await insertRows(s, STATUS_INSERT, STATUS_TYPES, this.upserts, STATUS_UPDATE);
    await insertRows(s, `INSERT INTO "StatusSpan" ("serverId", "organizationId", "campaign", "status", "fromDay", "toDay")`, SPAN_TYPES, this.spanRows);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface RecomputeOptions {
  /** after each chunk, with how many servers are done */
  onProgress?: (done: number) => Promise<void>;
  /** an import's: when each server's new scans and findings start */
  changedFrom?: ReadonlyMap<number, Date>;
  /** servers per chunk (default a thousand); a test makes it small to cross chunks with a few servers */
  chunkSize?: number;
  /** an import's: the servers it created (nothing is stored of them yet) */
  created?: ReadonlySet<number>;
  /**
   * an import's: each chunk's roll-up changes, written with the chunk's own writes (on PostgreSQL while this process
   * evaluates the next chunk, rather than all of them after the last)
   */
  recordChanges?: (s: SqlSession, changes: ReadonlyMap<number, RollupChange>) => Promise<void>;
}

/** A server's roll-up status before and after a re-derive; null: it had none (new) or has none (decommissioned). */
export interface RollupChange {
  before: Status | null;
  after: Status | null;
}

export interface Recomputed {
  /** the organizations of the servers re-derived */
  organizations: Set<number>;
}

/**
 * Re-derives the given servers from their scans, findings and remediations, for every campaign and the roll-up: the
 * server row, its status per campaign, its day spans, the per-day roll-up (by organization and fleet) and the
 * organizations' counts, these two by the difference only. With `changedFrom` (an import: when each server's new scans and findings start), a server whose
 * stored scans all fall before that day resumes from its stored anchors (lib/domain/resume.ts) instead of replaying
 * its whole history, so a daily import costs what the new day costs.
 */
export async function recomputeServers(
  s: SqlSession,
  serverIds: Iterable<number>,
  campaigns: readonly Campaign[],
  { onProgress, changedFrom, chunkSize = CHUNK, created, recordChanges }: RecomputeOptions = {},
): Promise<Recomputed> {
  const ids = [...serverIds];
  const deltas = new Deltas();
  const orgs = new Set<number>();
  const asOf = new Date();
  const counts = new CountDeltas();
  const run: Run = { campaigns, asOf, today: asOf.toISOString().slice(0, 10), deltas, orgs, counts, recordChanges };
  const reading: ChunkReading<SteadyServer> = {
    changedFrom,
    created,
    bypasses: bypassDays(campaigns),
    steadyOf: (window, history, statuses) => steadyServer(window, history, statuses, campaigns, run.today),
  };
  const read = (from: number) => (from < ids.length ? awaitedLater(readChunk(s, ids.slice(from, from + chunkSize), reading)) : null);
  let next = read(0);
  let writing: Promise<void> | null = null;
  try {
    // Chunks overlap: the next chunk's reads and this chunk's writes go out while this process evaluates, so that on
    // PostgreSQL the database works at the same time. Chunks are disjoint sets of servers, and the roll-up's
    // difference is written after all of them.
    for (let i = 0; i < ids.length; i += chunkSize) {
      const input = await next!;
      next = read(i + chunkSize);
      const write = await deriveChunk(input, run);
      await writing;
      writing = awaitedLater(write(s));
      await onProgress?.(i + input.chunk.length);
    }
    await writing;
  } finally {
    // A chunk that failed leaves others' reads or writes under way: they end before the transaction does.
    await Promise.allSettled([next, writing]);
  }
  await applyDeltas(s, deltas);
  await applyCountDeltas(s, counts);
  return { organizations: orgs };
}

// What one re-derive shares across its chunks.
interface Run {
  campaigns: readonly Campaign[];
  asOf: Date;
  today: string;
  deltas: Deltas;
  orgs: Set<number>;
  counts: CountDeltas;
  recordChanges?: RecomputeOptions["recordChanges"];
}

/** Evaluates a chunk's servers; answers the writes of what changed. */
async function deriveChunk({ resumable, loaded, stored, steady: steadyServers }: ChunkInput<SteadyServer>, { campaigns, asOf, today, deltas, orgs, counts, recordChanges }: Run): Promise<(s: SqlSession) => Promise<void>> {
  const rollupChanges = new Map<number, RollupChange>();
  const updates: SqlScalar[][] = [];
  const steadyUpdates: SqlScalar[][] = [];
  const changes = new ChunkChanges(counts);
  const resumeRows: SqlScalar[][] = [];
  const noResume: number[] = [];
  let evaluated = 0;
  for (const [id, { organizationId: orgId, hostnameKey, history, ipAddress: ip }] of loaded) {
    // A turn of the event loop now and then lets the next chunk's queries follow one another.
    if (++evaluated % YIELD_EVERY === 0) await setImmediate();
    orgs.add(orgId);
    const window = resumable.get(id);
    const steady = steadyServers.get(id);
    if (steady) {
      // Its statuses, spans and columns stay as stored (lib/domain/steady.ts): its last scan and address move, its
      // anchors take in the new scans, and the roll-up's hunt is ranked as of today.
      steadyUpdates.push([id, steady.lastScanAt, ip]);
      resumeRows.push([id, steady.anchors.join(","), resumePoint(history), today, steady.added.join(",")]);
      const { storedRollup } = steady;
      changes.upsert(storedRollup, statusRow(id, ROLLUP, orgId, storedRollup[0], hostnameKey, { hunt: steady.rollupHunt, exposure: storedExposure(storedRollup) }));
      rollupChanges.set(id, { before: storedRollup[0], after: storedRollup[0] });
      continue;
    }
    const mine = stored.get(id) ?? NOTHING_STORED;
    const resume: Resume | undefined = window ? { day: dayOf(window.since), stored: mine.spans } : undefined;
    const { statuses, spans, current, anchors } = deriveServer(history, campaigns, asOf, resume);
    const through = resumePoint(history);
    if (through === null) noResume.push(id);
    else {
      const keep = new Set([...anchors.map((a) => a.id), ...history.scans.filter((x) => isCheckSource(x.source)).map((x) => x.id)]);
      resumeRows.push([id, [...keep].filter((x) => x !== undefined).join(","), through, today, null]);
    }
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
    const rows = new Map<string, SqlScalar[]>([...statuses].map(([campaign, { status, hunt }]) => [campaign, statusRow(id, campaign, orgId, status, hostnameKey, hunt)]));
    changes.compare(id, orgId, mine, rows, spans, deltas);
    rollupChanges.set(id, { before: mine.statuses.get(ROLLUP)?.[0] ?? null, after: statuses.get(ROLLUP)?.status ?? null });
  }
  return async (s) => {
    await updateServers(s, updates);
    await updateSteadyServers(s, steadyUpdates);
    await changes.write(s);
    await insertRows(s, `INSERT INTO "ServerResume" ("serverId", "scanIds", "through", "derivedOn", "steadyIds")`, RESUME_TYPES, resumeRows, RESUME_UPDATE);
    if (noResume.length) {
      const none = inIds(s, noResume);
      await s.run(`DELETE FROM "ServerResume" WHERE "serverId" ${none.sql}`, none.params);
    }
    await recordChanges?.(s, rollupChanges);
  };
}

// A chunk's reads or writes started ahead may fail while another chunk is being evaluated: they are awaited (and
// their error thrown) in their turn, and must not count as unhandled meanwhile.
function awaitedLater<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}

const YIELD_EVERY = 100;

// The server's own columns: [id, build, product, cumulativeUpdate, lastScanAt, indicators, compromisedAt, ipAddress,
// indicatorCount, suspiciousFiles]. A server's address is only ever replaced by a newer one, never erased.
function updateServers(s: SqlSession, updates: SqlScalar[][]): Promise<void> {
  return updateRows(s, "Server", SERVER_UPDATE_TYPES, updates, (v) =>
    `"build" = ${v(2)}, "product" = ${v(3)}, "cumulativeUpdate" = ${v(4)}, "lastScanAt" = ${v(5)}, "indicators" = ${v(6)}, "compromisedAt" = ${v(7)}, ` +
    `"ipAddress" = COALESCE(${v(8)}, "Server"."ipAddress"), "indicatorCount" = ${v(9)}, "suspiciousFiles" = ${v(10)}`,
  );
}

// A steady server's (lib/domain/steady.ts): [id, lastScanAt, ipAddress]; its other columns stay as they are.
function updateSteadyServers(s: SqlSession, updates: SqlScalar[][]): Promise<void> {
  return updateRows(s, "Server", ["integer", "timestamp(3)", "text"], updates, (v) => `"lastScanAt" = ${v(2)}, "ipAddress" = COALESCE(${v(3)}, "Server"."ipAddress")`);
}
