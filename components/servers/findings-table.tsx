import type { IndicatorGroupView } from "@/lib/views";
import { DateTime } from "../ui/date-time";

// Our CSV names no type: its finding is what the scan reported.
const typeLabel = (type: string) => (type === "reported" ? "Reported" : type);

function state(f: IndicatorGroupView): string {
  if (!f.open) return "cleared by a remediation";
  return f.kind === "indicator" ? "open" : "lead";
}

/**
 * The server's indicators, one row per indicator however many scans listed it: when it was first and last seen
 * (its own time, or its scan's), how many times, by which tools, the campaign a tool tied it to, and whether it
 * still counts: a remediation clears what is dated before it.
 */
export function FindingsTable({ findings }: { findings: IndicatorGroupView[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Findings on this server, one row per indicator</caption>
        <thead className="border-b border-gray-200 text-xs text-gray-600 uppercase dark:border-gray-700 dark:text-gray-400">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Indicator</th>
            <th scope="col" className="py-2 pr-4 font-medium">First seen</th>
            <th scope="col" className="py-2 pr-4 font-medium">Last seen</th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">Times seen</th>
            <th scope="col" className="py-2 pr-4 font-medium">Reported by</th>
            <th scope="col" className="py-2 font-medium">State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {findings.map((f) => (
            <tr key={`${f.kind}\u0000${f.type}\u0000${f.detail}`} className="align-top" data-testid="finding">
              <td className="py-2 pr-4">
                <span className="font-medium">{typeLabel(f.type)}</span>
                {f.campaigns.length > 0 ? <span className="text-xs text-gray-600 dark:text-gray-400"> · {f.campaigns.map((c) => c.name).join(", ")}</span> : null}
                {f.kind === "suspicious-file" ? <span className="text-xs text-gray-600 dark:text-gray-400"> · suspicious file: a lead, not proof</span> : null}
                <span className="block max-w-xl font-mono text-xs break-all text-gray-800 dark:text-gray-200">{f.detail}</span>
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">
                <DateTime value={f.firstSeen} />
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">
                <DateTime value={f.lastSeen} />
                {f.lastReported !== f.lastSeen ? (
                  <span className="block text-xs text-gray-600 dark:text-gray-400">
                    listed again <DateTime value={f.lastReported} />
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums" data-testid="times-seen">
                {f.timesSeen}
              </td>
              <td className="py-2 pr-4">{f.tools.join(", ")}</td>
              <td className="py-2 whitespace-nowrap" data-testid="finding-state">
                {state(f)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
