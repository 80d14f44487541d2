import { formatBytes, formatNumber } from "../ui/format";
import type { ServerProgress } from "./upload-request";

export interface ProgressState {
  fileName: string;
  fileSize: number;
  uploaded: number;
  server: ServerProgress | null;
}

const PHASE_LABELS = {
  uploading: "Uploading",
  reading: "Importing: reading rows",
  writing: "Importing: saving rows",
  computing: "Updating server statuses",
} as const;

/** One bar: bytes sent, then bytes the server has read; the phase in words. */
export function UploadProgress({ state, onCancel }: { state: ProgressState; onCancel: () => void }) {
  const { server, fileSize } = state;
  const phase = server?.phase ?? "uploading";
  const size = Math.max(fileSize, 1);
  // After the last bytes are read the server still saves rows and recomputes statuses,
  // which can take a while on a large file without further progress lines.
  const finishing = phase !== "computing" && server !== null && state.uploaded >= fileSize && server.bytes >= fileSize * 0.98;
  const label = finishing ? "Importing: saving the last rows and updating statuses" : PHASE_LABELS[phase];
  const serversTotal = server?.serversTotal ?? 0;
  const percent =
    phase === "computing"
      ? serversTotal > 0
        ? Math.min(100, Math.round(((server?.servers ?? 0) / serversTotal) * 100))
        : 100
      : Math.min(100, Math.round(((server ? server.bytes : state.uploaded) / size) * 100));
  const detail =
    phase === "uploading"
      ? `${formatBytes(state.uploaded)} of ${formatBytes(fileSize)} sent`
      : phase === "computing"
        ? serversTotal > 0
          ? `${formatNumber(server?.rows ?? 0)} rows read; statuses of ${formatNumber(server?.servers ?? 0)} of ${formatNumber(serversTotal)} servers updated`
          : `${formatNumber(server?.rows ?? 0)} rows read; recomputing statuses and counts…`
        : `${formatNumber(server?.rows ?? 0)} rows, ${formatBytes(server?.bytes ?? 0)} of ${formatBytes(fileSize)} read`;

  return (
    <div className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-medium" aria-live="polite">
          {label} <span className="font-normal break-all text-gray-600 dark:text-gray-400">{state.fileName}</span>
        </p>
        <p className="text-sm text-gray-700 tabular-nums dark:text-gray-300">{percent}%</p>
      </div>
      <div
        role="progressbar"
        aria-label={label}
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
