// `npm run restore -- FILE`: a backup made by `npm run backup` into the database in DATABASE_URL, then the migrations
// this version has and the backup had not. It refuses a backup of the other kind of database, one made by a newer
// version, a database an app (or anyone) is connected to, and, without --force, a database that holds someone's
// work (work-tables.ts).
import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { resolve } from "node:path";
import { backupKind, migrationProblem } from "../../ops/backup-file";
import { databaseUrl, describeDatabase, dialect, ensureDatabaseFolder, sqlitePath, type Dialect } from "../db";
import { migrateIfNeeded, migrationNames } from "../migrations";
import { BackupError } from "./backup-error";
import { analyze, postgresHoldsWork, postgresMigrations, postgresSessions, restorePostgres } from "./postgres";
import { restoreSqlite, sqliteHoldsWork, sqliteInUse, sqliteMigrations } from "./sqlite";

const NAMES: Record<Dialect, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };
const IN_USE = "Stop Patchboard (and anything else connected to it) first, then restore.";
const HOLDS_WORK = "holds organizations, imports or users already: restore into an empty database, or add --force to replace what it holds.";

function fileHead(file: string): Uint8Array {
  const head = new Uint8Array(16);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

/** Restores `file` into the database; answers what it did, line by line, for the operator. */
export async function restoreDatabase(file: string, { force }: { force: boolean }): Promise<string[]> {
  const url = databaseUrl();
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const kind = backupKind(fileHead(file));
  if (!kind) throw new BackupError(`${file} is not a Patchboard backup: neither an SQLite database nor a pg_dump archive.`);
  if (kind !== dialect(url)) {
    throw new BackupError(`${file} is a backup of a ${NAMES[kind]} database, and DATABASE_URL names a ${NAMES[dialect(url)]} one: restore it into the kind it came from.`);
  }
  const inBackup = (kind === "sqlite" ? sqliteMigrations(file) : postgresMigrations(file)) ?? [];
  const committed = migrationNames();
  const problem = migrationProblem(inBackup, committed);
  if (problem) throw new BackupError(problem);

  if (kind === "sqlite") {
    const target = sqlitePath(url);
    if (resolve(target) === resolve(file)) throw new BackupError("The backup file is the database itself.");
    ensureDatabaseFolder(url);
    if (existsSync(target)) {
      if (sqliteInUse(target)) throw new BackupError(`The database ${target} is in use. ${IN_USE}`);
      if (!force && sqliteHoldsWork(target)) throw new BackupError(`The database ${target} ${HOLDS_WORK}`);
    }
    await restoreSqlite(file, target);
  } else {
    const sessions = await postgresSessions(url);
    if (sessions > 0) throw new BackupError(`The PostgreSQL database has ${sessions} other connection${sessions > 1 ? "s" : ""}. ${IN_USE}`);
    if (!force && (await postgresHoldsWork(url))) throw new BackupError(`The PostgreSQL database ${HOLDS_WORK}`);
    await restorePostgres(file, url);
    await analyze(url);
  }
  const lines = [`Restored ${file} into ${describeDatabase(url)}.`];
  const known = new Set(inBackup);
  const newer = committed.filter((name) => !known.has(name));
  if (newer.length) {
    lines.push(`Applying the ${newer.length} migration${newer.length > 1 ? "s" : ""} this version has and the backup had not ...`);
    const failed = await migrateIfNeeded({ quiet: true });
    if (failed) throw new BackupError(`${lines.join("\n")}\n${failed}`);
  }
  lines.push("Start Patchboard with `npm start` (it re-derives the statuses when its rules are newer than the backup's).");
  return lines;
}
