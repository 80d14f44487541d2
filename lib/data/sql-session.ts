import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, dialect, PG_CONNECT_TIMEOUT_MS, sqlitePath, type Dialect } from "./db";
import { pgArrayLiteral, pgTimestamp } from "./pg-array";

// Raw SQL beside Prisma, on either database: the session interface, its connections and the read sessions. Write
// transactions are in sql-write-transaction.ts, statements over many rows in sql-rows.ts.
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
   * PostgreSQL only: the rows as arrays of values, in the select list's order. Grouped reads use it there (see
   * groupedTuples): building JSON per group cost the database more than sending the rows.
   */
  tuples?(sql: string, params?: SqlValue[]): Promise<unknown[][]>;
}

// Prisma's SQLite adapter stores DateTime as ISO 8601 text with "+00:00"; raw writes must match it.
export function sqliteValue(v: SqlValue): string | number | null | Uint8Array {
  if (Array.isArray(v)) throw new Error("array parameters are for PostgreSQL only");
  return v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v;
}

// Times as pgTimestamp writes them (pg would use the machine's local time zone), arrays as one literal each.
const pgValue = (v: SqlValue) => (Array.isArray(v) ? pgArrayLiteral(v) : v instanceof Date ? pgTimestamp(v) : v);

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

/**
 * A session over a PostgreSQL client; `writes`: run is allowed (a read session's run throws). Statements may be sent
 * before the one before them has answered (the recompute overlaps its chunks): they go to the client one at a time,
 * in order, since pg's own queueing of a query on a busy client is deprecated.
 */
export function pgSession(client: pg.ClientBase, writes: boolean): SqlSession {
  const line: Line = { queue: Promise.resolve() };
  const inTurn = <T>(query: () => Promise<T>) => inLine(line, query);
  return {
    dialect: "postgres",
    async run(sql, params = []) {
      if (!writes) throw new Error("a read session does not write");
      return (await inTurn(() => client.query(toPgPlaceholders(sql), params.map(pgValue)))).rowCount ?? 0;
    },
    async all<T>(sql: string, params: SqlValue[] = []) {
      return (await inTurn(() => client.query(toPgPlaceholders(sql), params.map(pgValue)))).rows as T[];
    },
    async tuples(sql, params = []) {
      return (await inTurn(() => client.query<unknown[]>({ text: toPgPlaceholders(sql), values: params.map(pgValue), rowMode: "array" }))).rows;
    },
  };
}

function sqliteReadSession(conn: Database.Database): SqlSession {
  return {
    dialect: "sqlite",
    async run() {
      throw new Error("a read session does not write");
    },
    async all<T>(sql: string, params: SqlValue[] = []) {
      return conn.prepare(sql).all(...params.map(sqliteValue)) as T[];
    },
  };
}

/** Tasks that run one after another, in the order they were queued; `queue` settles once all have. */
export interface Line {
  queue: Promise<unknown>;
}

/** Runs task after every task queued on the line before it, whatever became of those. */
export function inLine<T>(line: Line, task: () => Promise<T>): Promise<T> {
  const result = line.queue.then(task, task);
  line.queue = result.catch(() => {});
  return result;
}

/** A PostgreSQL client of its own (not pooled), with Patchboard's type parsers. */
export const pgClient = () =>
  ignoreIdleErrors(new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, types: pgTypes as pg.CustomTypesConfig }));

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
      return await fn(sqliteReadSession(conn));
    } finally {
      conn.close();
    }
  }
  const client = pgClient();
  try {
    await client.connect();
    const found = await client.query(`SELECT to_regclass($1) IS NOT NULL AS "exists"`, [`"${table.replaceAll('"', '""')}"`]);
    if (!found.rows[0]?.exists) return null;
    return await fn(pgSession(client, false));
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

/** The pool of PostgreSQL connections for reads (and the import jobs' bookkeeping writes, sql-write-transaction.ts). */
export function readPool(): pg.Pool {
  return (readers.pg ??= ignoreIdleErrors(new pg.Pool({ connectionString: databaseUrl(), max: 4, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, types: pgTypes as pg.CustomTypesConfig })));
}

/** Runs fn on a read connection: it sees the last committed state and never writes. */
export async function withReadSession<T>(fn: (s: SqlSession) => Promise<T>): Promise<T> {
  if (dialect() === "postgres") {
    const client = await readPool().connect();
    try {
      return await fn(pgSession(client, false));
    } finally {
      client.release();
    }
  }
  return fn(sqliteReadSession(sqliteReader()));
}

// Reopened when DATABASE_URL names another file (a test switches databases), so a read never goes to the old one.
function sqliteReader(): Database.Database {
  const path = sqlitePath();
  if (!readers.sqlite?.open || readers.sqlite.name !== path) {
    readers.sqlite?.close();
    readers.sqlite = new Database(path, { readonly: true, timeout: 15_000 });
  }
  return readers.sqlite;
}

/**
 * A token of everything committed so far: two calls answer the same only when nothing was committed between them, by
 * any connection or process (read-cache.ts keys its entries by it). SQLite: `PRAGMA data_version` on the read
 * connection, which never writes itself (the pragma counts only other connections' commits). PostgreSQL: the current
 * snapshot, whose running and highest transaction ids change with every commit of a transaction that wrote; equal
 * snapshots see the same rows. Commits elsewhere on the server change it too, which only costs a cache miss.
 */
export async function committedVersion(): Promise<string> {
  if (dialect() === "sqlite") {
    const conn = sqliteReader();
    return `${conn.name}:${String(conn.pragma("data_version", { simple: true }))}`;
  }
  return sharedSnapshot();
}

// One snapshot query at a time: whoever asks while one is out waits for the next, sent when it returns, and shares it.
// That one is sent after they asked, so it holds every commit made before (a read never misses one of its caller's
// own); under load the queries stay one round trip apart instead of one per request.
let snapshotOut: Promise<string> | null = null;
let snapshotNext: Promise<string> | null = null;
function sharedSnapshot(): Promise<string> {
  if (!snapshotOut) {
    snapshotOut = readPool()
      .query<{ v: string }>(`SELECT pg_current_snapshot()::text AS v`)
      .then((r) => r.rows[0].v)
      .finally(() => {
        snapshotOut = null;
      });
    return snapshotOut;
  }
  snapshotNext ??= snapshotOut
    .catch(() => undefined)
    .then(() => {
      snapshotNext = null;
      return sharedSnapshot();
    });
  return snapshotNext;
}

/** Shutting down: closes the read connections (a later read opens them again). */
export async function closeReadSessions(): Promise<void> {
  const { sqlite, pg: pool } = readers;
  readers.sqlite = null;
  readers.pg = null;
  sqlite?.close();
  await pool?.end();
}
