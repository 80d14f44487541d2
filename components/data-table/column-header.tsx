import type { Column, RowData } from "@tanstack/react-table";
import type { Features } from "./features";

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-3.5 shrink-0 ${direction ? "opacity-100" : "opacity-40"}`} fill="currentColor">
      {direction !== "desc" ? <path d="M8 3 4.5 7h7z" /> : null}
      {direction !== "asc" ? <path d="M8 13 4.5 9h7z" /> : null}
    </svg>
  );
}

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

/** A column header: a sort button; the sorted column carries aria-sort (as in the ARIA sortable-table pattern). */
export function ColumnHeader<TData extends RowData>({ column, children, numeric }: { column: Column<Features, TData, unknown>; children: React.ReactNode; numeric?: boolean }) {
  const align = numeric ? "text-right" : "text-left";
  const base = `text-xs font-semibold tracking-wide whitespace-nowrap text-gray-700 uppercase dark:text-gray-300 ${align}`;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={`${base} px-3 py-2.5`}>
        {children}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : undefined} className={`${base} p-0`}>
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className={`inline-flex w-full items-center gap-1 rounded px-3 py-2.5 text-xs font-semibold tracking-wide uppercase hover:text-gray-950 dark:hover:text-white ${
          numeric ? "justify-end" : "justify-start"
        } ${sorted ? "text-gray-950 dark:text-white" : ""}`}
      >
        {children}
        <SortIcon direction={sorted} />
      </button>
    </th>
  );
}
