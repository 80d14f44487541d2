// `npm run backup -- FILE`: the database in DATABASE_URL, as the app reads it, into FILE. SQLite's online backup
// needs nothing stopped; PostgreSQL's is pg_dump's custom format, also taken while the app runs.
import { existsSync, statSync } from "node:fs";
import { databaseUrl, describeDatabase, dialect, sqlitePath } from "../db";
import { BackupError } from "./backup-error";
import { backupPostgres } from "./postgres";
import { backupSqlite } from "./sqlite";

/** Backs the database up into `file`; answers what it did, for the operator. */
export async function backupDatabase(file: string, { force }: { force: boolean }): Promise<string> {
  if (existsSync(file) && !force) throw new BackupError(`${file} exists already: name another file, or add --force to overwrite it.`);
  const url = databaseUrl();
  if (dialect(url) === "sqlite") {
    const source = sqlitePath(url);
    if (!existsSync(source)) throw new BackupError(`There is no database at ${source} (DATABASE_URL) to back up.`);
    await backupSqlite(source, file);
  } else {
    backupPostgres(url, file);
  }
  const kb = Math.ceil(statSync(file).size / 1024);
  return `Backed up ${describeDatabase(url)} into ${file} (${kb.toLocaleString("en-US")} KB).`;
}
