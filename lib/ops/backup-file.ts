// What `npm run backup` and `npm run restore` decide without a database: the command line, which kind of backup a
// file is (by its first bytes), whether this version can take a backup's migrations, and the migration names in
// pg_restore's text of the `_prisma_migrations` table.
import type { Dialect } from "../data/db";

export interface BackupArgs {
  file: string;
  force: boolean;
}

/** `FILE [--force]` in any order, or the usage line's reason. */
export function parseBackupArgs(argv: string[], usage: string): BackupArgs | { error: string } {
  const force = argv.includes("--force");
  const rest = argv.filter((a) => a !== "--force");
  const unknown = rest.find((a) => a.startsWith("-"));
  if (unknown) return { error: `Unknown option ${unknown}.\n${usage}` };
  if (rest.length !== 1) return { error: usage };
  return { file: rest[0], force };
}

const SQLITE_MAGIC = "SQLite format 3\0";
const PG_CUSTOM_MAGIC = "PGDMP";

/** The database a backup file is for, from its first 16 bytes: an SQLite file or a pg_dump custom archive. */
export function backupKind(head: Uint8Array): Dialect | null {
  const text = Buffer.from(head).toString("latin1");
  if (text.startsWith(SQLITE_MAGIC)) return "sqlite";
  if (text.startsWith(PG_CUSTOM_MAGIC)) return "postgres";
  return null;
}

/**
 * Why this version cannot restore a backup with these applied migrations, or null when it can: every migration in
 * the backup must be one this version has (the same or an older database; the rest are applied after restoring).
 */
export function migrationProblem(inBackup: string[], committed: string[]): string | null {
  if (inBackup.length === 0) return "The file is not a Patchboard backup: it has no migrations table (or an empty one).";
  const known = new Set(committed);
  const unknown = inBackup.filter((name) => !known.has(name)).sort();
  if (unknown.length === 0) return null;
  const list = unknown.length > 3 ? `${unknown.slice(0, 3).join(", ")} and ${unknown.length - 3} more` : unknown.join(", ");
  return `The backup was made by a newer version of Patchboard (migrations this version does not have: ${list}). Restore it with that version or a newer one.`;
}

// COPY's text format: \N is NULL, a backslash escapes the next character (\t, \n and \\ among them).
const unescapeCopy = (field: string) => field.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", b: "\b", f: "\f", v: "\v" })[c] ?? c);

/**
 * The applied migrations in the SQL text pg_restore writes for the `_prisma_migrations` table's data
 * (`pg_restore --data-only --table=_prisma_migrations -f - FILE`): finished and not rolled back, like the app reads them.
 */
export function migrationsFromCopy(sql: string): string[] {
  const lines = sql.split("\n");
  const start = lines.findIndex((l) => /^COPY (?:public\.)?"?_prisma_migrations"? \(/.test(l));
  if (start < 0) return [];
  const columns = /\(([^)]*)\)/.exec(lines[start])![1].split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  const [name, finished, rolledBack] = ["migration_name", "finished_at", "rolled_back_at"].map((c) => columns.indexOf(c));
  if (name < 0 || finished < 0 || rolledBack < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const fields = line.split("\t");
    if (fields[finished] !== "\\N" && fields[rolledBack] === "\\N") names.push(unescapeCopy(fields[name]));
  }
  return names;
}
