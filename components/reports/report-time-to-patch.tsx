import type { ReportTimeToPatch } from "@/lib/domain/reports/client-report";
import { timeToPatchLines } from "@/lib/reports/report-words";

export function ReportTimeToPatchList({ timeToPatch }: { timeToPatch: ReportTimeToPatch }) {
  return (
    <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
      {timeToPatchLines(timeToPatch).map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-gray-600 dark:text-gray-400">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
