import Link from "next/link";
import type { ImportSummary } from "@/lib/views";
import { ImportChangeCounts } from "../imports/import-change-counts";
import { ImportChangesPager } from "../imports/import-changes-pager";
import { ImportCounts } from "../imports/import-counts";
import { ImportRejections } from "../imports/import-rejections";
import { formatName } from "./format-names";

export const summaryHeadingId = (index: number) => `upload-summary-${index}-heading`;
const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";

/**
 * What one import did: its format and files, the counts, the servers whose status it changed (new compromises
 * first), then the rejected rows; or that it was a duplicate.
 */
export function UploadSummary({ summary, index, count }: { summary: ImportSummary; index: number; count: number }) {
  const status = summary.duplicate ? "Already imported" : summary.rejected > 0 ? "Imported, with rejected rows" : "Import complete";
  const files = summary.fileName ? summary.fileName.split(", ") : [];
  const created = summary.newOrganizations ?? [];
  const label = count > 1 ? ` of import ${index + 1}` : "";
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
        {" · "}
        <Link href={`/imports/${summary.id}`} className={LINK}>
          {summary.duplicate ? "Open the earlier import" : "Open this import"}
        </Link>
      </p>

      {summary.duplicate ? (
        <p className="mt-4 rounded-lg border border-blue-300 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-500/40 dark:bg-blue-950/50 dark:text-blue-100">
          {files.length > 1 ? "These exact files were" : "This exact file was"} already imported; nothing changed.
        </p>
      ) : (
        <>
          {created.length > 0 ? (
            <p className="mt-4 text-sm break-words text-gray-700 dark:text-gray-300">
              Created {created.length === 1 ? "the organization" : `${created.length} organizations`}: {created.join(", ")}.
            </p>
          ) : null}
          <div className="mt-4">
            <ImportCounts summary={summary} />
          </div>
          {summary.changes ? (
            <div className="mt-6">
              <h3 className="mb-2 text-sm font-semibold">What changed</h3>
              <ImportChangeCounts counts={summary.changes} />
              {summary.serversCreated + summary.serversUpdated > 0 ? (
                <div className="mt-3">
                  <ImportChangesPager
                    importId={summary.id}
                    id={`upload-summary-${index}-changes`}
                    caption={`Servers${label}, status before and after`}
                  />
                </div>
              ) : null}
            </div>
          ) : null}
          <ImportRejections
            id={`upload-summary-${index}-rejected`}
            caption={count > 1 ? `Rejected rows of import ${index + 1}` : "Rejected rows"}
            errors={summary.errors}
            rejected={summary.rejected}
          />
        </>
      )}
    </section>
  );
}
