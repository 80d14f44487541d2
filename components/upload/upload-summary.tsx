import type { ImportSummary } from "@/lib/views";
import { formatName } from "./format-names";
import { RejectedRowsTable } from "./rejected-rows-table";
import { SummaryStat } from "./summary-stat";

export const summaryHeadingId = (index: number) => `upload-summary-${index}-heading`;

/** What one import did: its format and files, the counts, then the rejected rows; or that it was a duplicate. */
export function UploadSummary({ summary, index, count }: { summary: ImportSummary; index: number; count: number }) {
  const status = summary.duplicate ? "Already imported" : summary.rejected > 0 ? "Imported, with rejected rows" : "Import complete";
  const files = summary.fileName ? summary.fileName.split(", ") : [];
  // Line 0 carries a note about the file as a whole (a file ignored, hosts that are not Exchange), not a rejected row.
  const notes = summary.errors.filter((e) => e.line <= 0);
  const rejectedRows = summary.errors.filter((e) => e.line > 0);
  return (
    <section
      aria-labelledby={summaryHeadingId(index)}
      data-testid="upload-summary"
      className="rounded-xl border border-gray-200 bg-white p-5 shadow-sm dark:border-gray-800 dark:bg-gray-900"
    >
      <h2 id={summaryHeadingId(index)} tabIndex={-1} className="text-lg font-semibold tracking-tight focus:outline-none">
        {count > 1 ? `Import ${index + 1} of ${count}: ` : ""}
        {status}
      </h2>
      <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
        {formatName(summary.format)}
        {files.length > 1 ? `, ${files.length} files` : ""}
        {files.length > 0 ? <span className="break-all">: {files.join(", ")}</span> : null}
      </p>

      {summary.duplicate ? (
        <p className="mt-4 rounded-lg border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-500/40 dark:bg-blue-950/50 dark:text-blue-100">
          {files.length > 1 ? "These exact files were" : "This exact file was"} already imported; nothing changed.
        </p>
      ) : (
        <>
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
            <SummaryStat label="Rows read" value={summary.rows} />
            <SummaryStat label="Accepted" value={summary.accepted} tone="good" />
            <SummaryStat label="Rejected" value={summary.rejected} tone="bad" />
            <SummaryStat label="Servers created" value={summary.serversCreated} />
            <SummaryStat label="Servers updated" value={summary.serversUpdated} />
            <SummaryStat label="Indicators recorded" value={summary.indicators ?? 0} tone="bad" />
          </dl>
          {notes.length > 0 ? (
            <div className="mt-6">
              <h3 className="mb-2 text-sm font-semibold">Notes on the file</h3>
              <ul className="list-disc space-y-1 pl-5 text-sm break-words text-gray-700 dark:text-gray-300">
                {notes.map((note, i) => (
                  <li key={i}>{note.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {summary.rejected > 0 ? (
            <div className="mt-6">
              <h3 className="mb-2 text-sm font-semibold">Rejected rows</h3>
              <RejectedRowsTable
                id={`upload-summary-${index}-rejected`}
                caption={count > 1 ? `Rejected rows of import ${index + 1}` : "Rejected rows"}
                errors={rejectedRows} rejected={summary.rejected} />
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
