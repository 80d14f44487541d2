import Link from "next/link";
import { formatLabel } from "@/lib/import/formats";
import type { ImportListRow } from "@/lib/views";
import { AdminTable } from "../admin/admin-table";
import { CELL, ROW_HEADER } from "../admin/styles";
import { DateTime } from "../ui/date-time";
import { formatNumber } from "../ui/format";
import { importSourceLabel, importTitle } from "./import-source";

const COLUMNS = ["Imported", "File", "By", "Format", "Rows", "Accepted", "Rejected", "Servers created", "Servers updated", "New compromises"];
const NUMBER = `${CELL} tabular-nums whitespace-nowrap`;
const MUTED = "text-gray-600 dark:text-gray-400";
const LINK = "font-medium text-blue-700 hover:underline dark:text-blue-400";

/** Recent imports, newest first; each file name opens the import. Rendered on the server. */
export function ImportsTable({ imports }: { imports: ImportListRow[] }) {
  return (
    <AdminTable id="imports" label="Recent imports" testId="imports-table" columns={COLUMNS}>
      {imports.map((row) => (
        <tr key={row.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
          <td className={`${CELL} whitespace-nowrap`}>
            <DateTime value={row.createdAt} />
          </td>
          <th scope="row" className={`${ROW_HEADER} max-w-72 min-w-32 break-words`}>
            <Link href={`/imports/${row.id}`} className={LINK}>
              {importTitle(row)}
            </Link>
          </th>
          <td className={CELL}>
            <div className="break-all">{row.uploadedBy ?? <span className={MUTED}>Unknown</span>}</div>
            <div className={`text-xs ${MUTED}`}>{importSourceLabel(row.source)}</div>
          </td>
          <td className={`${CELL} whitespace-nowrap`}>{formatLabel(row.format)}</td>
          <td className={NUMBER}>{formatNumber(row.rows)}</td>
          <td className={NUMBER}>{formatNumber(row.accepted)}</td>
          <td className={`${NUMBER} ${row.rejected > 0 ? "text-red-700 dark:text-red-400" : ""}`}>{formatNumber(row.rejected)}</td>
          <td className={NUMBER}>{formatNumber(row.serversCreated)}</td>
          <td className={NUMBER}>{formatNumber(row.serversUpdated)}</td>
          <td className={`${NUMBER} ${row.newCompromises ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>
            {row.newCompromises === null ? <span className={MUTED}>Not recorded</span> : formatNumber(row.newCompromises)}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
