import type { ImportSummary } from "@/lib/views";

export type ImportPhase = "reading" | "writing" | "computing";

export interface ServerProgress {
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

export type UploadOutcome = { kind: "result"; summary: ImportSummary } | { kind: "error"; error: UploadError } | { kind: "aborted" };

interface Handlers {
  onUploadProgress: (loaded: number, total: number) => void;
  onUploaded: () => void;
  onServerProgress: (progress: ServerProgress) => void;
}

type StreamEvent =
  | ({ type: "progress" } & ServerProgress)
  | { type: "result"; import: ImportSummary }
  | { type: "error"; error: UploadError };

function asError(body: unknown, status: number): UploadError {
  const error = (body as { error?: Partial<UploadError> } | null)?.error;
  if (error && typeof error.message === "string") return { code: error.code ?? `http_${status}`, message: error.message, details: error.details };
  return { code: `http_${status}`, message: `The server answered ${status} without an explanation.` };
}

/**
 * Sends the file to POST /api/uploads as multipart/form-data with XMLHttpRequest (for
 * upload progress) and reads the streamed NDJSON answer as it arrives: progress lines,
 * then one result or error line.
 */
export function uploadScan(file: File, handlers: Handlers): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
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
      const { phase, rows, bytes, servers, serversTotal } = event;
      handlers.onServerProgress({ phase, rows, bytes, servers, serversTotal });
    }
    else if (event.type === "result") outcome = { kind: "result", summary: event.import };
    else if (event.type === "error") outcome = { kind: "error", error: asError(event, 500) };
  };

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

  const isNdjson = () => (xhr.getResponseHeader("Content-Type") ?? "").includes("application/x-ndjson");

  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.upload.onprogress = (e) => handlers.onUploadProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => handlers.onUploaded();
    xhr.onprogress = () => drain(false);
    xhr.onload = () => {
      if (isNdjson()) {
        drain(true);
        resolve(outcome ?? { kind: "error", error: { code: "incomplete", message: "The import ended without a result. Please try again." } });
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: explained below by the status
      }
      resolve({ kind: "error", error: asError(body, xhr.status) });
    };
    xhr.onerror = () =>
      resolve({ kind: "error", error: { code: "network_error", message: "The upload failed: the connection to the server was lost." } });
    xhr.onabort = () => resolve({ kind: "aborted" });
  });

  const form = new FormData();
  form.append("file", file, file.name);
  xhr.open("POST", "/api/uploads");
  xhr.setRequestHeader("Accept", "application/x-ndjson, application/json");
  xhr.send(form);

  return { done, abort: () => xhr.abort() };
}
