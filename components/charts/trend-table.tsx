import { STATUSES, STATUS_LABELS } from "@/lib/domain/statuses";
import type { TrendDay } from "@/lib/views";
import { formatDate, formatNumber } from "../ui/format";

/** The trend's numbers, newest day first, in a scrollable (and focusable) region. */
export function TrendTable({ data, label }: { data: TrendDay[]; label: string }) {
  const rows = [...data].reverse();
  return (
    <div role="region" aria-label={label} tabIndex={0} className="max-h-80 overflow-auto rounded-lg border border-gray-200 dark:border-gray-800">
      <table className="w-full text-right text-xs tabular-nums">
        <caption className="sr-only">{label}</caption>
        <thead className="sticky top-0 bg-gray-50 dark:bg-gray-800">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Day
            </th>
            {STATUSES.map((s) => (
              <th key={s} scope="col" className="px-3 py-2 font-medium">
                {STATUS_LABELS[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {rows.map((day) => (
            <tr key={day.date}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                <time dateTime={day.date}>{formatDate(day.date)}</time>
              </th>
              {STATUSES.map((s) => (
                <td key={s} className="px-3 py-1.5">
                  {formatNumber(day[s])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
