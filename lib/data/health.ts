// The database half of /api/ready: does the app's own connection answer, and has the database applied every
// migration this build was made with. One small query does both (the applied migrations' names: a few dozen rows),
// and it reads a real table, where `SELECT 1` would answer on SQLite even with the file gone.
import { withTimeout, type DatabaseState, type MigrationsState } from "../ops/readiness";
import { db } from "./db";
import { APPLIED_MIGRATIONS_SQL, migrationNames } from "./migrations";

export const DATABASE_TIMEOUT_MS = 2_000;

// The committed migrations are the build's: read from disk once.
let committed: string[] | null = null;

type Outcome = { rows: { name: string }[] } | "failed" | "timeout";

export async function databaseChecks(timeoutMs = DATABASE_TIMEOUT_MS): Promise<{ database: DatabaseState; migrations: MigrationsState }> {
  committed ??= migrationNames();
  const applied = db.$queryRawUnsafe<{ name: string }[]>(APPLIED_MIGRATIONS_SQL).then(
    (rows): Outcome => ({ rows }),
    (): Outcome => "failed",
  );
  const outcome = await withTimeout(applied, timeoutMs, "timeout" as Outcome);
  if (outcome === "timeout") return { database: "timeout", migrations: "unknown" };
  if (outcome === "failed") {
    // No migrations table: a database that answers and was never migrated.
    const answers = await withTimeout(db.$queryRawUnsafe("SELECT 1").then(() => true, () => false), timeoutMs, false);
    return answers ? { database: "ok", migrations: "pending" } : { database: "unreachable", migrations: "unknown" };
  }
  const names = new Set(outcome.rows.map((r) => r.name));
  return { database: "ok", migrations: committed.every((name) => names.has(name)) ? "ok" : "pending" };
}
