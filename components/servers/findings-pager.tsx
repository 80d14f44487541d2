import Link from "next/link";
import { formatNumber } from "../ui/format";

const LINK =
  "inline-flex items-center gap-1 rounded-lg border border-gray-300 bg-white px-2.5 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-200 dark:hover:bg-gray-800";

/** Newer and older pages of a server's indicators, as links: the page is in the URL (`?findings=N`). */
export function FindingsPager({ serverId, page, pageSize, total, shown }: { serverId: number; page: number; pageSize: number; total: number; shown: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  const href = (n: number) => `/servers/${serverId}${n > 1 ? `?findings=${n}` : ""}#findings`;
  const from = (page - 1) * pageSize + 1;
  return (
    <nav aria-label="Pages of indicators" className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-gray-200 pt-3 text-sm dark:border-gray-800">
      <p className="text-gray-700 dark:text-gray-300">
        {formatNumber(from)}–{formatNumber(from + shown - 1)} of {formatNumber(total)} indicators, latest first
      </p>
      <div className="flex items-center gap-1">
        {page > 1 ? (
          <Link href={href(page - 1)} className={LINK}>
            <span aria-hidden="true">‹</span> Newer
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className={LINK}>
            Older <span aria-hidden="true">›</span>
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
