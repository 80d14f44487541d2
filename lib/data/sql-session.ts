import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, dialect, PG_CONNECT_TIMEOUT_MS, sqlitePath, type Dialect } from "./db";

// A raw connection of its own for long write transactions (imports, status recomputes).
// Prisma's SQLite adapter runs every query on one shared connection, so a long
// interactive transaction there would either block page reads or let them see (and
// join) uncommitted rows; a second connection in WAL mode keeps readers on the last
// committed state while a file imports.
// Bytes (Uint8Array, a Buffer) go to a BLOB on SQLite and a BYTEA on PostgreSQL as they are.
export type SqlScalar = string | number | null | Date | Uint8Array;
/** Arrays are only for PostgreSQL's unnest() (see rowsSource). */
export type SqlValue = SqlScalar | SqlScalar[];

export interface SqlSession {
  dialect: Dialect;
  /** runs a statement with `?` placeholders; returns the number of changed rows */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  all<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /**
   * SQLite's write session only: runs one prepared statement once per row. Bulk writes use it there (see
   * insertRows): with a table's indexes to maintain, it took half the time of multi-row VALUES lists.
   */
  runEach?(sql: string, rows: readonly SqlScalar[][]): Promise<number>;
  /**
   * PostgreSQL's write session only: the rows as arrays of values, in the select list's order. The recompute's grouped
   * reads use it there (see groupedTuples): building JSON per group cost the database more than sending the rows.
   */
  tuples?(sql: string, params?: SqlValue[]): Promise<unknown[][]>;
}

// Prisma's SQLite adapter stores DateTime as ISO 8601 text with "+00:00"; raw writes must match it.
function sqliteValue(v: SqlValue): string | number | null | Uint8Array {
  if (Array.isArray(v)) throw new Error("array parameters are for PostgreSQL only");
  return v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v;
}

// Prisma keeps DateTime in "timestamp(3)" without time zone, holding UTC. pg would
// otherwise write and read such values in the machine's local time zone.
function pgScalar(v: SqlScalar): string | number | null | Uint8Array {
  return v instanceof Date ? v.toISOString().slice(0, -1) : v;
}
const pgValue = (v: SqlValue) => (Array.isArray(v) ? v.map(pgScalar) : pgScalar(v));

/**
 * A connection that dies while idle (the server stopped, a failover) makes pg emit "error" on the client or pool; with
 * no listener that event would end the whole process. The next query on it fails and is answered as such; a pool drops
 * the client and connects anew once the database is back.
 */
function ignoreIdleErrors<T extends pg.Client | pg.Pool>(conn: T): T {
  conn.on("error", (err: Error) => console.error(`PostgreSQL connection lost: ${err.message}`));
  return conn;
}

const PG_TIMESTAMP = 1114;
const PG_INT8 = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === PG_TIMESTAMP) return (v: string) => new Date(v.replace(" ", "T") + "Z");
    if (oid === PG_INT8) return (v: string) => Number(v);
    return format ? pg.types.getTypeParser(oid, format) : pg.types.getTypeParser(oid);
  },
};

function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function openSqlite(path = sqlitePath()): Database.Database {
  const conn = new Database(path, { timeout: 15_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  return conn;
}

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
  const client = ignoreIdleErrors(new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, types: pgTypes as pg.CustomTypesConfig }));
  await client.connect();
  const session: SqlSession = {
    dialect: "postgres",
    async run(sql, params = []) {
      const res = await client.query(toPgPlaceholders(sql), params.map(pgValue));
      return res.rowCount ?? 0;
    },
    async all<T>(sql: string, params: SqlValue[] = []) {
      const res = await client.query(toPgPlaceholders(sql), params.map(pgValue));
      return res.rows as T[];
    },
    async tuples(sql, params = []) {
      const res = await client.query<unknown[]>({ text: toPgPlaceholders(sql), values: params.map(pgValue), rowMode: "array" });
      return res.rows;
    },
  };
  try {
    await client.query("BEGIN");
    try {
      // Writers take turns across processes too (several app processes behind a load balancer): the lock is held
      // until this transaction ends, so a recompute and the counts it refreshes always see every earlier writer's
      // commit, exactly as the queue above gives within one process.
      await client.query("SELECT pg_advisory_xact_lock($1)", [WRITER_LOCK]);
      const result = await fn(session);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  } finally {
    await client.end();
  }
}

/** Start-up: WAL mode is stored in the SQLite file, so setting it once makes every later connection use it. */
export function initializeStorage(): void {
  if (dialect() === "sqlite") openSqlite().close();
}

/**
 * A read on a connection of its own that is closed afterwards, for commands that run beside a dashboard and must
 * hold nothing open (Prisma's migrate takes an exclusive lock on SQLite). `table` names a table that may not exist
 * yet: fn is then not run and null is answered.
 */
export async function readOnce<T>(table: string, fn: (s: SqlSession) => Promise<T>): Promise<T | null> {
  if (dialect() === "sqlite") {
    if (!existsSync(sqlitePath())) return null;
    const conn = new Database(sqlitePath(), { readonly: true, fileMustExist: true, timeout: 15_000 });
    try {
      if (!conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table)) return null;
      return await fn({
        dialect: "sqlite",
        async run() {
          throw new Error("a read session does not write");
        },
        async all<R>(sql: string, params: SqlValue[] = []) {
          return conn.prepare(sql).all(...params.map(sqliteValue)) as R[];
        },
      });
    } finally {
      conn.close();
    }
  }
  const client = ignoreIdleErrors(new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, types: pgTypes as pg.CustomTypesConfig }));
  try {
    await client.connect();
    const found = await client.query(`SELECT to_regclass($1) IS NOT NULL AS "exists"`, [`"${table.replaceAll('"', '""')}"`]);
    if (!found.rows[0]?.exists) return null;
    return await fn({
      dialect: "postgres",
      async run() {
        throw new Error("a read session does not write");
      },
      async all<R>(sql: string, params: SqlValue[] = []) {
        return (await client.query(toPgPlaceholders(sql), params.map(pgValue))).rows as R[];
      },
    });
  } catch (err) {
    // 3D000: the database itself does not exist yet.
    if ((err as { code?: string }).code === "3D000") return null;
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

// Reads that need SQL the query builder cannot say (a server's whole history, grouped): one read-only connection on
// SQLite (WAL lets it read beside a writer), a small pool on PostgreSQL. On globalThis, like the writer queue below:
// the server process and Next's bundle share them, and shutting down closes them once (closeReadSessions).
const readers = ((globalThis as { patchboardReaders?: { sqlite: Database.Database | null; pg: pg.Pool | null } }).patchboardReaders ??= {
  sqlite: null,
  pg: null,
});

/** Runs fn on a read connection: it sees the last committed state and never writes. */
export async function withReadSession<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  if (dialect() === "postgres") {
    readers.pg ??= ignoreIdleErrors(new pg.Pool({ connectionString: databaseUrl(), max: 4, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, types: pgTypes as pg.CustomTypesConfig }));
    const client = await readers.pg.connect();
    try {
      return await fn({
        dialect: "postgres",
        async run() {
          throw new Error("a read session does not write");
        },
        async all<T>(sql: string, params: SqlValue[] = []) {
          return (await client.query(toPgPlaceholders(sql), params.map(pgValue))).rows as T[];
        },
      });
    } finally {
      client.release();
    }
  }
  if (!readers.sqlite?.open) {
    readers.sqlite = new Database(sqlitePath(), { readonly: true, timeout: 15_000 });
  }
  const conn = readers.sqlite;
  return fn({
    dialect: "sqlite",
    async run() {
      throw new Error("a read session does not write");
    },
    async all<T>(sql: string, params: SqlValue[] = []) {
      return conn.prepare(sql).all(...params.map(sqliteValue)) as T[];
    },
  });
}

/** Shutting down: closes the read connections (a later read opens them again). */
export async function closeReadSessions(): Promise<void> {
  const { sqlite, pg: pool } = readers;
  readers.sqlite = null;
  readers.pg = null;
  sqlite?.close();
  await pool?.end();
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
    const run = () => new Promise<void>((ended) => granted(() => ended()));
    const result = writers.queue.then(run, run);
    writers.queue = result.catch(() => {});
    void result.finally(() => writers.active--);
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
}

/** Runs fn in one write transaction on a connection of its own: all of it commits, or none. */
export function withWriteTransaction<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  const turn = writers.turn;
  if (turn) {
    const run = () => (dialect() === "postgres" ? pgTransaction(fn) : sqliteTransaction(fn));
    return turn().then((end) => run().finally(end));
  }
  writers.active++;
  const run = () => (dialect() === "postgres" ? pgTransaction(fn) : sqliteTransaction(fn));
  const result = writers.queue.then(run, run);
  writers.queue = result.catch(() => {});
  return result.finally(() => writers.active--);
}

/**
 * After a bulk write on PostgreSQL: fresh planner statistics, and a visibility map for the
 * tables that pages read through index-only scans (the servers list pages ids by OFFSET).
 * Plain VACUUM takes no lock that blocks readers or writers. SQLite needs neither.
 */
export async function refreshPlannerStatistics(): Promise<void> {
  if (dialect() !== "postgres") return;
  const client = ignoreIdleErrors(new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS }));
  await client.connect();
  try {
    await client.query(`VACUUM (ANALYZE) "Server"`);
    await client.query(`ANALYZE "Organization", "Scan", "StatusSpan", "StatusDelta"`);
  } finally {
    await client.end();
  }
}

/**
 * A small write of bookkeeping that must not wait for an import in another process (an import job's claim, lease
 * and state): on PostgreSQL a statement on a pooled connection of its own, outside the writers' advisory lock (the
 * row locks of FOR UPDATE SKIP LOCKED are what keep two processes apart); on SQLite a write transaction in the writer
 * queue, like every write there (a second writer would block the server).
 */
export async function withBookkeepingWrite<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  if (dialect() !== "postgres") return withWriteTransaction(fn);
  readers.pg ??= new pg.Pool({ connectionString: databaseUrl(), max: 4, types: pgTypes as pg.CustomTypesConfig });
  const client = await readers.pg.connect();
  try {
    await client.query("BEGIN");
    const result = await fn({
      dialect: "postgres",
      async run(sql, params = []) {
        return (await client.query(toPgPlaceholders(sql), params.map(pgValue))).rowCount ?? 0;
      },
      async all<R>(sql: string, params: SqlValue[] = []) {
        return (await client.query(toPgPlaceholders(sql), params.map(pgValue))).rows as R[];
      },
    });
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
