import { formatNumber } from "../ui/format";

/**
 * The frame every list of the digest shares: a captioned table, or a sentence when the week had none, and "and N
 * more" when the list was cut (the totals are exact).
 */
export function DigestTable({
  caption,
  columns,
  shown,
  total,
  empty,
  testId,
  children,
}: {
  caption: string;
  columns: string[];
  shown: number;
  total: number;
  empty: string;
  testId: string;
  children: React.ReactNode;
}) {
  if (total === 0) return <p className="text-sm text-gray-600 dark:text-gray-400" data-testid={testId}>{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900 print:shadow-none">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-gray-200 text-xs text-gray-600 uppercase dark:border-gray-800 dark:text-gray-400">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-4 py-2 font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">{children}</tbody>
      </table>
      {total > shown ? <p className="border-t border-gray-200 px-4 py-2 text-sm text-gray-600 dark:border-gray-800 dark:text-gray-400">and {formatNumber(total - shown)} more</p> : null}
    </div>
  );
}
