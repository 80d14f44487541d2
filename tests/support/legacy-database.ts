// A database as an earlier version of Patchboard left it: the committed migrations up to a given one, applied
// the way `prisma migrate deploy` applies them (and recorded in _prisma_migrations with their checksums), so
// that the real `prisma migrate deploy` then applies only the newer ones. For migration tests.
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export interface RawDatabase {
  url: string;
  dialect: "sqlite" | "postgres";
  run(sql: string, params?: unknown[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  drop(): Promise<void>;
}

const MIGRATIONS_TABLE_SQLITE = `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const MIGRATIONS_TABLE_PG = `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

function toPg(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export async function openDatabase(url: string): Promise<RawDatabase> {
  if (url.startsWith("file:")) {
    const path = url.slice(5);
    const conn = new Database(path);
    return {
      url,
      dialect: "sqlite",
      async run(sql, params) {
        if (params) conn.prepare(sql).run(...(params as never[]));
        else conn.exec(sql);
      },
      async all<T>(sql: string, params: unknown[] = []) {
        return conn.prepare(sql).all(...(params as never[])) as T[];
      },
      async close() {
        conn.close();
      },
      async drop() {
        if (conn.open) conn.close();
        for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const base = url.slice(0, url.lastIndexOf("/"));
  const name = url.slice(url.lastIndexOf("/") + 1);
  let closed = false;
  const close = async () => {
    if (!closed) await client.end();
    closed = true;
  };
  return {
    url,
    dialect: "postgres",
    async run(sql, params) {
      await client.query(params ? toPg(sql) : sql, params as unknown[] | undefined);
    },
    async all<T>(sql: string, params: unknown[] = []) {
      return (await client.query(toPg(sql), params)).rows as T[];
    },
    close,
    async drop() {
      await close();
      execFileSync("node", ["scripts/pg-admin.mjs", "drop", base, name], { stdio: "pipe" });
    },
  };
}

/**
 * The address of a new, separate, empty database of the test database's kind: an SQLite file not made yet, or a
 * PostgreSQL database just created (scripts/pg-admin.mjs). `label` is [a-z_]+.
 */
export function createEmptyDatabase(label: string): string {
  const testUrl = process.env.DATABASE_URL ?? "file:./data/test.db";
  const suffix = `${label}_${process.pid}_${Date.now()}`;
  if (testUrl.startsWith("file:")) {
    const path = `./data/${suffix}.db`;
    for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
    return `file:${path}`;
  }
  const base = testUrl.slice(0, testUrl.lastIndexOf("/"));
  execFileSync("node", ["scripts/pg-admin.mjs", "create", base, suffix], { stdio: "pipe" });
  return `${base}/${suffix}`;
}

/** A new, separate database next to the test database, migrated up to and including `lastMigration`. */
export async function createLegacyDatabase(lastMigration: string): Promise<RawDatabase> {
  const database = await openDatabase(createEmptyDatabase("legacy"));
  const dir = join("prisma", database.dialect === "sqlite" ? "sqlite" : "postgres", "migrations");
  await database.run(database.dialect === "sqlite" ? MIGRATIONS_TABLE_SQLITE : MIGRATIONS_TABLE_PG);
  for (const name of readdirSync(dir).filter((n) => /^\d{14}_/.test(n)).sort()) {
    if (name > lastMigration) break;
    const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
    await database.run(sql);
    const checksum = createHash("sha256").update(sql).digest("hex");
    const now = new Date().toISOString();
    await database.run(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, ?, 1)`,
      [randomUUID(), checksum, now, name, now],
    );
  }
  return database;
}

/** The real command users run, on that database. */
export function migrateDeploy(url: string): string {
  return execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
}

/** Runs a module's exported function in a separate process on that database, as `npm start` would. */
export function runWithDatabase(url: string, modulePath: string, exportName: string): string {
  const code = `import(${JSON.stringify(modulePath)}).then((m) => m[${JSON.stringify(exportName)}]()).then((r) => { console.log(JSON.stringify(r)); process.exit(0); })`;
  return execFileSync("node_modules/.bin/tsx", ["--eval", code], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
}

/** Inserts one row as the old schema has it (raw SQL: the Prisma client knows only today's schema). */
export async function insertRow(database: RawDatabase, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await database.run(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, Object.values(row));
}

/** Runs every migration still to come on the database, as `npm start` would, and opens it again. */
export async function migrateToLatest(database: RawDatabase): Promise<RawDatabase> {
  await database.close();
  migrateDeploy(database.url);
  return openDatabase(database.url);
}
