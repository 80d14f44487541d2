/** The file's header and first rows, so the user can see which column holds what. */
export function MappingPreview({ fileName, header, rows }: { fileName: string; header: string[]; rows: string[][] }) {
  const captionId = "mapping-preview-caption";
  return (
    <div>
      <div role="region" aria-labelledby={captionId} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-gray-200 dark:border-gray-800">
        <table className="w-full text-left text-sm">
          <caption id={captionId} className="px-3 py-2 text-left text-xs font-medium text-gray-600 dark:text-gray-400">
            First rows of {fileName ? `“${fileName}”` : "the file"}
          </caption>
          <thead className="bg-gray-50 dark:bg-gray-800/60">
            <tr>
              {header.map((column, i) => (
                <th key={i} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                  {column || <span className="text-gray-500 italic dark:text-gray-400">(no name)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {rows.map((row, r) => (
              <tr key={r}>
                {header.map((_, c) => (
                  <td key={c} className="max-w-64 truncate px-3 py-1.5 font-mono text-xs" title={row[c] ?? ""}>
                    {row[c] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="mt-2 text-xs text-gray-600 dark:text-gray-400">The file has no rows after its header.</p> : null}
    </div>
  );
}
