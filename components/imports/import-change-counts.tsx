import { STATUS_CHANGE_LABELS, STATUS_CHANGES, type StatusChange } from "@/lib/domain/status-change";
import type { ImportChangeCounts } from "@/lib/views";
import { formatNumber } from "../ui/format";

const TONE: Record<StatusChange, string> = {
  "new-compromise": "text-red-700 dark:text-red-400",
  worsened: "text-amber-800 dark:text-amber-300",
  improved: "text-green-700 dark:text-green-400",
  unchanged: "",
};
const LABELS: Record<StatusChange, string> = { ...STATUS_CHANGE_LABELS, "new-compromise": "New compromises" };

/** How many servers the import left newly compromised, worse, better or as they were; a zero is never colored. */
export function ImportChangeCounts({ counts }: { counts: ImportChangeCounts }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="import-change-counts">
      {STATUS_CHANGES.map((change) => (
        <div key={change} className="rounded-lg border border-gray-200 p-3 dark:border-gray-800">
          <dt className="text-xs font-medium text-gray-600 dark:text-gray-400">{LABELS[change]}</dt>
          <dd className={`mt-1 text-2xl font-semibold tabular-nums ${counts[change] > 0 ? TONE[change] : ""}`}>{formatNumber(counts[change])}</dd>
        </div>
      ))}
    </dl>
  );
}
