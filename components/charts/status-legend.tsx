import { STATUS_LABELS, type Status } from "@/lib/domain/statuses";
import { STATUS_DOT_CLASSES } from "../status/status-styles";

export function StatusLegend({ statuses }: { statuses: readonly Status[] }) {
  return (
    <ul aria-hidden="true" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-gray-700 dark:text-gray-300">
      {statuses.map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <span className={`size-2.5 rounded-sm ${STATUS_DOT_CLASSES[status]}`} />
          {STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}
