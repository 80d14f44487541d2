import type { ImportError } from "@/lib/views";
import { formatNumber } from "../ui/format";

const SHOWN = 200;

/**
 * Rejected rows with their line numbers and reasons (the first 200; the server keeps up to 1000).
 * `id` and `caption` keep the table's region unique when several imports are summarised.
 */
export function RejectedRowsTable({
  id,
  caption = "Rejected rows",
  errors,
  rejected,
}: {
  id: string;
  caption?: string;
  errors: ImportError[];
  rejected: number;
}) {
  const shown = errors.slice(0, SHOWN);
  return (
    <div>
      {rejected > shown.length ? (
        <p className="mb-2 text-xs text-gray-600 dark:text-gray-400">
          Showing the first {formatNumber(shown.length)} of {formatNumber(rejected)} rejected rows.
        </p>
      ) : null}
      <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="max-h-96 overflow-auto rounded-lg border border-gray-200 dark:border-gray-800">
        <table className="w-full text-left text-sm">
          <caption id={`${id}-caption`} className="sr-only">
            {caption}
          </caption>
          <thead className="sticky top-0 bg-gray-50 dark:bg-gray-800">
            <tr>
              <th scope="col" className="w-24 px-3 py-2 text-right font-medium">
                Line
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {shown.map((error, i) => (
              <tr key={`${error.line}-${i}`}>
                <td className="px-3 py-1.5 text-right font-mono text-xs tabular-nums">{error.line}</td>
                <td className="px-3 py-1.5 break-words">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
