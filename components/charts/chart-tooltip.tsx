import { STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import { formatNumber } from "../ui/format";
import { STATUS_DOT_CLASSES } from "../status/status-styles";

/** The box a chart shows on hover or keyboard focus: counts per status. */
export function ChartTooltip({ title, counts, footer }: { title: string; counts: { status: Status; value: number }[]; footer?: string }) {
  return (
    <div className="min-w-44 rounded-lg border border-gray-200 bg-white p-3 text-xs shadow-lg dark:border-gray-700 dark:bg-gray-900">
      <p className="mb-2 font-semibold text-gray-900 dark:text-gray-100">{title}</p>
      <ul className="space-y-1">
        {counts.map(({ status, value }) => (
          <li key={status} className="flex items-center justify-between gap-4 text-gray-700 dark:text-gray-300">
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className={`size-2 rounded-full ${STATUS_DOT_CLASSES[status]}`} />
              {STATUS_LABELS[status]}
            </span>
            <span className="font-medium text-gray-900 tabular-nums dark:text-gray-100">{formatNumber(value)}</span>
          </li>
        ))}
      </ul>
      {footer ? <p className="mt-2 border-t border-gray-200 pt-2 text-gray-600 dark:border-gray-700 dark:text-gray-400">{footer}</p> : null}
    </div>
  );
}
