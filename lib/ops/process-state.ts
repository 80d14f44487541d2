// What /api/ready needs to know about this process beyond the database: whether its background workers run, and
// whether it is shutting down. The workers and the shutdown are in scripts/serve.ts, outside Next's bundle, and the
// route is inside it: each loads this module separately, so the state lives on globalThis (as the writer queue in
// lib/data/sql-write-transaction.ts does).

/** The background workers a ready server runs: the webhook dispatcher (lib/data/webhooks/dispatcher.ts) and the import worker (lib/data/imports/import-queue.ts). */
export const WORKERS = ["webhooks", "imports"] as const;
export type WorkerName = (typeof WORKERS)[number];
export type WorkerState = "ok" | "not_running" | "stalled";

/**
 * A worker that has not finished a round (nor begun one) for this long is stuck: the dispatcher begins one every
 * few seconds, and its slowest (the hourly sweeps over a large fleet) take minutes.
 */
export const STALL_MS = 15 * 60_000;

interface Beat {
  running: boolean;
  /** when it last began or finished a round (ms since the epoch) */
  at: number;
}

interface ProcessState {
  workers: Map<string, Beat>;
  shuttingDown: boolean;
}

const state = ((globalThis as { patchboardProcess?: ProcessState }).patchboardProcess ??= { workers: new Map(), shuttingDown: false });

/** A worker says it started, is alive (at each round) or stopped. */
export function reportWorker(name: WorkerName, running: boolean, now = Date.now()): void {
  state.workers.set(name, { running, at: now });
}

/** The worker's state: never started or stopped, stuck in a round, or running. */
export function workerState(name: WorkerName, now = Date.now()): WorkerState {
  const beat = state.workers.get(name);
  if (!beat?.running) return "not_running";
  return now - beat.at > STALL_MS ? "stalled" : "ok";
}

/** The server stops taking requests (scripts/serve.ts, on SIGTERM): from now on it is not ready. */
export function markShuttingDown(on = true): void {
  state.shuttingDown = on;
}

export function shuttingDown(): boolean {
  return state.shuttingDown;
}
