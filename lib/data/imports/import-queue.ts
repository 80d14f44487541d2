// The import worker: runs the import jobs (import-jobs.ts) in the background. Started by the production server
// (scripts/serve.ts) beside the webhook dispatcher, never by the pages. Every second (or at once when an upload in
// this process queues a job) it asks whether a job is due, claims the oldest with a lease, and runs it in a worker
// thread (import-thread.ts) so that parsing, writing and the recompute never hold the event loop that serves pages
// and API reads; then it records the answer and deletes the spooled files. One job at a time per process: imports
// take turns for the database's write lock anyway. The synchronous uploads of this process run in a second thread
// of the same kind (importUpload, through importInThread in import-jobs.ts), the request awaiting the answer.
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { dialect } from "../db";
import { reportWorker } from "../../ops/process-state";
import { holdWriteTurn, withBookkeepingWrite } from "../sql-write-transaction";
import { spoolDir } from "../../config";
import { setLiveProgress, SYNC_SPOOL, type ClaimedJob, type JobProgress } from "./import-jobs";
import { anyJobDue, claimImportJob, finishImportJob, LEASE_MS, releaseImportJob, renewImportJob } from "./job-claims";
import { jobProgressOf, runImportJob, type JobAnswer } from "./import-run";
import type { FromThread, ToThread } from "./import-thread";
import type { UploadProgress } from "./imports";
import { deleteSpool, sweepSpool } from "./spool";

export interface ImportWorkerOptions {
  /** run jobs in a worker thread (the default), or on this thread (tests) */
  thread?: boolean;
  pollMs?: number;
}

export interface ImportWorker {
  /** look for a job now (an upload in this process has queued one) */
  wake(): void;
  /** resolves once no job is due or running (tests) */
  idle(): Promise<void>;
  /** stops claiming; a job in a thread is stopped and queued again (nothing of it was committed), else awaited */
  stop(): Promise<void>;
  /**
   * A synchronous upload's import, its files spooled, in the uploads' worker thread (with `thread`; absent without:
   * the request imports on its own thread). No job row: nothing runs it again after a restart. Several run at once.
   */
  importUpload?: (job: ClaimedJob, onProgress: (p: UploadProgress) => void) => Promise<JobAnswer>;
}

// The production server is compiled ahead of time (scripts/server-bundle.ts), and its thread from a compiled file of its
// own, whose path the compiler puts in place of this name. Run from the sources (tests, scripts), the thread starts
// from a plain module that registers tsx in it and loads import-thread.ts (Node 20 does not apply the --import loader
// to a worker's own entry file).
declare const PATCHBOARD_THREAD_BUNDLE: string | undefined;
const THREAD_FILE = typeof PATCHBOARD_THREAD_BUNDLE === "string" ? PATCHBOARD_THREAD_BUNDLE : join("lib", "data", "imports", "import-thread-boot.mjs");

// An import makes short-lived rows by the million; V8 lets a thread's young generation grow to several times this
// before collecting it, and the process keeps the pages. A 1,000,000-row import on SQLite (BENCH_FILES=1 npm run bench)
// peaked at 316-330 MB by default and at 283-305 MB with 16 MB (the first import of seven runs), in the same 22-23.5 s;
// 8 MB was no lower and slower.
const THREAD_YOUNG_GENERATION_MB = 16;

// The worker of this process, for the upload route (in Next's bundle) to wake (wakeImportWorker in import-jobs.ts).
const hook = globalThis as { patchboardImportWorker?: ImportWorker };

/** A worker thread that runs jobs, its write transactions taking turns in this thread's writer queue. */
class ImportThread {
  private worker: Worker;
  private ready: Promise<void>;
  private turns = new Map<number, () => void>();
  private pending = new Map<string, { resolve: (a: JobAnswer) => void; reject: (e: Error) => void; onProgress: (p: UploadProgress) => void }>();
  exited = false;

  constructor() {
    // Outside Next's bundle, by its path from the project's root.
    this.worker = new Worker(join(process.cwd(), THREAD_FILE), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once("error", reject);
      this.worker.on("message", (m: FromThread) => {
        if (m.type === "ready") resolve();
      });
    });
    this.worker.on("message", (m: FromThread) => this.onMessage(m));
    this.worker.on("error", (err) => console.error("Patchboard: the import worker thread failed:", err));
    this.worker.on("exit", (code) => {
      this.exited = true;
      // A transaction it was running has ended with it (its connection closed, so nothing was committed).
      for (const end of this.turns.values()) end();
      this.turns.clear();
      for (const run of this.pending.values()) run.reject(new Error(`the import worker thread exited (code ${code})`));
      this.pending.clear();
    });
  }

  private onMessage(m: FromThread): void {
    if (m.type === "turn") {
      void holdWriteTurn().then((end) => {
        if (this.exited) return end();
        this.turns.set(m.n, end);
        this.worker.postMessage({ type: "turn-granted", n: m.n } satisfies ToThread);
      });
    } else if (m.type === "turn-end") {
      this.turns.get(m.n)?.();
      this.turns.delete(m.n);
    } else if (m.type === "progress") {
      this.pending.get(m.id)?.onProgress(m.progress);
    } else if (m.type === "result") {
      const run = this.pending.get(m.id);
      this.pending.delete(m.id);
      run?.resolve({ status: m.status, body: m.body });
    }
  }

  async run(job: ClaimedJob, onProgress: (p: UploadProgress) => void): Promise<JobAnswer> {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject, onProgress });
      this.worker.postMessage({ type: "run", job } satisfies ToThread);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Starts this process's import worker (one per process). */
export function startImportWorker(options: ImportWorkerOptions = {}): ImportWorker {
  const useThread = options.thread ?? true;
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | null = null;
  let again = false;
  let thread: ImportThread | null = null;
  let running: ClaimedJob | null = null;
  // The synchronous uploads' thread: not stopped with the jobs, since their requests finish before the process exits.
  let uploads: ImportThread | null = null;

  const runOne = async (job: ClaimedJob) => {
    running = job;
    let progress: JobProgress = { phase: "reading", bytes: 0, rows: 0 };
    setLiveProgress(job.id, progress);
    // The lease and the stored progress are renewed while it runs; on SQLite the row is not written meanwhile (the
    // import holds the write lock; a single process has no one to take the job over).
    const renew = dialect() === "postgres" ? setInterval(() => void renewImportJob(job.id, progress).catch(() => {}), Math.min(5_000, LEASE_MS / 4)) : undefined;
    const onProgress = (p: JobProgress) => {
      progress = p;
      setLiveProgress(job.id, p);
      reportWorker("imports", true);
    };
    try {
      let answer: JobAnswer;
      if (useThread) {
        if (!thread || thread.exited) thread = new ImportThread();
        answer = await thread.run(job, jobProgressOf(onProgress));
      } else {
        answer = await runImportJob(job, jobProgressOf(onProgress));
      }
      await finishImportJob(job.id, answer, progress);
      if (job.spoolPath) await deleteSpool(job.spoolPath);
    } catch (err) {
      // The thread ended mid-job: stopping (queued again at once), or it crashed (tried again, up to MAX_ATTEMPTS).
      if (stopped) await releaseImportJob(job.id).catch(() => {});
      else {
        console.error("Patchboard: an import job was interrupted:", err);
        await withBookkeepingWrite((s) => s.run(`UPDATE "ImportJob" SET "state" = 'queued', "lockedUntil" = NULL WHERE "id" = ? AND "state" = 'running'`, [job.id])).catch(() => {});
        setLiveProgress(job.id, null);
      }
    } finally {
      clearInterval(renew);
      running = null;
    }
  };

  const work = async () => {
    do {
      again = false;
      reportWorker("imports", true);
      try {
        while (!stopped && (await anyJobDue())) {
          const job = await claimImportJob();
          if (!job) break;
          await runOne(job);
        }
      } catch (err) {
        console.error("Patchboard: the import worker's round failed:", err);
      }
      reportWorker("imports", !stopped);
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    round = work().finally(() => {
      round = null;
      if (!stopped) timer = setTimeout(kick, pollMs);
    });
  };

  const worker: ImportWorker = {
    wake() {
      clearTimeout(timer);
      kick();
    },
    async idle() {
      for (;;) {
        if (round) await round;
        // A round that began while this looked may have claimed the job it would have found due: wait for it too.
        if (!(await anyJobDue()) && !round) return;
        if (round) continue;
        worker.wake();
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (hook.patchboardImportWorker === worker) delete hook.patchboardImportWorker;
      if (running && thread) await thread.terminate();
      await round;
      if (thread && !thread.exited) await thread.terminate();
      reportWorker("imports", false);
    },
    ...(useThread
      ? {
          importUpload(job: ClaimedJob, onProgress: (p: UploadProgress) => void) {
            if (!uploads || uploads.exited) uploads = new ImportThread();
            return uploads.run(job, onProgress);
          },
        }
      : {}),
  };
  hook.patchboardImportWorker = worker;
  // A synchronous upload's spooled files outlive it only when its process was killed: on SQLite (one process) gone at
  // the next start, on PostgreSQL (processes may share the spool) after a day.
  void sweepSpool(join(spoolDir(), SYNC_SPOOL), dialect() === "sqlite" ? 0 : 24 * 3600_000).catch(() => {});
  reportWorker("imports", true);
  // On SQLite one process serves the database: a job left running was this process's before it stopped.
  const start = dialect() === "sqlite" ? withBookkeepingWrite((s) => s.run(`UPDATE "ImportJob" SET "state" = 'queued', "lockedUntil" = NULL WHERE "state" = 'running'`)) : Promise.resolve();
  void start.catch((err) => console.error("Patchboard: the import worker could not re-queue interrupted jobs:", err)).finally(kick);
  return worker;
}
