import type { ReportRemediation } from "@/lib/domain/reports/client-report";
import { reportDay } from "@/lib/reports/report-words";

const TH = "px-2 py-2 text-left text-xs font-semibold text-gray-600 dark:text-gray-400";
const TD = "px-2 py-2 align-top";

export function ReportRemediationsTable({ remediations, caption }: { remediations: ReportRemediation[]; caption: string }) {
  if (remediations.length === 0) return <p className="text-sm">No remediations recorded.</p>;
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-gray-300 dark:border-gray-700">
          <tr>
            <th scope="col" className={TH}>Date</th>
            <th scope="col" className={TH}>Server</th>
            <th scope="col" className={TH}>Note</th>
            <th scope="col" className={TH}>Recorded by</th>
          </tr>
        </thead>
        <tbody>
          {remediations.map((r, i) => (
            <tr key={`${r.serverId}:${r.remediatedAt}:${i}`} className="break-inside-avoid border-b border-gray-200 dark:border-gray-800">
              <td className={`${TD} whitespace-nowrap`}>{reportDay(r.remediatedAt)}</td>
              <td className={`${TD} font-medium`}>{r.hostname}</td>
              <td className={`${TD} whitespace-pre-wrap`}>{r.note}</td>
              <td className={TD}>{r.recordedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
