"use client";

import { useEffect, useRef, useState } from "react";
import type { ImportSummary } from "@/lib/views";
import { formatBytes } from "../ui/format";
import { DropZone } from "./drop-zone";
import { ErrorDetails } from "./error-details";
import { UploadProgress, type ProgressState } from "./upload-progress";
import { uploadScan, type UploadError } from "./upload-request";
import { UploadSummary } from "./upload-summary";

type View =
  | { kind: "idle"; notice?: string }
  | { kind: "busy"; progress: ProgressState }
  | { kind: "done"; summary: ImportSummary }
  | { kind: "error"; error: UploadError; fileName?: string };

const CSV_TYPES = new Set(["text/csv", "application/csv"]);

function checkFile(file: File, maxBytes: number): UploadError | null {
  if (!file.name.toLowerCase().endsWith(".csv") && !CSV_TYPES.has(file.type)) {
    return { code: "not_csv", message: `“${file.name}” is not a CSV file. Choose a .csv file with the columns described on this page.` };
  }
  if (file.size === 0) return { code: "empty_file", message: `“${file.name}” is empty.` };
  if (file.size > maxBytes) {
    return { code: "payload_too_large", message: `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.` };
  }
  return null;
}

/** The upload flow: choose or drop a file, watch it upload and import, read the summary. */
export function UploadForm({ maxBytes }: { maxBytes: number }) {
  const [view, setView] = useState<View>({ kind: "idle" });
  const abort = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (view.kind === "done") document.getElementById("upload-summary-heading")?.focus();
  }, [view.kind]);

  useEffect(() => () => abort.current?.(), []);

  const updateProgress = (change: Partial<ProgressState>) =>
    setView((v) => (v.kind === "busy" ? { kind: "busy", progress: { ...v.progress, ...change } } : v));

  async function start(file: File) {
    const problem = checkFile(file, maxBytes);
    if (problem) {
      setView({ kind: "error", error: problem, fileName: file.name });
      return;
    }
    setView({ kind: "busy", progress: { fileName: file.name, fileSize: file.size, uploaded: 0, server: null } });
    const request = uploadScan(file, {
      onUploadProgress: (loaded) => updateProgress({ uploaded: loaded }),
      onUploaded: () => updateProgress({ uploaded: file.size }),
      onServerProgress: (server) => updateProgress({ server }),
    });
    abort.current = request.abort;
    const outcome = await request.done;
    abort.current = null;
    if (outcome.kind === "result") setView({ kind: "done", summary: outcome.summary });
    else if (outcome.kind === "error") setView({ kind: "error", error: outcome.error, fileName: file.name });
    else setView({ kind: "idle", notice: "Upload cancelled; nothing was imported." });
  }

  return (
    <div className="space-y-4">
      {view.kind === "done" ? (
        <UploadSummary summary={view.summary} onAgain={() => setView({ kind: "idle" })} />
      ) : (
        <DropZone onFile={start} disabled={view.kind === "busy"} maxBytes={maxBytes} />
      )}

      {view.kind === "busy" ? <UploadProgress state={view.progress} onCancel={() => abort.current?.()} /> : null}

      <div role="status" aria-live="polite" className="text-sm text-gray-700 empty:hidden dark:text-gray-300">
        {view.kind === "idle" && view.notice ? view.notice : null}
      </div>

      <div role="alert" id="upload-error" className="empty:hidden">
        {view.kind === "error" ? (
          <div className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-500/50 dark:bg-red-950/50 dark:text-red-100">
            <p className="font-semibold">{view.fileName ? `The import of “${view.fileName}” failed` : "The import failed"}</p>
            <p className="mt-1 text-sm">{view.error.message}</p>
            <ErrorDetails details={view.error.details} />
            <p className="mt-2 text-xs opacity-80">Nothing from this file was imported. Fix the file and choose it again.</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
