import type { ImportError } from "@/lib/views";
import { RejectedRowsTable } from "../upload/rejected-rows-table";

/**
 * The notes on a file and its rejected rows. Line 0 carries a note about the file as a whole (a file ignored,
 * hosts that are not Exchange), not a rejected row. `id` keeps the table's region unique on a page of several.
 */
export function ImportRejections({ id, caption, errors, rejected }: { id: string; caption: string; errors: ImportError[]; rejected: number }) {
  const notes = errors.filter((e) => e.line <= 0);
  const rows = errors.filter((e) => e.line > 0);
  return (
    <>
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
      {rejected > 0 ? (
        <div className="mt-6">
          <h3 className="mb-2 text-sm font-semibold">Rejected rows</h3>
          <RejectedRowsTable id={id} caption={caption} errors={rows} rejected={rejected} />
        </div>
      ) : null}
    </>
  );
}
