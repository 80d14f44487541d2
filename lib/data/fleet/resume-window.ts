// What a re-derive reads for a chunk of servers: where each starts (lib/domain/resume.ts: which may resume from their
// stored anchors), their histories from the first changed day on (the others' whole), and what was stored for them.
import { dayOf, startOfDay } from "../../domain/days";
import { canResume } from "../../domain/resume";
import { type SqlSession } from "../sql-session";
import { inIds } from "../sql-rows";
import { loadHistories, type LoadedServer } from "./server-history";
import type { ServerHistory } from "../../domain/facts";
import { steadyStored, storedRows, type Stored, type SteadyStored } from "./stored-status";

export interface Resumable {
  since: Date;
  anchors: number[];
  /** the day the stored state was derived (lib/domain/steady.ts); none for a row stored before it was kept */
  derivedOn: string | null;
  /** of the anchors, those a steady re-derive added (lib/domain/steady.ts) */
  steadyIds: number[];
}

const ids = (list: string | null) => (list ? list.split(",").map(Number) : []);

/**
 * The servers of a chunk that may resume from their stored anchors (lib/domain/resume.ts), given when each one's new
 * facts start: those with a stored resume point before that day and no technician's marks.
 */
export async function resumableServers(s: SqlSession, chunk: number[], changedFrom: ReadonlyMap<number, Date>, bypasses: readonly string[]): Promise<Map<number, Resumable>> {
  const resumable = new Map<number, Resumable>();
  if (chunk.length === 0) return resumable;
  const { sql, params } = inIds(s, chunk);
  const rows = await s.all<{ serverId: number; scanIds: string; through: string; derivedOn: string | null; steadyIds: string | null; marks: number | boolean }>(
    `SELECT r."serverId", r."scanIds", r."through", r."derivedOn", r."steadyIds", EXISTS (SELECT 1 FROM "ServerLifecycle" l WHERE l."serverId" = r."serverId") AS "marks" FROM "ServerResume" r WHERE r."serverId" ${sql}`,
    params,
  );
  for (const r of rows) {
    const id = Number(r.serverId);
    const from = changedFrom.get(id);
    if (!from || !canResume({ resumeThrough: r.through, hasMarks: Boolean(Number(r.marks)), derivedOn: r.derivedOn }, dayOf(from), bypasses)) continue;
    resumable.set(id, { since: new Date(startOfDay(dayOf(from))), anchors: ids(r.scanIds), derivedOn: r.derivedOn, steadyIds: ids(r.steadyIds) });
  }
  return resumable;
}

/** The chunk's histories: whole, or from each resumable server's first changed day with its anchors. */
export async function loadChunk(s: SqlSession, chunk: number[], resumable: Map<number, Resumable>): Promise<Map<number, LoadedServer>> {
  const whole = chunk.filter((id) => !resumable.has(id));
  const loaded = whole.length ? await loadHistories(s, whole) : new Map<number, LoadedServer>();
  if (resumable.size === 0) return loaded;
  const since = new Map([...resumable].map(([id, r]) => [id, r.since]));
  const scanIds = new Set([...resumable.values()].flatMap((r) => r.anchors));
  for (const [id, server] of await loadHistories(s, [...resumable.keys()], { since, scanIds })) {
    // An anchor that is gone (the scan was deleted since) leaves the window short: read that server whole.
    const found = new Set(server.history.scans.map((x) => x.id));
    if (resumable.get(id)!.anchors.every((a) => found.has(a))) loaded.set(id, server);
    else {
      resumable.delete(id);
      for (const [wholeId, wholeServer] of await loadHistories(s, [id])) loaded.set(wholeId, wholeServer);
    }
  }
  return loaded;
}

/** A chunk of servers as a re-derive reads it: which may resume, their histories and what was stored for them. */
export interface ChunkInput<Steady> {
  chunk: number[];
  resumable: Map<number, Resumable>;
  loaded: Map<number, LoadedServer>;
  /** what was stored for the servers to replay (not the steady ones: lib/domain/steady.ts) */
  stored: Map<number, Stored>;
  steady: Map<number, Steady>;
}

/** Whether a resumable server is steady (lib/data/fleet/steady-server.ts), from its window and what it has stored. */
export type SteadyOf<Steady> = (window: Resumable, history: ServerHistory, stored: SteadyStored) => Steady | null;

const NOTHING_STEADY: SteadyStored = { hunts: new Map(), rollup: undefined };

/** How a re-derive reads its chunks: when each server's new facts start (an import's), and what may skip a replay. */
export interface ChunkReading<Steady> {
  changedFrom?: ReadonlyMap<number, Date>;
  /** the campaigns' stopgap bypass days (bypassDays in lib/domain/resume.ts) */
  bypasses: readonly string[];
  steadyOf: SteadyOf<Steady>;
  /** servers the import created: nothing is stored of them yet */
  created?: ReadonlySet<number>;
}

export async function readChunk<Steady>(s: SqlSession, chunk: number[], { changedFrom, bypasses, steadyOf, created }: ChunkReading<Steady>): Promise<ChunkInput<Steady>> {
  // A new server's stored rows are not looked for: a first import would otherwise look for them in tables it fills
  // as it goes, and that PostgreSQL has no statistics of yet (it reads them whole for each chunk).
  const storedOnes = created?.size ? chunk.filter((id) => !created.has(id)) : chunk;
  const resumable = changedFrom ? await resumableServers(s, storedOnes, changedFrom, bypasses) : new Map<number, Resumable>();
  // Only a resumable server may be steady: the others' rows are read whole below.
  const [loaded, candidates] = await Promise.all([loadChunk(s, chunk, resumable), steadyStored(s, [...resumable.keys()])]);
  const steady = new Map<number, Steady>();
  for (const [id, window] of resumable) {
    const server = loaded.get(id);
    const found = server ? steadyOf(window, server.history, candidates.get(id) ?? NOTHING_STEADY) : null;
    if (found) steady.set(id, found);
  }
  // A steady server's statuses and spans are not read whole, and it has no entry here: nothing may take it for one
  // without them. A new server has no entry either: it is derived against nothing stored (NOTHING_STORED).
  const stored = await storedRows(s, storedOnes.filter((id) => !steady.has(id)));
  return { chunk, resumable, loaded, stored, steady };
}
