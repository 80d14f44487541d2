"use client";

import { FlexRender, type Row, type RowData, type Table } from "@tanstack/react-table";
import type { Features } from "./features";

/**
 * The rows as cards, for screens below 640 px: the lead column (the status) first, then the row's name, then the
 * other columns as label and value. The same cells as the table, so the two never disagree.
 */
export function DataCards<TData extends RowData>({ table, rows, lead, label }: { table: Table<Features, TData>; rows: Row<Features, TData>[]; lead?: string; label: string }) {
  const columns = table.getAllLeafColumns();
  const title = columns[0];
  const header = (id: string) => {
    const h = columns.find((c) => c.id === id)?.columnDef.header;
    return typeof h === "string" ? h : id;
  };
  return (
    <ul aria-label={label} className="divide-y divide-gray-100 border-t border-gray-200 sm:hidden dark:divide-gray-800 dark:border-gray-800">
      {rows.map((row) => {
        const cells = row.getAllCells();
        const leadCell = cells.find((c) => c.column.id === lead);
        const titleCell = cells.find((c) => c.column.id === title.id);
        const rest = cells.filter((c) => c !== leadCell && c !== titleCell);
        return (
          <li key={row.id} className="px-3 py-3">
            <div className="flex items-center justify-between gap-3">
              <span className="min-w-0 truncate font-medium">{titleCell ? <FlexRender cell={titleCell} /> : null}</span>
              {leadCell ? (
                <span className="shrink-0">
                  <FlexRender cell={leadCell} />
                </span>
              ) : null}
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              {rest.map((cell) => (
                <div key={cell.id} className="contents">
                  <dt className="text-gray-600 dark:text-gray-400">{header(cell.column.id)}</dt>
                  <dd className="min-w-0 text-gray-900 dark:text-gray-100">
                    <FlexRender cell={cell} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
