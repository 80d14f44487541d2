// PostgreSQL's side of backup and restore: PostgreSQL's own client tools (pg_dump, pg_restore, psql, from the
// postgresql-client package), and a pg connection for the checks. The password never goes on a command line, where
// any user of the machine can read it: the tools get the address without it and PGPASSWORD beside it.
import { spawn, spawnSync } from "node:child_process";
import { renameSync, rmSync } from "node:fs";
import pg from "pg";
import { migrationsFromCopy } from "../../ops/backup-file";
import { BackupError } from "./backup-error";
import { WORK_TABLES } from "./work-tables";

function libpq(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const address = new URL(url);
  const password = decodeURIComponent(address.password);
  address.password = "";
  return { dbname: address.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function missing(tool: string): BackupError {
  return new BackupError(
    `${tool} is not installed. Backing up and restoring PostgreSQL uses its client tools (pg_dump, pg_restore, psql), in the server's major version or newer: on Debian and Ubuntu, apt-get install postgresql-client.`,
  );
}

/** Runs one of the tools to its end; its error output is the message when it fails. */
function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): string {
  const res = spawnSync(tool, args, { env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if ((res.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") throw missing(tool);
  if (res.error) throw res.error;
  if (res.status !== 0) throw new BackupError(`${tool} failed (exit ${res.status}):\n${res.stderr.trim()}`);
  return res.stdout;
}

/** pg_dump's custom format (compressed, restorable table by table) into `file`, renamed into place when whole. */
export function backupPostgres(url: string, file: string): void {
  const { dbname, env } = libpq(url);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    runTool("pg_dump", ["--format=custom", `--file=${partial}`, `--dbname=${dbname}`], env);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  renameSync(partial, file);
}

/** The applied migrations in a pg_dump archive (its `_prisma_migrations` rows), or null when it has none. */
export function postgresMigrations(file: string): string[] | null {
  const sql = runTool("pg_restore", ["--data-only", "--table=_prisma_migrations", "--file=-", file], process.env);
  const names = migrationsFromCopy(sql);
  return names.length ? names : null;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (err) {
    const hint = (err as { code?: string }).code === "3D000" ? " (create the database first: an empty one is enough)" : "";
    throw new BackupError(`Cannot connect to the PostgreSQL database in DATABASE_URL: ${(err as Error).message}${hint}.`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** How many other sessions (a running Patchboard, a psql) are connected to the database. */
export function postgresSessions(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const res = await c.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return Number(res.rows[0].n);
  });
}

/** Whether the database holds anyone's work (WORK_TABLES). */
export function postgresHoldsWork(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    for (const table of WORK_TABLES) {
      const exists = await c.query(`SELECT to_regclass($1) IS NOT NULL AS "exists"`, [`public."${table}"`]);
      if (exists.rows[0].exists && (await c.query(`SELECT 1 FROM public."${table}" LIMIT 1`)).rowCount) return true;
    }
    return false;
  });
}

// Every table of the schema goes first, in the restore's own transaction: pg_restore --clean drops only what the
// archive has, and a table a newer migration added would stay and stop those migrations from running again.
const CLEAR_PUBLIC = `SET client_min_messages = warning;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', t.tablename);
  END LOOP;
END $$;`;

/**
 * Restores the archive into the database in one transaction (all of it, or nothing and the database as it was):
 * pg_restore writes the archive as SQL without owners or grants (the roles need not exist here), and psql runs it
 * after CLEAR_PUBLIC, stopping at the first error. psql commits at the end of its input, so its input ends only once
 * pg_restore has succeeded; otherwise psql is stopped, and its transaction rolls back with its connection.
 */
export async function restorePostgres(file: string, url: string): Promise<void> {
  const { dbname, env } = libpq(url);
  const restore = spawn("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=-", file], { stdio: ["ignore", "pipe", "pipe"] });
  const psql = spawn("psql", ["--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", `--command=${CLEAR_PUBLIC}`, "--file=-", `--dbname=${dbname}`], {
    env,
    stdio: ["pipe", "ignore", "pipe"],
  });
  restore.stdout.pipe(psql.stdin, { end: false });
  // psql stopping early closes its input: that is psql's error to report, not a broken pipe.
  psql.stdin.on("error", () => {});
  const applied = finished("psql", psql);
  const restored = await finished("pg_restore", restore).catch((err: Error) => err.message);
  if (restored) {
    // When psql stopped first (it could not connect, a statement failed), pg_restore only lost its reader: psql's
    // words are the reason.
    const psqlStopped = psql.exitCode !== null;
    if (!psqlStopped) psql.kill("SIGTERM");
    const psqlProblem = await applied.catch((err: Error) => err.message);
    throw new BackupError(psqlStopped && psqlProblem ? psqlProblem : restored);
  }
  psql.stdin.end();
  const problem = await applied;
  if (problem) throw new BackupError(problem);
}

/** Resolves with null when the tool exits 0, else with what it said. */
function finished(tool: string, child: ReturnType<typeof spawn>): Promise<string | null> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", (err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? reject(missing(tool)) : reject(err)));
    child.once("close", (code) => resolve(code === 0 ? null : `${tool} failed (exit ${code}):\n${stderr.trim()}`));
  });
}

/** Fresh planner statistics: pg_restore copies the rows, not the statistics. */
export function analyze(url: string): Promise<void> {
  return withClient(url, async (c) => {
    await c.query("ANALYZE");
  });
}
