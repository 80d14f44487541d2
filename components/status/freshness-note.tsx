"use client";

import Link from "next/link";
import { DateTime } from "../ui/date-time";
import { useNow } from "../ui/use-now";

const DAY_MS = 86_400_000;

/** When the newest scan behind these numbers was taken, and a warning when even that one is stale. */
export function FreshnessNote({ latestScanAt, staleAfterDays, staleHref }: { latestScanAt: string | null; staleAfterDays: number; staleHref: string }) {
  const now = useNow();
  if (!latestScanAt) return null;
  const stale = now - Date.parse(latestScanAt) > staleAfterDays * DAY_MS;
  return (
    <p
      data-testid="freshness"
      className={`mb-6 flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg px-3 py-2 text-sm ${
        stale ? "bg-amber-50 text-amber-950 ring-1 ring-amber-700/25 dark:bg-amber-950/40 dark:text-amber-100 dark:ring-amber-300/30" : "text-gray-700 dark:text-gray-300"
      }`}
    >
      <span>
        Latest scan <DateTime value={latestScanAt} relative className="font-medium" />.
      </span>
      {stale ? (
        <span>
          Nothing was scanned in the last {staleAfterDays} days, so these numbers may be out of date.{" "}
          <Link href={staleHref} className="font-medium underline underline-offset-2">
            Servers not scanned in {staleAfterDays} days
          </Link>
        </span>
      ) : null}
    </p>
  );
}
