// SQLite's side of backup and restore, on files named by path (never through DATABASE_URL's shared connections).
import { renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { APPLIED_MIGRATIONS_SQL } from "../migrations";
import { WORK_TABLES } from "./work-tables";

const SIDE_FILES = ["-wal", "-shm", "-journal"];
const removeWithSideFiles = (path: string) => {
  for (const suffix of ["", ...SIDE_FILES]) rmSync(path + suffix, { force: true });
};

const hasTable = (conn: Database.Database, table: string) => !!conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);

/**
 * Copies the database at `source` as it is at one instant, with SQLite's online backup (a running app keeps reading
 * and writing meanwhile), into `file`: written beside it and renamed into place when whole, in rollback journal mode
 * so that the one file is the whole backup.
 */
export async function backupSqlite(source: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  removeWithSideFiles(partial);
  const conn = new Database(source, { readonly: true, fileMustExist: true, timeout: 15_000 });
  try {
    // All remaining pages in one step: copied in steps, the backup starts over whenever the app writes in between,
    // and during a long import it might never end. One step reads one snapshot (WAL: the app's writes go on).
    await conn.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    conn.close();
  }
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("quick_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy failed SQLite's check: ${String(check)}`);
  } finally {
    copy.close();
  }
  renameSync(partial, file);
}

/** The applied migrations of an SQLite file, or null when it has no migrations table (or is no SQLite database). */
export function sqliteMigrations(file: string): string[] | null {
  let conn: Database.Database;
  try {
    conn = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    if (conn.pragma("quick_check", { simple: true }) !== "ok") return null;
    if (!hasTable(conn, "_prisma_migrations")) return null;
    return (conn.prepare(APPLIED_MIGRATIONS_SQL).all() as { name: string }[]).map((r) => r.name);
  } catch {
    return null;
  } finally {
    conn.close();
  }
}

/**
 * Whether another connection holds the database: an app keeps a shared lock on a WAL database for as long as it has
 * it open, so an exclusive lock taken without waiting fails exactly then.
 */
export function sqliteInUse(path: string): boolean {
  const conn = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    conn.pragma("locking_mode = EXCLUSIVE");
    conn.exec("BEGIN EXCLUSIVE");
    conn.exec("COMMIT");
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === "SQLITE_BUSY") return true;
    throw err;
  } finally {
    conn.close();
  }
}

/** Whether the database holds anyone's work (WORK_TABLES). */
export function sqliteHoldsWork(path: string): boolean {
  const conn = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return WORK_TABLES.some((t) => hasTable(conn, t) && !!conn.prepare(`SELECT 1 FROM "${t}" LIMIT 1`).get());
  } finally {
    conn.close();
  }
}

/**
 * Puts the backup's database at `target`: copied beside it with the backup API (which also reads a backup that is in
 * WAL mode), then renamed over it. The old database's side files go first: a stale WAL file would otherwise be
 * replayed into the restored one. The caller has checked that no app holds the target.
 */
export async function restoreSqlite(file: string, target: string): Promise<void> {
  const partial = `${target}.restoring`;
  removeWithSideFiles(partial);
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await conn.backup(partial);
  } finally {
    conn.close();
  }
  // The app's mode (lib/data/sql-write-transaction.ts initializeStorage): readers beside a writer.
  const copy = new Database(partial);
  copy.pragma("journal_mode = WAL");
  copy.close();
  for (const suffix of SIDE_FILES) rmSync(target + suffix, { force: true });
  renameSync(partial, target);
}
