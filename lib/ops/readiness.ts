// The answer of /api/ready from its checks: 200 when every one is fine, else 503 in the API's error shape naming
// the checks that are not. Its words are fixed states, never an error's own text: the route is unauthenticated,
// and a database error can name hosts, users, files and versions.
import type { WorkerState } from "./process-state";

export type DatabaseState = "ok" | "unreachable" | "timeout";
/** "unknown" while the database cannot be asked */
export type MigrationsState = "ok" | "pending" | "unknown";

export interface ReadinessChecks {
  database: DatabaseState;
  migrations: MigrationsState;
  worker: WorkerState;
  /** the import worker (asynchronous uploads) */
  imports: WorkerState;
  /** "shutting_down" once the server stops taking requests */
  server: "ok" | "shutting_down";
}

const WHAT_IS_WRONG: Record<string, string> = {
  "server.shutting_down": "the server is shutting down",
  "database.unreachable": "the database does not answer",
  "database.timeout": "the database did not answer in time",
  "migrations.pending": "database migrations are pending",
  "migrations.unknown": "the database migrations cannot be checked",
  "worker.not_running": "the background worker is not running",
  "worker.stalled": "the background worker is stuck",
  "imports.not_running": "the import worker is not running",
  "imports.stalled": "the import worker is stuck",
};

export interface ReadinessAnswer {
  status: 200 | 503;
  body: object;
}

export function readinessAnswer(checks: ReadinessChecks): ReadinessAnswer {
  const failing = (Object.keys(checks) as (keyof ReadinessChecks)[]).filter((name) => checks[name] !== "ok");
  if (failing.length === 0) return { status: 200, body: { status: "ok", checks } };
  const reasons = failing.map((name) => WHAT_IS_WRONG[`${name}.${checks[name]}`]);
  return {
    status: 503,
    body: { error: { code: "not_ready", message: `Not ready: ${reasons.join("; ")}.`, details: { checks, failing } } },
  };
}

/** Settles as `work` does, or as `onTimeout` after `ms`: a check that hangs must not hang the probe. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
