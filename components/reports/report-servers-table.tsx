import Link from "next/link";
import type { ReportServer } from "@/lib/domain/reports/client-report";
import { huntLabel, lastScanLine, patchLevelLine, productLine } from "@/lib/reports/report-words";
import { StatusBadge } from "../status/status-badge";

const TH = "px-2 py-2 text-left text-xs font-semibold text-gray-600 dark:text-gray-400";
const TD = "px-2 py-2 align-top";

/** The organization's servers, worst first, with their verdict, why, patch level and (when known) hunt. */
export function ReportServersTable({ servers, caption }: { servers: ReportServer[]; caption: string }) {
  const withHunt = servers.some((s) => s.hunt);
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-gray-300 dark:border-gray-700">
          <tr>
            <th scope="col" className={TH}>Server</th>
            <th scope="col" className={TH}>Status</th>
            <th scope="col" className={TH}>Patch level</th>
            {withHunt ? <th scope="col" className={TH}>Hunt</th> : null}
            <th scope="col" className={TH}>Last scan</th>
            <th scope="col" className={TH}>Why</th>
          </tr>
        </thead>
        <tbody>
          {servers.map((s) => (
            <tr key={s.id} className="break-inside-avoid border-b border-gray-200 dark:border-gray-800">
              <th scope="row" className={`${TD} text-left font-medium`}>
                <Link href={`/servers/${s.id}`} className="underline-offset-2 hover:underline">
                  {s.hostname}
                </Link>
              </th>
              <td className={TD}>
                <StatusBadge status={s.status} />
              </td>
              <td className={TD}>
                {productLine(s)}
                <div className="text-xs text-gray-600 dark:text-gray-400">{patchLevelLine(s)}</div>
              </td>
              {withHunt ? <td className={TD}>{huntLabel(s)}</td> : null}
              <td className={`${TD} whitespace-nowrap`}>{lastScanLine(s.lastScanAt)}</td>
              <td className={`${TD} text-xs text-gray-700 dark:text-gray-300`}>{s.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
