// One import job run to its answer, wherever it runs: in an import worker thread (import-thread.ts), or in the
// calling thread (tests, and a server started without threads). The answer is the synchronous upload's. A
// synchronous upload run in the thread (importInThread in import-jobs.ts) is a job too, one without a row.
import { existsSync } from "node:fs";
import { importAnswerOf } from "../../api/import-response";
import { maxUploadBytes } from "../../config";
import { errorResponse } from "../../api/error-response";
import type { ClaimedJob, JobProgress } from "./import-jobs";
import { importScans, type UploadProgress } from "./imports";
import { spooledFiles } from "./spool";

export interface JobAnswer {
  status: number;
  body: unknown;
}

/** The progress of each import of an upload (as its NDJSON lines carry it), as a job's: bytes and rows of the whole upload. */
export function jobProgressOf(onProgress: (p: JobProgress) => void): (p: UploadProgress) => void {
  const done = { bytes: 0, rows: 0 };
  let current = { index: 0, bytes: 0, rows: 0 };
  return (p) => {
    if (p.index !== current.index) {
      done.bytes += current.bytes;
      done.rows += current.rows;
    }
    current = { index: p.index, bytes: p.bytes, rows: p.rows };
    onProgress({ phase: p.phase, bytes: done.bytes + p.bytes, rows: done.rows + p.rows });
  };
}

export async function runImportJob(job: ClaimedJob, onProgress: (p: UploadProgress) => void): Promise<JobAnswer> {
  if (!job.spoolPath || !existsSync(job.spoolPath)) {
    return { status: 500, body: { error: { code: "spool_missing", message: "The upload's spooled files are gone: upload the files again." } } };
  }
  try {
    const outcome = await importScans({
      files: spooledFiles(job.spoolPath, job.files),
      options: job.options,
      access: job.access,
      origin: job.origin,
      tokenId: job.tokenId,
      maxBytes: maxUploadBytes(),
      onProgress,
    });
    return await importAnswerOf(outcome);
  } catch (err) {
    const res = errorResponse(err);
    return { status: res.status, body: await res.json() };
  }
}
