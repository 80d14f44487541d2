import Link from "next/link";
import { formatNumber, formatPercent } from "../ui/format";

/**
 * "Needs a hunt": servers exposed while attackers were active that no clean compromise check has covered yet (or
 * only in part). Links to them, oldest exposure first.
 */
export function HuntNeededCard({ count, total, href }: { count: number; total: number; href: string }) {
  const alarm = count > 0;
  return (
    <Link
      href={href}
      data-testid="hunt-needed-card"
      className={`flex h-full flex-col rounded-xl border p-4 shadow-sm transition-colors ${
        alarm
          ? "border-orange-300 bg-orange-50 hover:bg-orange-100 dark:border-orange-500/50 dark:bg-orange-950/50 dark:hover:bg-orange-950"
          : "border-gray-200 bg-white hover:bg-gray-50 dark:border-gray-800 dark:bg-gray-900 dark:hover:bg-gray-800"
      }`}
    >
      <span className="text-sm font-medium text-gray-700 dark:text-gray-300">Needs a hunt</span>
      <span className={`mt-2 text-3xl font-semibold tabular-nums ${alarm ? "text-orange-800 dark:text-orange-300" : "text-gray-700 dark:text-gray-300"}`}>
        <span data-testid="hunt-needed-count">{formatNumber(count)}</span>
        <span className="sr-only"> {count === 1 ? "server" : "servers"}</span>
      </span>
      <span className="mt-1 text-xs text-gray-600 dark:text-gray-400">{total > 0 ? `${formatPercent((count / total) * 100)} of servers` : "No servers yet"}</span>
      <span className="mt-2 text-xs text-gray-600 dark:text-gray-400">
        Exposed while the campaign was exploited, and not yet checked for compromise over the whole window: patching closes the door, it does not tell whether someone came in.
      </span>
    </Link>
  );
}
