import Link from "next/link";
import { STATUS_CHANGE_LABELS, type StatusChange } from "@/lib/domain/status-change";
import type { ImportServerChange } from "@/lib/views";
import { StatusBadge } from "../status/status-badge";

const CHANGE_CLASSES: Record<StatusChange, string> = {
  "new-compromise": "font-semibold text-red-700 dark:text-red-400",
  worsened: "font-medium text-amber-800 dark:text-amber-300",
  improved: "font-medium text-green-700 dark:text-green-400",
  unchanged: "text-gray-600 dark:text-gray-400",
};
const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";
const CELL = "px-3 py-2 align-top";

/**
 * A page of the servers an import touched, in the order the server gives (new compromises, worse, better,
 * unchanged): each hostname links to its server, with the roll-up status before and after. Plain markup, so the
 * import's page renders it on the server and the upload page in the browser.
 */
export function ImportChangesTable({ id, caption, rows }: { id: string; caption: string; rows: ImportServerChange[] }) {
  return (
    <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-gray-200 dark:border-gray-800">
      <table className="w-full text-left text-sm" data-testid="import-changes">
        <caption id={`${id}-caption`} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-gray-50 text-xs text-gray-700 uppercase dark:bg-gray-800/60 dark:text-gray-300">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Server</th>
            <th scope="col" className="px-3 py-2 font-semibold">Organization</th>
            <th scope="col" className="px-3 py-2 font-semibold">Change</th>
            <th scope="col" className="px-3 py-2 font-semibold">Before</th>
            <th scope="col" className="px-3 py-2 font-semibold">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {rows.map((row) => (
            <tr key={row.serverId}>
              <th scope="row" className={`${CELL} font-medium break-all`}>
                {row.hostname !== null ? (
                  <Link href={`/servers/${row.serverId}`} className={LINK}>
                    {row.hostname}
                  </Link>
                ) : (
                  <span className="font-normal text-gray-600 dark:text-gray-400">Deleted server</span>
                )}
              </th>
              <td className={`${CELL} break-words`}>{row.organizationName ?? <span className="text-gray-600 dark:text-gray-400">None</span>}</td>
              <td className={`${CELL} whitespace-nowrap ${CHANGE_CLASSES[row.change]}`}>{STATUS_CHANGE_LABELS[row.change]}</td>
              <td className={CELL}>{row.before ? <StatusBadge status={row.before} /> : <span className="text-gray-600 dark:text-gray-400">New server</span>}</td>
              <td className={CELL}>
                <StatusBadge status={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
