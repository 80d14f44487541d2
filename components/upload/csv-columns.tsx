const COLUMNS = [
  { name: "organization", required: true, text: "Who owns the server.", example: "Example Dental Group" },
  { name: "hostname", required: true, text: "The server's name, unique within its organization.", example: "MAIL01" },
  { name: "ip_address", required: false, text: "The address that was scanned.", example: "203.0.113.10" },
  {
    name: "exchange_build",
    required: true,
    text: "The full four-part build. A three-part build cannot tell a CU from CU + security update: the verdict is then unknown.",
    example: "15.1.2176.9",
  },
  { name: "scanned_at", required: true, text: "When the scan ran: ISO 8601 date or date and time.", example: "2021-03-08T14:02:00Z" },
  {
    name: "indicators",
    required: false,
    text: "Indicators of compromise found, separated by semicolons. Any indicator marks the server compromised.",
    example: "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx",
  },
  { name: "mitigation", required: false, text: "A mitigation applied instead of the update: eomt or url-rewrite.", example: "eomt" },
];

/** The canonical CSV's columns, explained, with an example file to download. */
export function CsvColumns() {
  return (
    <div>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        One row per server scan, with a header row. UTF-8, comma separated, quoted as in RFC 4180. Column names are matched ignoring case, spaces,
        dashes and underscores; other columns are ignored. Rows with problems are rejected with their line numbers and the rest import.
      </p>
      <div role="region" aria-labelledby="csv-columns-caption" tabIndex={0} className="relative mt-4 overflow-x-auto rounded-lg border border-gray-200 dark:border-gray-800">
        <table className="w-full text-left text-sm">
          <caption id="csv-columns-caption" className="sr-only">
            Columns of the scan CSV
          </caption>
          <thead className="bg-gray-50 dark:bg-gray-800/60">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Column
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Meaning
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Example
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {COLUMNS.map((c) => (
              <tr key={c.name}>
                <th scope="row" className="px-3 py-2 align-top font-normal">
                  <code className="font-mono text-xs font-semibold">{c.name}</code>
                  <span className={`mt-1 block text-xs ${c.required ? "text-red-700 dark:text-red-400" : "text-gray-600 dark:text-gray-400"}`}>
                    {c.required ? "required" : "optional"}
                  </span>
                </th>
                <td className="px-3 py-2 align-top text-gray-700 dark:text-gray-300">{c.text}</td>
                <td className="px-3 py-2 align-top font-mono text-xs break-all">{c.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
