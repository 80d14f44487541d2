// Import jobs: the uploads answered at once with 202 (POST /api/v1/scans with Prefer: respond-async). The route
// spools the files (spool.ts) and records a job holding the caller's access; the import worker (import-queue.ts)
// claims queued jobs with a lease and records the answer the synchronous upload would have had. On PostgreSQL the
// claim is an UPDATE of the oldest due row chosen FOR UPDATE SKIP LOCKED, so each job runs in one process; a job
// whose process stopped (its lease ran out) is due again, and the import, one transaction, re-runs from the spool.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { can, type Access, type Actor } from "../../domain/access";
import { spoolDir, spoolMaxBytes } from "../../config";
import { AppError } from "../../errors";
import type { UploadFile } from "../../import/plan-imports";
import type { ImportSummary } from "../../views";
import type { ImportOptions, UploadProgress } from "./import-job";
import { withReadSession } from "../sql-session";
import { withBookkeepingWrite } from "../sql-write-transaction";
import { db } from "../db";
import { scopedOrganizationIds } from "../scope";
import { deleteSpool, spoolFiles, type Spooled } from "./spool";

export const JOB_STATES = ["queued", "running", "done", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobProgress {
  phase: "queued" | "reading" | "writing" | "computing" | "finished";
  bytes: number;
  rows: number;
}

/** A job as the API answers it. */
export interface ImportJobView {
  id: string;
  state: JobState;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  uploadedBy: string;
  files: (string | null)[];
  /** the bytes spooled */
  bytes: number;
  progress: JobProgress;
  /** once finished: the HTTP status the synchronous upload would have answered */
  status: number | null;
  /** done: the synchronous answer's body (imports, import); failed: its error body (details.imports: those before it) */
  result: JobResult | null;
}

export type JobResult = { imports: ImportSummary[]; import?: ImportSummary } | { error: { code: string; message: string; details?: unknown } };

/** What the worker needs to run a job. */
export interface ClaimedJob {
  id: string;
  access: Access;
  origin: "api" | "upload";
  tokenId: number | null;
  options: Partial<ImportOptions>;
  spoolPath: string | null;
  files: (string | null)[];
  attempts: number;
}

/** A job's row as both databases answer it (normalize gives it one shape). */
export type JobRow = {
  id: string; state: string; actorType: string; actorId: string; actorLabel: string; role: string; organizationIds: string | null; tokenId: number | null;
  origin: string; options: string; spoolPath: string | null; files: string; bytes: number; progressBytes: number; progressRows: number; phase: string | null;
  attempts: number; status: number | null; result: string | null; createdAt: Date; startedAt: Date | null; finishedAt: Date | null;
};

// Progress of the jobs this process runs, newer than their rows: on SQLite the row is not written while the
// import holds the database's one write lock (the write would wait for it), so readers take it from here.
const live = ((globalThis as { patchboardJobProgress?: Map<string, JobProgress> }).patchboardJobProgress ??= new Map());

export function setLiveProgress(id: string, progress: JobProgress | null): void {
  if (progress) live.set(id, progress);
  else live.delete(id);
}

/**
 * Called by the upload route after queuing a job: the import worker of this process (import-queue.ts, started by the
 * server; on globalThis, since the route is in Next's bundle) looks at once rather than at its next poll.
 */
export function wakeImportWorker(): void {
  (globalThis as { patchboardImportWorker?: { wake(): void } }).patchboardImportWorker?.wake();
}

function serializeOptions(options: Partial<ImportOptions>): string {
  return JSON.stringify({ ...options, scannedAt: options.scannedAt ? options.scannedAt.toISOString() : null });
}

export function parseOptions(text: string): Partial<ImportOptions> {
  const o = JSON.parse(text) as Partial<ImportOptions> & { scannedAt: string | null };
  return { ...o, scannedAt: o.scannedAt ? new Date(o.scannedAt) : null };
}

function actorId(actor: Actor): string {
  return actor.type === "system" ? "system" : String(actor.id);
}

/**
 * An upload to import in the background: its files written to the spool (refused with 507 when the spool is full,
 * 413 past the upload limit as ever), a queued job holding the caller's access, and this process's worker woken.
 */
export async function queueImportJob(input: {
  access: Access;
  files: AsyncIterable<UploadFile> | Iterable<UploadFile>;
  options: Partial<ImportOptions>;
  origin: "api" | "upload";
  tokenId: number | null;
  /** the request's Content-Length, when it gave one: checked against the spool's room before a byte is written */
  expectedBytes?: number;
}): Promise<ImportJobView> {
  if (!can.write(input.access)) throw new AppError(403, "forbidden", "Client viewers can look but not upload scans.");
  const id = randomUUID();
  const spooled = await spoolFiles(id, input.files, { dir: spoolDir(), maxBytes: spoolMaxBytes() }, input.expectedBytes);
  try {
    const job = await createImportJob({ id, access: input.access, origin: input.origin, tokenId: input.tokenId, options: input.options, spooled });
    wakeImportWorker();
    return job;
  } catch (err) {
    await deleteSpool(spooled.path);
    throw err;
  }
}

/** The spool's folder for synchronous uploads run in the import worker's thread (their own folders, no job rows). */
export const SYNC_SPOOL = "sync";

type UploadRunner = (job: ClaimedJob, onProgress: (p: UploadProgress) => void) => Promise<{ status: number; body: unknown }>;

function uploadRunner(): UploadRunner | undefined {
  return (globalThis as { patchboardImportWorker?: { importUpload?: UploadRunner } }).patchboardImportWorker?.importUpload;
}

/** Whether this process imports synchronous uploads in a worker thread (the server, scripts/serve.ts; not tests or `next dev`). */
export function importThreadAvailable(): boolean {
  return uploadRunner() !== undefined;
}

/**
 * A synchronous upload imported off this event loop: its files spooled (no cap but the upload limit: nothing waits),
 * imported in the import worker's thread with its progress relayed, the folder deleted once answered. There is no
 * job row, so a restart never runs it again. The answer is the one the request would have given.
 */
export async function importInThread(
  input: { access: Access; files: AsyncIterable<UploadFile> | Iterable<UploadFile>; options: Partial<ImportOptions>; origin: "api" | "upload"; tokenId: number | null },
  onProgress: (p: UploadProgress) => void = () => {},
): Promise<{ status: number; body: unknown }> {
  const run = uploadRunner();
  if (!run) throw new Error("no import worker thread in this process");
  const id = randomUUID();
  const spooled = await spoolFiles(id, input.files, { dir: join(spoolDir(), SYNC_SPOOL), maxBytes: Number.POSITIVE_INFINITY });
  try {
    const job: ClaimedJob = { id, access: input.access, origin: input.origin, tokenId: input.tokenId, options: input.options, spoolPath: spooled.path, files: spooled.names, attempts: 1 };
    return await run(job, onProgress);
  } finally {
    await deleteSpool(spooled.path);
  }
}

/** Records a queued job for files already spooled. */
export async function createImportJob(input: {
  id?: string;
  access: Access;
  origin: "api" | "upload";
  tokenId: number | null;
  options: Partial<ImportOptions>;
  spooled: Spooled;
  now?: Date;
}): Promise<ImportJobView> {
  const { access, spooled } = input;
  const id = input.id ?? randomUUID();
  const now = input.now ?? new Date();
  await withBookkeepingWrite((s) =>
    s.run(
      `INSERT INTO "ImportJob" ("id", "state", "actorType", "actorId", "actorLabel", "role", "organizationIds", "tokenId", "origin", "options", "spoolPath", "files", "bytes", "createdAt") VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, access.actor.type, actorId(access.actor), access.actor.label.slice(0, 320), access.role,
        access.organizationIds === null ? null : JSON.stringify(access.organizationIds), input.tokenId, input.origin, serializeOptions(input.options),
        spooled.path, JSON.stringify(spooled.names), spooled.bytes, now,
      ],
    ),
  );
  const row = await readJob(id);
  return toView(row!);
}

export const JOB_COLUMNS = `"id", "state", "actorType", "actorId", "actorLabel", "role", "organizationIds", "tokenId", "origin", "options", "spoolPath", "files", "bytes", "progressBytes", "progressRows", "phase", "attempts", "status", "result", "createdAt", "startedAt", "finishedAt"`;

async function readJob(id: string): Promise<JobRow | null> {
  const [row] = await withReadSession((s) => s.all<JobRow>(`SELECT ${JOB_COLUMNS} FROM "ImportJob" WHERE "id" = ?`, [id]));
  return row ? normalize(row) : null;
}

// SQLite answers dates as text and PostgreSQL's integers may come as strings: one shape for both.
export function normalize(row: JobRow): JobRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    ...row,
    bytes: Number(row.bytes), progressBytes: Number(row.progressBytes), progressRows: Number(row.progressRows), attempts: Number(row.attempts),
    tokenId: row.tokenId === null ? null : Number(row.tokenId), status: row.status === null ? null : Number(row.status),
    createdAt: date(row.createdAt)!, startedAt: date(row.startedAt), finishedAt: date(row.finishedAt),
  };
}

function toView(row: JobRow): ImportJobView {
  const state = row.state as JobState;
  const stored: JobProgress = { phase: (row.phase as JobProgress["phase"]) ?? (state === "queued" ? "queued" : state === "running" ? "reading" : "finished"), bytes: row.progressBytes, rows: row.progressRows };
  const progress = state === "running" ? (live.get(row.id) ?? stored) : state === "queued" ? { phase: "queued" as const, bytes: 0, rows: 0 } : { ...stored, phase: "finished" as const };
  return {
    id: row.id,
    state,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    uploadedBy: row.actorLabel,
    files: JSON.parse(row.files) as (string | null)[],
    bytes: row.bytes,
    progress,
    status: row.status,
    result: row.result === null ? null : (JSON.parse(row.result) as JobResult),
  };
}

/**
 * Whether the caller may see a job: callers who see every organization see every job; a caller limited to
 * organizations sees only their own jobs (the same user or token), and only while the organizations the job was
 * uploaded for are all still theirs. Anything else is answered like a missing job.
 */
function visible(access: Access, row: JobRow): boolean {
  const mine = scopedOrganizationIds(access);
  if (mine === null) return true;
  if (row.actorType !== access.actor.type || row.actorId !== actorId(access.actor)) return false;
  const theirs = row.organizationIds === null ? null : (JSON.parse(row.organizationIds) as number[]);
  return theirs !== null && theirs.every((id) => mine.includes(id));
}

/** One job, or null when it does not exist or the caller may not see it (the same answer). */
export async function getImportJob(access: Access, id: string): Promise<ImportJobView | null> {
  const row = await readJob(id);
  return row && visible(access, row) ? toView(row) : null;
}

export interface JobListQuery {
  limit: number;
  /** the cursor of the previous page's last job */
  after?: string | null;
}

export interface JobPage {
  data: ImportJobView[];
  /** the cursor for the next page; null on the last */
  next: string | null;
}

/** Cursor: the last job's creation time and id, newest first. */
export function jobCursor(view: { createdAt: string; id: string }): string {
  return Buffer.from(`${view.createdAt}|${view.id}`).toString("base64url");
}

export function parseJobCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

/**
 * The jobs the caller may see, newest first, a page at a time through a cursor (keyset: each page continues after
 * the last job's creation time and id, never an OFFSET).
 */
export async function listImportJobs(access: Access, query: JobListQuery): Promise<JobPage> {
  const after = query.after ? parseJobCursor(query.after) : null;
  const mine = scopedOrganizationIds(access);
  const owner = mine === null ? {} : { actorType: access.actor.type, actorId: actorId(access.actor) };
  const keyset = after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};
  const rows = await db.importJob.findMany({
    where: { ...owner, ...keyset },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit).map((r) => normalize(r as unknown as JobRow));
  const last = page.at(-1);
  return { data: page.filter((r) => visible(access, r)).map(toView), next: more && last ? jobCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null };
}
