import Link from "next/link";
import { formatNumber } from "../ui/format";

const LINK =
  "inline-flex items-center gap-1 rounded-lg border border-gray-300 bg-white px-2.5 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-200 dark:hover:bg-gray-800";
const DISABLED = "inline-flex items-center gap-1 rounded-lg border border-gray-200 px-2.5 py-1.5 text-sm font-medium text-gray-500 dark:border-gray-800 dark:text-gray-400";

/** Previous / next as links (the page is in the URL), with "Page 2 of 9"; an unavailable step is plain text. */
export function PageLinks({ label, page, pageCount, previousHref, nextHref }: { label: string; page: number; pageCount: number; previousHref?: string; nextHref?: string }) {
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-end gap-3 text-sm">
      <span className="text-gray-700 tabular-nums dark:text-gray-300">
        Page {formatNumber(page)} of {formatNumber(Math.max(pageCount, 1))}
      </span>
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={LINK}>
          <span aria-hidden="true">‹</span> Previous
        </Link>
      ) : (
        <span className={DISABLED}>
          <span aria-hidden="true">‹</span> Previous
        </span>
      )}
      {nextHref ? (
        <Link href={nextHref} rel="next" className={LINK}>
          Next <span aria-hidden="true">›</span>
        </Link>
      ) : (
        <span className={DISABLED}>
          Next <span aria-hidden="true">›</span>
        </span>
      )}
    </nav>
  );
}
