import { formatBytes, formatNumber } from "../ui/format";
import type { ServerProgress } from "./upload-request";

export interface ProgressState {
  files: File[];
  /** bytes of the request body (the multipart total once the browser reports it) */
  uploadTotal: number;
  uploaded: number;
  server: ServerProgress | null;
  /** how many imports the files should make: an estimate, the server groups Test-ProxyLogon files */
  importCount: number;
  /** a dry run: the files are read and checked, nothing is imported */
  checking?: boolean;
}

const PHASE_LABELS = {
  uploading: "Uploading",
  reading: "Importing: reading rows",
  writing: "Importing: saving rows",
  computing: "Updating server statuses",
} as const;

const CHECKING_LABELS = {
  uploading: "Uploading to check",
  reading: "Checking: reading rows",
  writing: "Checking: looking up organizations and servers",
  computing: "Checking",
} as const;

/** One bar per import in turn: bytes sent, then bytes the server has read; the phase and the import in words. */
export function UploadProgress({ state, onCancel }: { state: ProgressState; onCancel: () => void }) {
  const { server, files, uploadTotal } = state;
  const phase = server?.phase ?? "uploading";
  const uploaded = Math.min(state.uploaded, uploadTotal);
  const fileLabel = server?.file || (files.length === 1 ? files[0].name : `${formatNumber(files.length)} files`);
  // The server reports bytes per import; the size is known when the import is one chosen file.
  const importSize = server ? (files.find((f) => f.name === server.file)?.size ?? (files.length === 1 ? files[0].size : undefined)) : undefined;
  const index = server?.index ?? 0;
  const count = Math.max(state.importCount, index + 1);
  const step = count > 1 ? `Import ${index + 1} of ${count}: ` : "";
  // After the last bytes are read the server still saves rows and recomputes statuses,
  // which can take a while on a large file without further progress lines.
  const finishing =
    phase !== "computing" && server !== null && importSize !== undefined && uploaded >= uploadTotal && server.bytes >= importSize * 0.98;
  const label = state.checking
    ? CHECKING_LABELS[phase]
    : finishing
      ? "Importing: saving the last rows and updating statuses"
      : PHASE_LABELS[phase];
  const serversTotal = server?.serversTotal ?? 0;
  const ratio =
    phase === "computing"
      ? serversTotal > 0
        ? (server?.servers ?? 0) / serversTotal
        : 1
      : server && importSize !== undefined
        ? server.bytes / Math.max(importSize, 1)
        : uploaded / Math.max(uploadTotal, 1);
  const percent = Math.min(100, Math.round(ratio * 100));
  const rows = formatNumber(server?.rows ?? 0);
  const detail =
    phase === "uploading"
      ? `${formatBytes(uploaded)} of ${formatBytes(uploadTotal)} sent`
      : phase === "computing"
        ? serversTotal > 0
          ? `${rows} rows read; statuses of ${formatNumber(server?.servers ?? 0)} of ${formatNumber(serversTotal)} servers updated`
          : `${rows} rows read; recomputing statuses and counts…`
        : `${rows} rows, ${formatBytes(server?.bytes ?? 0)}${importSize !== undefined ? ` of ${formatBytes(importSize)}` : ""} read`;

  return (
    <div className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-medium" aria-live="polite">
          {step}
          {label} <span className="font-normal break-all text-gray-600 dark:text-gray-400">{fileLabel}</span>
        </p>
        <p className="text-sm text-gray-700 tabular-nums dark:text-gray-300">{percent}%</p>
      </div>
      <div
        role="progressbar"
        aria-label={`${step}${label}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${detail}`}
        className="mt-3"
      >
        <svg aria-hidden="true" viewBox="0 0 100 4" preserveAspectRatio="none" className={`h-2 w-full rounded-full ${phase === "computing" || finishing ? "animate-pulse" : ""}`}>
          <rect width="100" height="4" className="fill-gray-200 dark:fill-gray-700" />
          <rect width={percent} height="4" className="fill-blue-600 dark:fill-blue-400" />
        </svg>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-gray-600 tabular-nums dark:text-gray-400">{detail}</p>
        {phase === "uploading" ? (
          <button type="button" onClick={onCancel} className="rounded-md px-2 py-1 text-sm font-medium text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800">
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}
