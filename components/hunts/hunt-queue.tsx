import Link from "next/link";
import type { ServerListRow } from "@/lib/views";
import { StatusBadge } from "../status/status-badge";
import { formatDate, formatNumber } from "../ui/format";
import { LINK } from "../ui/link-styles";
import { HuntBadge } from "./hunt-badge";
import { HuntCoverage } from "./hunt-coverage";

/** The servers that still need a hunt, oldest exposure first, with how much of their window checks cover. */
export function HuntQueue({ servers, total, allHref, linkQuery }: { servers: ServerListRow[]; total: number; allHref: string; linkQuery: string }) {
  if (servers.length === 0) {
    return <p className="text-sm text-gray-600 dark:text-gray-400">No server needs a hunt: every server exposed while exploited has clean checks over its whole window.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <table className="w-full text-left text-sm" data-testid="hunt-queue">
        <caption className="sr-only">Servers to hunt, oldest exposure first</caption>
        <thead className="border-b border-gray-200 text-xs text-gray-600 uppercase dark:border-gray-800 dark:text-gray-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Server</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Hunt</th>
            <th scope="col" className="px-4 py-2 font-medium">Exposed since</th>
            <th scope="col" className="px-4 py-2 font-medium">Checks cover</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {servers.map((s) => (
            <tr key={s.id}>
              <td className="px-4 py-2">
                <Link href={`/servers/${s.id}${linkQuery}#hunt`} className={LINK}>
                  {s.hostname}
                </Link>
              </td>
              <td className="px-4 py-2">
                <StatusBadge status={s.status} />
              </td>
              <td className="px-4 py-2">
                <HuntBadge state={s.hunt} />
              </td>
              <td className="px-4 py-2 whitespace-nowrap tabular-nums">{s.huntWindow.exposedSince ? formatDate(s.huntWindow.exposedSince) : "–"}</td>
              <td className="px-4 py-2">
                <HuntCoverage window={s.huntWindow} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > servers.length ? (
        <p className="border-t border-gray-200 px-4 py-2 text-sm dark:border-gray-800">
          <Link href={allHref} className={LINK}>
            All {formatNumber(total)} servers to hunt
          </Link>
        </p>
      ) : null}
    </div>
  );
}
