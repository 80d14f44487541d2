import Link from "next/link";
import type { ImportSummary } from "@/lib/views";
import { formatNumber } from "../ui/format";
import { RejectedRowsTable } from "./rejected-rows-table";

function Stat({ label, value, tone }: { label: string; value: number; tone?: "bad" | "good" }) {
  const color = tone === "bad" && value > 0 ? "text-red-700 dark:text-red-400" : tone === "good" ? "text-green-700 dark:text-green-400" : "";
  return (
    <div className="rounded-lg border border-gray-200 p-3 dark:border-gray-800">
      <dt className="text-xs font-medium text-gray-600 dark:text-gray-400">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{formatNumber(value)}</dd>
    </div>
  );
}

/** What the import did: counts, then the rejected rows; or that the file was a duplicate. */
export function UploadSummary({ summary, onAgain }: { summary: ImportSummary; onAgain: () => void }) {
  return (
    <section
      aria-labelledby="upload-summary-heading"
      data-testid="upload-summary"
      className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900"
    >
      <h2 id="upload-summary-heading" tabIndex={-1} className="text-lg font-semibold tracking-tight focus:outline-none">
        {summary.duplicate ? "Already imported" : summary.rejected > 0 ? "Imported, with rejected rows" : "Import complete"}
      </h2>
      {summary.fileName ? <p className="mt-1 text-sm break-all text-gray-600 dark:text-gray-400">{summary.fileName}</p> : null}

      {summary.duplicate ? (
        <p className="mt-4 rounded-lg border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-500/40 dark:bg-blue-950/50 dark:text-blue-100">
          This exact file was already imported; nothing changed.
        </p>
      ) : (
        <>
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            <Stat label="Rows read" value={summary.rows} />
            <Stat label="Accepted" value={summary.accepted} tone="good" />
            <Stat label="Rejected" value={summary.rejected} tone="bad" />
            <Stat label="Servers created" value={summary.serversCreated} />
            <Stat label="Servers updated" value={summary.serversUpdated} />
          </dl>
          {summary.rejected > 0 ? (
            <div className="mt-6">
              <h3 className="mb-2 text-sm font-semibold">Rejected rows</h3>
              <RejectedRowsTable errors={summary.errors} rejected={summary.rejected} />
            </div>
          ) : null}
        </>
      )}

      <div className="mt-6 flex flex-wrap gap-3">
        <Link href="/" className="rounded-lg bg-blue-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800 dark:bg-blue-500 dark:text-gray-950 dark:hover:bg-blue-400">
          View the overview
        </Link>
        <button
          type="button"
          onClick={onAgain}
          className="rounded-lg border border-gray-300 bg-white px-4 py-2 text-sm font-medium hover:bg-gray-50 dark:border-gray-700 dark:bg-gray-900 dark:hover:bg-gray-800"
        >
          Upload another file
        </button>
      </div>
    </section>
  );
}
