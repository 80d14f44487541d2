"use client";

import { formatDate, formatDuration } from "../ui/format";
import { useNow } from "../ui/use-now";

/** How long a server's exposure has been open ("2 weeks"), with the day it began; a dash when it is patched. */
export function OpenFor({ since }: { since: string | null }) {
  const now = useNow();
  if (!since) return <span className="text-gray-600 dark:text-gray-400">—</span>;
  return (
    <span title={`Since ${formatDate(since)}`} suppressHydrationWarning>
      {formatDuration(now - Date.parse(`${since}T00:00:00Z`))}
    </span>
  );
}
