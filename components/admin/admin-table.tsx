/** A plain server-rendered table: a caption for its name, a keyboard-scrollable region on narrow screens. */
export function AdminTable({ id, label, columns, testId, children }: { id: string; label: string; columns: string[]; testId?: string; children: React.ReactNode }) {
  return (
    <div data-testid={testId} className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <caption id={`${id}-caption`} className="sr-only">
            {label}
          </caption>
          <thead className="bg-gray-50 dark:bg-gray-800/60">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-gray-700 uppercase dark:text-gray-300">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">{children}</tbody>
        </table>
      </div>
    </div>
  );
}
