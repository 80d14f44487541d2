import type { Status } from "@/lib/domain/statuses";
import { StatusBadge } from "../status/status-badge";

/** A status before and after the week, as badges: "new" when it was not counted yet, "left the counts" when it left. */
export function DigestStatusChange({ before, after }: { before: Status | null; after: Status | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {before ? <StatusBadge status={before} /> : <span className="text-xs text-gray-600 dark:text-gray-400">new</span>}
      <span aria-label="to">→</span>
      {after ? <StatusBadge status={after} /> : <span className="text-xs text-gray-600 dark:text-gray-400">left the counts</span>}
    </span>
  );
}
