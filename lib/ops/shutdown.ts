// A graceful stop as steps in order (scripts/serve.ts names them: stop taking requests, stop the worker, let the
// requests and the writes in flight finish, close the database), each logged as a JSON line, under one hard limit:
// past it the process exits anyway, and a transaction still open is rolled back by the database when its
// connection goes.
import { logLine } from "./log-line";

export const SHUTDOWN_LIMIT_MS = 30_000;

export interface ShutdownStep {
  name: string;
  run: () => unknown;
}

export interface ShutdownOptions {
  signal: string;
  steps: ShutdownStep[];
  limitMs?: number;
  log?: (line: string) => void;
  exit?: (code: number) => void;
  now?: () => number;
}

/**
 * Runs the steps one after the other and exits: 0 when every step finished, 1 when one failed (the next steps still
 * run: a failed worker stop must not keep the database open) or when the limit passed first.
 */
export async function shutDown({ signal, steps, limitMs = SHUTDOWN_LIMIT_MS, log = console.log, exit = process.exit, now = Date.now }: ShutdownOptions): Promise<void> {
  const started = now();
  let over = false;
  log(logLine("shutdown", { step: "begin", signal, limitMs }));
  const limit = setTimeout(() => {
    over = true;
    log(logLine("shutdown", { step: "limit", ms: now() - started, exitCode: 1 }));
    exit(1);
  }, limitMs);
  let failed = false;
  for (const step of steps) {
    const t0 = now();
    try {
      await step.run();
      if (!over) log(logLine("shutdown", { step: step.name, ms: now() - t0 }));
    } catch (err) {
      failed = true;
      if (!over) log(logLine("shutdown", { step: step.name, ms: now() - t0, error: err instanceof Error ? err.message : String(err) }));
    }
    if (over) return;
  }
  clearTimeout(limit);
  const exitCode = failed ? 1 : 0;
  log(logLine("shutdown", { step: "end", ms: now() - started, exitCode }));
  exit(exitCode);
}
