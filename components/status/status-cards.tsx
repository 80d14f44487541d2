import Link from "next/link";
import { STATUSES, STATUS_LABELS, type Status, type StatusCounts } from "@/lib/domain/statuses";
import { formatNumber, formatPercent, plural } from "../ui/format";
import { STATUS_DESCRIPTIONS, STATUS_DOT_CLASSES } from "./status-styles";

const COUNT_CLASSES: Record<Status, string> = {
  patched: "text-green-700 dark:text-green-400",
  unpatched: "text-amber-700 dark:text-amber-400",
  mitigated: "text-blue-700 dark:text-blue-400",
  compromised: "text-red-700 dark:text-red-400",
  unknown: "text-gray-700 dark:text-gray-300",
};

/**
 * One card per status with its count; each links to the servers with that status.
 * Compromised servers stand out in red whenever there are any.
 */
export function StatusCards({ counts, total, hrefFor }: { counts: StatusCounts; total: number; hrefFor: (status: Status) => string }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {STATUSES.map((status) => {
        const count = counts[status];
        const alarm = status === "compromised" && count > 0;
        const share = total > 0 ? (count / total) * 100 : 0;
        return (
          <li key={status}>
            <Link
              href={hrefFor(status)}
              data-testid={`status-card-${status}`}
              className={`flex h-full flex-col rounded-xl border p-4 shadow-sm transition-colors ${
                alarm
                  ? "border-red-300 bg-red-50 ring-1 ring-red-600/30 hover:bg-red-100 dark:border-red-500/50 dark:bg-red-950/60 dark:hover:bg-red-950"
                  : "border-gray-200 bg-white hover:bg-gray-50 dark:border-gray-800 dark:bg-gray-900 dark:hover:bg-gray-800"
              }`}
            >
              <span className="flex items-center gap-2 text-sm font-medium text-gray-700 dark:text-gray-300">
                <span aria-hidden="true" className={`size-2.5 rounded-full ${STATUS_DOT_CLASSES[status]}`} />
                {STATUS_LABELS[status]}
              </span>
              <span className={`mt-2 text-3xl font-semibold tabular-nums ${COUNT_CLASSES[status]}`}>
                {formatNumber(count)}
                <span className="sr-only"> {count === 1 ? "server" : "servers"}</span>
              </span>
              <span className="mt-1 text-xs text-gray-600 dark:text-gray-400">
                {total > 0 ? `${formatPercent(share)} of ${plural(total, "server")}` : "No servers yet"}
              </span>
              <span className="mt-2 text-xs text-gray-600 dark:text-gray-400">{STATUS_DESCRIPTIONS[status]}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
