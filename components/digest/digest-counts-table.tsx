import { addDays } from "@/lib/domain/days";
import type { WeeklyDigest } from "@/lib/domain/digest";
import { STATUSES } from "@/lib/domain/statuses";
import { StatusBadge } from "../status/status-badge";
import { formatDate, formatNumber } from "../ui/format";

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : "0");

/** Servers by status at the start and at the end of the week, and the difference. */
export function DigestCountsTable({ digest }: { digest: WeeklyDigest }) {
  const { before, after } = digest.counts;
  const start = `End of ${formatDate(addDays(digest.week.from, -1))}`;
  const end = `End of ${formatDate(digest.week.until)}`;
  return (
    <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900 print:shadow-none">
      <table className="w-full text-left text-sm" data-testid="digest-counts">
        <caption className="sr-only">Servers by status at the start and at the end of the week</caption>
        <thead className="border-b border-gray-200 text-xs text-gray-600 uppercase dark:border-gray-800 dark:text-gray-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{start}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">{end}</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row" className="px-4 py-2 font-normal">
                <StatusBadge status={s} />
              </th>
              <td className="px-4 py-2 text-right tabular-nums">{formatNumber(before[s])}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatNumber(after[s])}</td>
              <td className="px-4 py-2 text-right tabular-nums">{signed(after[s] - before[s])}</td>
            </tr>
          ))}
          <tr className="font-medium">
            <th scope="row" className="px-4 py-2 text-left">All servers</th>
            <td className="px-4 py-2 text-right tabular-nums">{formatNumber(before.servers)}</td>
            <td className="px-4 py-2 text-right tabular-nums">{formatNumber(after.servers)}</td>
            <td className="px-4 py-2 text-right tabular-nums">{signed(after.servers - before.servers)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
