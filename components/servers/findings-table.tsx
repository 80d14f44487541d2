import type { FindingView } from "@/lib/views";
import { plural } from "../ui/format";
import { DateTime } from "../ui/date-time";

/**
 * Every finding of the server's scans, newest first: type, what was found, when it happened (the tool's own time,
 * else its scan's), and whether it still counts: a remediation clears the findings dated before it.
 */
export function FindingsTable({ findings, total }: { findings: FindingView[]; total: number }) {
  return (
    <div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Findings of the scans of this server</caption>
          <thead className="border-b border-gray-200 text-xs text-gray-600 uppercase dark:border-gray-700 dark:text-gray-400">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Type</th>
              <th scope="col" className="py-2 pr-4 font-medium">Found</th>
              <th scope="col" className="py-2 pr-4 font-medium">When</th>
              <th scope="col" className="py-2 pr-4 font-medium">Counts</th>
              <th scope="col" className="py-2 font-medium">Reported by</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {findings.map((f) => (
              <tr key={f.id} className="align-top">
                <td className="py-2 pr-4 font-medium whitespace-nowrap">
                  {f.type}
                  {f.kind === "suspicious-file" ? <span className="block text-xs font-normal text-gray-600 dark:text-gray-400">suspicious file: a lead, not proof</span> : null}
                </td>
                <td className="py-2 pr-4 font-mono text-xs break-all">{f.detail}</td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <DateTime value={f.at} />
                  {f.seenAt ? null : <span className="block text-xs text-gray-600 dark:text-gray-400">the scan&rsquo;s time</span>}
                </td>
                <td className="py-2 pr-4 whitespace-nowrap" data-testid="finding-state">
                  {f.open ? (f.kind === "indicator" ? "open" : "lead") : "cleared by a remediation"}
                </td>
                <td className="py-2 whitespace-nowrap">
                  <DateTime value={f.scannedAt} />
                  {f.tool ? <span className="block text-xs text-gray-600 dark:text-gray-400">{f.tool}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > findings.length ? (
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          Showing the latest {findings.length} of {plural(total, "finding")}.
        </p>
      ) : null}
    </div>
  );
}
