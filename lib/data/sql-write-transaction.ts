// Write transactions, each on a raw connection of its own (imports, status recomputes). Prisma's SQLite adapter runs
// every query on one shared connection, so a long interactive transaction there would either block page reads or let
// them see (and join) uncommitted rows; a second connection in WAL mode keeps readers on the last committed state
// while a file imports.
import type Database from "better-sqlite3";
import type pg from "pg";
import { dialect } from "./db";
import { inLine, openSqlite, pgClient, pgSession, readPool, sqliteValue, type SqlSession, type SqlValue } from "./sql-session";

const MAX_CACHED_STATEMENTS = 64;

async function sqliteTransaction<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  const conn = openSqlite();
  // Statements are reused thousands of times per import (see statementBatches in sql-rows.ts); the LRU
  // only bounds what a long session could collect.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = statements.get(sql);
    if (stmt) statements.delete(sql);
    else stmt = conn.prepare(sql);
    statements.set(sql, stmt);
    if (statements.size > MAX_CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
    return stmt;
  };
  const session: SqlSession = {
    dialect: "sqlite",
    async run(sql, params = []) {
      return prepare(sql).run(...params.map(sqliteValue)).changes;
    },
    async all<T>(sql: string, params: SqlValue[] = []) {
      return prepare(sql).all(...params.map(sqliteValue)) as T[];
    },
    async runEach(sql, rows) {
      const stmt = prepare(sql);
      let changes = 0;
      for (const row of rows) changes += stmt.run(row.map(sqliteValue)).changes;
      return changes;
    },
  };
  try {
    conn.exec("BEGIN IMMEDIATE");
    try {
      const result = await fn(session);
      conn.exec("COMMIT");
      return result;
    } catch (err) {
      if (conn.inTransaction) conn.exec("ROLLBACK");
      throw err;
    }
  } finally {
    conn.close();
  }
}

// The one advisory lock key of Patchboard's write transactions (any fixed bigint: these are the bytes of "PBWRITE").
const WRITER_LOCK = "5783280882426332416";

async function pgTransaction<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  const client = pgClient();
  await client.connect();
  try {
    // Writers take turns across processes too (several app processes behind a load balancer): the lock is held until
    // this transaction ends, so a recompute and the counts it refreshes always see every earlier writer's commit,
    // exactly as the queue below gives within one process.
    return await inPgTransaction(client, fn, { writersLock: true });
  } finally {
    await client.end();
  }
}

// A write transaction's statements look up a chunk's rows by key (a thousand servers' scans, statuses, spans) in tables
// the import has just read or written, so their pages are in memory. At the default random_page_cost (4, a spinning
// disk's) PostgreSQL costs those look-ups above reading the whole table, and read every scan ever stored, in
// parallel workers, once per chunk: a day's import cost what the history costs, and the workers took the cores the
// import's own process needed. 1.1 is the usual setting for memory and SSDs; no statement here is worth a parallel
// plan.
const PLANNER_SETTINGS = "SET LOCAL random_page_cost = 1.1; SET LOCAL max_parallel_workers_per_gather = 0";

/** BEGIN, fn and COMMIT on a PostgreSQL client; ROLLBACK when anything fails. */
async function inPgTransaction<T>(client: pg.ClientBase, fn: (s: SqlSession) => Promise<T>, { writersLock = false } = {}): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query(PLANNER_SETTINGS);
    if (writersLock) await client.query("SELECT pg_advisory_xact_lock($1)", [WRITER_LOCK]);
    const result = await fn(pgSession(client, true));
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/** Start-up: WAL mode is stored in the SQLite file, so setting it once makes every later connection use it. */
export function initializeStorage(): void {
  if (dialect() === "sqlite") openSqlite().close();
}

// Writers in this process take turns. On SQLite a second writer would otherwise wait for
// the write lock in better-sqlite3's busy handler, which sleeps synchronously and would
// freeze the whole server for the length of an import.
// The queue lives on globalThis: the production server (scripts/serve.ts, which runs the webhook dispatcher) and
// Next's bundle of the app load this module separately, and their writers must still take turns.
// In the import worker thread (lib/data/imports/import-thread.ts), which has a globalThis of its own, `turn` asks the
// main thread's queue for a turn (holdWriteTurn there), so the worker's import and the server's writes still take turns.
const writers = ((globalThis as { patchboardWriters?: { queue: Promise<unknown>; active: number; turn?: () => Promise<() => void> } }).patchboardWriters ??= {
  queue: Promise.resolve(),
  active: 0,
});

/** In a worker thread: where its write transactions get their turn (the main thread's queue, through messages). */
export function setWriteTurnSource(turn: () => Promise<() => void>): void {
  writers.turn = turn;
}

/**
 * Main thread: one turn of the writer queue for a write transaction another thread runs. Resolves, when the turn
 * comes, with the function that ends it (call it once the transaction has ended, committed or not).
 */
export function holdWriteTurn(): Promise<() => void> {
  writers.active++;
  return new Promise((granted) => {
    const turn = inLine(writers, () => new Promise<void>((ended) => granted(() => ended())));
    void turn.finally(() => writers.active--);
  });
}

/** True while a write transaction runs or waits in this process. */
export function isWriting(): boolean {
  return writers.active > 0;
}

/**
 * Resolves once no write transaction runs or waits in this process (shutting down: an import in progress commits,
 * or rolls back, before the connections close). Writes queued while it waits are waited for too.
 */
export async function drainWrites(): Promise<void> {
  while (writers.active > 0) await writers.queue;
  await maintenanceDone();
}

/** Runs fn in one write transaction on a connection of its own: all of it commits, or none. */
export function withWriteTransaction<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  const run = () => (dialect() === "postgres" ? pgTransaction(fn) : sqliteTransaction(fn));
  const turn = writers.turn;
  if (turn) return turn().then((end) => run().finally(end));
  writers.active++;
  return inLine(writers, run).finally(() => writers.active--);
}

/**
 * Inside an import's transaction on PostgreSQL, before the re-derive reads back by server what the import wrote: the
 * planner statistics of the tables the import grew to twice or more what they describe (`added`: rows written, by
 * table). With none (a table never analysed, or analysed empty) PostgreSQL takes `"serverId" = ANY(a thousand ids)`
 * to match nearly every row and reads the whole table once per chunk of servers: a first 1,000,000-row import read
 * its scans back so, 85 ms a chunk where an index finds them in 10. ANALYZE runs inside the transaction and samples
 * its own rows. Below a doubling the stored statistics' distributions still hold, and the table is left alone (a
 * daily import never pays for it after its second day).
 */
export async function analyzeGrownTables(s: SqlSession, added: Readonly<Record<GrowingTable, number>>): Promise<void> {
  if (s.dialect !== "postgres") return;
  const grown = Object.entries(added).filter(([, n]) => n > 0);
  if (grown.length === 0) return;
  const stats = await s.all<{ relname: string; reltuples: number }>(`SELECT "relname", "reltuples" FROM pg_class WHERE "oid" = ANY(?::regclass[])`, [grown.map(([table]) => `"${table}"`)]);
  const tuples = new Map(stats.map((r) => [r.relname, Number(r.reltuples)]));
  const stale = grown.filter(([table, n]) => n >= (tuples.get(table) ?? 0)).map(([table]) => `"${table}"`);
  if (stale.length) await s.run(`ANALYZE ${stale.join(", ")}`);
}

/** The tables an import adds to before its re-derive reads them by server. */
export type GrowingTable = "Server" | "Scan" | "Indicator";

/**
 * After a bulk write on PostgreSQL: fresh planner statistics, and a visibility map for the tables that pages read
 * through index-only scans: the servers list pages the status rows' ids by OFFSET (a deep page of a 100,000-server
 * fleet took 30 ms with the heap fetches an unvacuumed ServerCampaign left, 8 ms after; the VACUUM took 0.4 s), and
 * time to patch reads them from one index. Plain VACUUM takes no lock that blocks readers or writers. SQLite needs
 * neither. `addedScans`: how many scans the import added (by default: enough to analyse every table).
 *
 * The statistics are refreshed before this resolves; the VACUUM goes on after it (maintenanceDone): it was a third of
 * a second of every daily import's answer on PostgreSQL, and the next page load does not need it to have ended.
 */
export async function refreshPlannerStatistics(addedScans = Infinity): Promise<void> {
  if (dialect() !== "postgres") return;
  // The other tables are analysed when the import added a tenth of the scans or more (reltuples: the estimate of the
  // last analyse, -1 before any): the spans and the per-day roll-up change with the scans, so below that their
  // statistics still hold too; autovacuum analyses each on a tenth changed; the ANALYZE took a second of a daily
  // import.
  await withMaintenanceClient(async (client) => {
    const { rows } = await client.query<{ reltuples: number }>(`SELECT "reltuples" FROM pg_class WHERE "oid" = '"Scan"'::regclass`);
    const scans = Number(rows[0]?.reltuples ?? -1);
    if (scans <= 0 || addedScans >= scans / 10) await client.query(`ANALYZE (SKIP_LOCKED) "Organization", "Scan", "StatusSpan", "StatusDelta"`);
  });
  // SKIP_LOCKED: a table another process's import is analysing in its transaction (analyzeGrownTables) holds its lock
  // until that import ends; this does not wait for it, and the next import refreshes the table.
  inBackground(withMaintenanceClient((client) => client.query(`VACUUM (ANALYZE, SKIP_LOCKED) "Server", "ServerCampaign", "ServerResume"`)));
}

async function withMaintenanceClient(fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = pgClient();
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

const background = new Set<Promise<void>>();

// Maintenance that no answer waits for: a failure is logged (the next import does it again), never thrown.
function inBackground(task: Promise<void>): void {
  const running: Promise<void> = task
    .catch((err) => console.error("Patchboard: maintenance after an import failed:", err))
    .finally(() => background.delete(running));
  background.add(running);
}

/** Resolves once the maintenance started in this thread (refreshPlannerStatistics) has ended. */
export async function maintenanceDone(): Promise<void> {
  await Promise.all([...background]);
}

/**
 * A small write of bookkeeping that must not wait for an import in another process (an import job's claim, lease
 * and state): on PostgreSQL a statement on a pooled connection of its own, outside the writers' advisory lock (the
 * row locks of FOR UPDATE SKIP LOCKED are what keep two processes apart); on SQLite a write transaction in the writer
 * queue, like every write there (a second writer would block the server).
 */
export async function withBookkeepingWrite<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  if (dialect() !== "postgres") return withWriteTransaction(fn);
  const client = await readPool().connect();
  try {
    return await inPgTransaction(client, fn);
  } finally {
    client.release();
  }
}
