import type { ImportSummary } from "@/lib/views";
import type { MappingSpec } from "./mapping-spec";

export type ImportPhase = "reading" | "writing" | "computing";

export interface ServerProgress {
  /** which import of this request, 0-based */
  index: number;
  /** the file being imported; several Test-ProxyLogon files are one import, named like "EXCH01-… (4 files)" */
  file: string;
  phase: ImportPhase;
  rows: number;
  bytes: number;
  /** while computing: servers updated so far, of serversTotal */
  servers?: number;
  serversTotal?: number;
}

export interface UploadError {
  code: string;
  message: string;
  details?: unknown;
}

/** The text fields of the request; see the route's contract. */
export interface UploadFields {
  format: string;
  organization?: string;
  scannedAt?: string;
  mapping?: string;
  mappingSpec?: MappingSpec;
  saveMappingAs?: string;
  /** check the files and write nothing: the answer names the organizations the upload would create */
  dryRun?: boolean;
}

/** `imports`: the imports committed by this request (each is all-or-nothing), also when a later one failed. */
export type UploadOutcome =
  // After a dry run, `imports` are what the upload would import (nothing was), and `newOrganizations` what it would create.
  | { kind: "result"; imports: ImportSummary[]; newOrganizations: string[] }
  | { kind: "error"; error: UploadError; imports: ImportSummary[] }
  | { kind: "aborted" };

interface Handlers {
  onUploadProgress: (loaded: number, total: number) => void;
  onUploaded: () => void;
  onServerProgress: (progress: ServerProgress) => void;
}

type StreamEvent =
  | ({ type: "progress" } & Partial<ServerProgress>)
  // `import` (one summary) is what the endpoint answered before it took several files.
  | { type: "result"; imports?: ImportSummary[]; import?: ImportSummary; newOrganizations?: string[] }
  | { type: "error"; status?: number; error?: Partial<UploadError>; imports?: ImportSummary[] };

/**
 * Uploads larger than this (all files together) are imported in the background: the server answers 202 with the
 * import job at once (Prefer: respond-async), and the page follows the job's progress by polling it.
 */
export const ASYNC_UPLOAD_BYTES = 8 * 1024 * 1024;
const POLL_MS = 1000;

/** An import job as GET /api/v1/imports/ID answers it (lib/zod/answers/imports.ts importJob). */
interface JobAnswer {
  job: {
    id: string;
    state: "queued" | "running" | "done" | "failed";
    files: (string | null)[];
    progress: { phase: "queued" | "reading" | "writing" | "computing" | "finished"; bytes: number; rows: number };
    status: number | null;
    result: { imports?: ImportSummary[]; import?: ImportSummary; error?: Partial<UploadError> } | null;
  };
}

/** Polls the job until it is done or failed, reporting its progress; stops (aborted) when `stopped` says so. */
async function followJob(location: string, onProgress: Handlers["onServerProgress"], stopped: () => boolean): Promise<UploadOutcome> {
  for (;;) {
    if (stopped()) return { kind: "aborted" };
    let answer: JobAnswer;
    try {
      const res = await fetch(location, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!res.ok) return { kind: "error", error: asError(await res.json().catch(() => null), res.status), imports: [] };
      answer = (await res.json()) as JobAnswer;
    } catch {
      return { kind: "error", error: { code: "network_error", message: "The connection to the server was lost while the import ran; it goes on: see Recent imports." }, imports: [] };
    }
    const { job } = answer;
    const phase: ImportPhase = job.progress.phase === "writing" || job.progress.phase === "computing" ? job.progress.phase : job.progress.phase === "finished" ? "computing" : "reading";
    onProgress({ index: 0, file: job.files.filter(Boolean).join(", ") || "upload", phase, rows: job.progress.rows, bytes: job.progress.bytes });
    if (job.state === "done") {
      const result = job.result ?? {};
      return { kind: "result", imports: result.imports ?? (result.import ? [result.import] : []), newOrganizations: [] };
    }
    if (job.state === "failed") {
      const details = job.result?.error?.details as { imports?: ImportSummary[] } | undefined;
      return { kind: "error", error: asError(job.result, job.status ?? 500), imports: details?.imports ?? [] };
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function asError(body: unknown, status: number): UploadError {
  const error = (body as { error?: Partial<UploadError> } | null)?.error;
  if (error && typeof error.message === "string") return { code: error.code ?? `http_${status}`, message: error.message, details: error.details };
  return { code: `http_${status}`, message: `The server answered ${status} without an explanation.` };
}

function buildForm(files: File[], fields: UploadFields): FormData {
  const form = new FormData();
  // The server streams the body and reads the text fields before the first file: they must come first.
  if (fields.dryRun) form.append("dryRun", "1");
  form.append("format", fields.format);
  if (fields.organization) form.append("organization", fields.organization);
  if (fields.scannedAt) form.append("scannedAt", fields.scannedAt);
  if (fields.mapping) form.append("mapping", fields.mapping);
  if (fields.mappingSpec) form.append("mappingSpec", JSON.stringify(fields.mappingSpec));
  if (fields.saveMappingAs) form.append("saveMappingAs", fields.saveMappingAs);
  for (const file of files) form.append("file", file, file.name);
  return form;
}

/**
 * Sends the files to POST /api/v1/scans as multipart/form-data with XMLHttpRequest (for
 * upload progress) and reads the streamed NDJSON answer as it arrives: progress lines,
 * then one result or error line.
 */
export function uploadScans(files: File[], fields: UploadFields, handlers: Handlers): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const totalSize = files.reduce((sum, f) => sum + f.size, 0);
  let offset = 0;
  let outcome: UploadOutcome | null = null;

  const handleLine = (line: string) => {
    if (!line.trim()) return;
    let event: StreamEvent;
    try {
      event = JSON.parse(line) as StreamEvent;
    } catch {
      return;
    }
    if (event.type === "progress") {
      const { index = 0, file = "", phase = "reading", rows = 0, bytes = 0, servers, serversTotal } = event;
      handlers.onServerProgress({ index, file, phase, rows, bytes, servers, serversTotal });
    } else if (event.type === "result") {
      outcome = { kind: "result", imports: event.imports ?? (event.import ? [event.import] : []), newOrganizations: event.newOrganizations ?? [] };
    } else if (event.type === "error") {
      outcome = { kind: "error", error: asError(event, event.status ?? 500), imports: event.imports ?? [] };
    }
  };

  const isNdjson = () => (xhr.getResponseHeader("Content-Type") ?? "").includes("application/x-ndjson");

  /** Handles the complete lines received so far; the rest waits for more text. */
  const drain = (final: boolean) => {
    if (!isNdjson()) return;
    const text = xhr.responseText;
    let newline = text.indexOf("\n", offset);
    while (newline !== -1) {
      handleLine(text.slice(offset, newline));
      offset = newline + 1;
      newline = text.indexOf("\n", offset);
    }
    if (final && offset < text.length) {
      handleLine(text.slice(offset));
      offset = text.length;
    }
  };

  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.upload.onprogress = (e) => handlers.onUploadProgress(e.loaded, e.lengthComputable ? e.total : totalSize);
    xhr.upload.onload = () => handlers.onUploaded();
    xhr.onprogress = () => drain(false);
    xhr.onload = () => {
      const location = xhr.getResponseHeader("Location");
      if (xhr.status === 202 && location) {
        void followJob(location, handlers.onServerProgress, () => aborted).then(resolve);
        return;
      }
      if (isNdjson()) {
        drain(true);
        resolve(outcome ?? { kind: "error", error: { code: "incomplete", message: "The import ended without a result. Please try again." }, imports: [] });
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: explained below by the status
      }
      resolve({ kind: "error", error: asError(body, xhr.status), imports: [] });
    };
    xhr.onerror = () =>
      resolve({ kind: "error", error: { code: "network_error", message: "The upload failed: the connection to the server was lost." }, imports: [] });
    xhr.onabort = () => resolve({ kind: "aborted" });
  });

  let aborted = false;
  xhr.open("POST", "/api/v1/scans");
  // A large upload is imported in the background: answered at once, then followed by polling its job.
  if (!fields.dryRun && totalSize > ASYNC_UPLOAD_BYTES) xhr.setRequestHeader("Prefer", "respond-async");
  // The same endpoint scripts use; this header asks for progress lines as the files import.
  xhr.setRequestHeader("Accept", "application/x-ndjson");
  xhr.setRequestHeader("Accept", "application/x-ndjson, application/json");
  xhr.send(buildForm(files, fields));

  return {
    done,
    abort: () => {
      aborted = true;
      xhr.abort();
    },
  };
}
