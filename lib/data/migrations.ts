// Migrating only when there is something to migrate. Prisma's schema engine opens an SQLite database in exclusive
// locking mode, which fails at once ("unknown variant `SocketTimeout`", SQLITE_BUSY underneath) while any other
// connection has the file open, such as a running dashboard. Commands that may run beside the dashboard
// (token:create) and `npm start` itself therefore compare the migration folders with the database's
// `_prisma_migrations` first, with a plain connection that takes no such lock, and call the migrate CLI only when
// one is missing.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { migrationsFolder } from "./db";
import { readOnce } from "./sql-session";

/** The migrations this checkout has for the database in DATABASE_URL, oldest first. */
export function migrationNames(root = process.cwd()): string[] {
  const dir = migrationsFolder(root);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

/** The names of the migrations the database has applied (in `_prisma_migrations`, Prisma's own table). */
export const APPLIED_MIGRATIONS_SQL = `SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`;

/** The migrations the database has applied; none when it (or its migrations table) does not exist yet. */
async function appliedMigrations(): Promise<Set<string>> {
  const rows = await readOnce("_prisma_migrations", (s) => s.all<{ name: string }>(APPLIED_MIGRATIONS_SQL));
  return new Set((rows ?? []).map((r) => r.name));
}

/** Migrations in the checkout that the database has not applied (or whose last attempt failed). */
export async function pendingMigrations(root = process.cwd()): Promise<string[]> {
  const applied = await appliedMigrations();
  return migrationNames(root).filter((name) => !applied.has(name));
}

/**
 * Runs `prisma migrate deploy` when a migration is pending, else nothing. Returns null on success, or a message for
 * the operator (with the CLI's output) when migrating failed.
 */
export async function migrateIfNeeded(opts: { quiet?: boolean } = {}): Promise<string | null> {
  const pending = await pendingMigrations();
  if (pending.length === 0) return null;
  const res = spawnSync(join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], { encoding: "utf8", env: process.env, stdio: opts.quiet ? "pipe" : "inherit" });
  if (res.status === 0) return null;
  const output = `${res.stdout ?? ""}${res.stderr ?? ""}`;
  const busy = /SocketTimeout|SQLITE_BUSY|database is locked/.test(output);
  return (
    `${pending.length} migration${pending.length > 1 ? "s are" : " is"} still to apply (${pending.join(", ")}), and migrating failed` +
    (busy ? ": the database is in use, most likely by a running Patchboard. Stop it and start it again with `npm start`, which migrates first." : ".") +
    (output ? `\n${output}` : "")
  );
}
