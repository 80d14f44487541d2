// The import worker's side of the job table (import-jobs.ts has the uploads' side): claiming the oldest due job with a
// lease, renewing it while the job runs, recording the answer, and giving a job back when the process stops.
import type { Actor, Role } from "../../domain/access";
import { withReadSession, type SqlSession } from "../sql-session";
import { withBookkeepingWrite } from "../sql-write-transaction";
import { JOB_COLUMNS, normalize, parseOptions, setLiveProgress, type ClaimedJob, type JobProgress, type JobRow, type JobState } from "./import-jobs";

/** A lease is renewed while the job runs; a process that stops leaves it to run out. */
export const LEASE_MS = 60_000;
/** A job whose process stopped this many times is failed, not retried again (a file that crashes the worker). */
export const MAX_ATTEMPTS = 3;

function toClaimed(row: JobRow): ClaimedJob {
  const actor: Actor =
    row.actorType === "token" ? { type: "token", id: Number(row.actorId), label: row.actorLabel } : row.actorType === "user" ? { type: "user", id: row.actorId, label: row.actorLabel } : { type: "system", label: row.actorLabel };
  return {
    id: row.id,
    access: { actor, role: row.role as Role, organizationIds: row.organizationIds === null ? null : (JSON.parse(row.organizationIds) as number[]), ip: null },
    origin: row.origin === "upload" ? "upload" : "api",
    tokenId: row.tokenId,
    options: parseOptions(row.options),
    spoolPath: row.spoolPath,
    files: JSON.parse(row.files) as (string | null)[],
    attempts: row.attempts,
  };
}

const DUE = `("state" = 'queued' OR ("state" = 'running' AND ("lockedUntil" IS NULL OR "lockedUntil" < ?)))`;

/** Whether any job is due (a read: the worker polls with it and claims only when there is one). */
export async function anyJobDue(now = new Date()): Promise<boolean> {
  const rows = await withReadSession((s) => s.all(`SELECT "id" FROM "ImportJob" WHERE ${DUE} LIMIT 1`, [now]));
  return rows.length > 0;
}

/**
 * Takes the oldest due job for this process: queued, or running in a process whose lease ran out (it stopped). Its
 * attempts count up; one that has been tried MAX_ATTEMPTS times is failed instead (and the next one is tried).
 */
export async function claimImportJob(now = new Date()): Promise<ClaimedJob | null> {
  for (;;) {
    const row = await withBookkeepingWrite(async (s) => {
      const lock = s.dialect === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
      const [r] = await s.all<JobRow>(
        `UPDATE "ImportJob" SET "state" = 'running', "attempts" = "attempts" + 1, "lockedUntil" = ?, "startedAt" = COALESCE("startedAt", ?), "phase" = 'reading', "progressBytes" = 0, "progressRows" = 0
         WHERE "id" = (SELECT "id" FROM "ImportJob" WHERE ${DUE} ORDER BY "createdAt", "id" LIMIT 1 ${lock}) RETURNING ${JOB_COLUMNS}`,
        [new Date(now.getTime() + LEASE_MS), now, now],
      );
      return r ? normalize(r) : null;
    });
    if (!row) return null;
    if (row.attempts <= MAX_ATTEMPTS) return toClaimed(row);
    await finishImportJob(row.id, {
      status: 500,
      body: { error: { code: "import_interrupted", message: `The import was interrupted ${MAX_ATTEMPTS} times (the server stopped while it ran) and is not tried again.` }, imports: [] },
    });
  }
}

/** While the job runs: its progress, and a longer lease (PostgreSQL only: on SQLite the import holds the write lock). */
export async function renewImportJob(id: string, progress: JobProgress, now = new Date()): Promise<void> {
  await withBookkeepingWrite((s: SqlSession) =>
    s.run(`UPDATE "ImportJob" SET "lockedUntil" = ?, "phase" = ?, "progressBytes" = ?, "progressRows" = ? WHERE "id" = ? AND "state" = 'running'`, [
      new Date(now.getTime() + LEASE_MS), progress.phase, progress.bytes, progress.rows, id,
    ]),
  );
}

/** Records the job's answer (done when the synchronous upload would have succeeded) and forgets its spool folder. */
export async function finishImportJob(id: string, answer: { status: number; body: unknown }, progress?: JobProgress, now = new Date()): Promise<void> {
  const state: JobState = answer.status < 400 ? "done" : "failed";
  await withBookkeepingWrite((s) =>
    s.run(
      `UPDATE "ImportJob" SET "state" = ?, "status" = ?, "result" = ?, "finishedAt" = ?, "lockedUntil" = NULL, "spoolPath" = NULL, "phase" = NULL, "progressBytes" = COALESCE(?, "progressBytes"), "progressRows" = COALESCE(?, "progressRows") WHERE "id" = ?`,
      [state, answer.status, JSON.stringify(answer.body), now, progress?.bytes ?? null, progress?.rows ?? null, id],
    ),
  );
  setLiveProgress(id, null);
}

/** Shutting down mid-import: the job is queued again at once (nothing of it was committed). */
export async function releaseImportJob(id: string): Promise<void> {
  await withBookkeepingWrite((s) => s.run(`UPDATE "ImportJob" SET "state" = 'queued', "lockedUntil" = NULL, "attempts" = "attempts" - 1 WHERE "id" = ? AND "state" = 'running'`, [id]));
  setLiveProgress(id, null);
}
