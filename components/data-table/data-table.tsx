"use client";

import { functionalUpdate, useTable, type ColumnDef, type PaginationState, type RowData, type SortingState, type Updater } from "@tanstack/react-table";
import { useMemo } from "react";
import type { Status } from "@/lib/domain/statuses";
import { ColumnHeader } from "./column-header";
import { DataCards } from "./data-cards";
import { features, type Features } from "./features";
import { Pagination } from "./pagination";
import { sortToSorting, sortingToParam } from "./sort-param";
import { Toolbar } from "./toolbar";
import { useUrlState } from "./use-url-state";
import { LINK } from "@/components/ui/link-styles";

export interface ListState {
  q: string;
  /** the statuses shown; empty: any */
  status: Status[];
  sort: { field: string; desc: boolean };
  page: number;
  pageSize: number;
}

export interface DataTableProps<TData extends RowData> {
  /** prefix for element ids */
  id: string;
  /** accessible name and caption of the table */
  label: string;
  /** plural noun for counts: "organizations" */
  noun: string;
  testId: string;
  // Column value types differ per column, as in TanStack's own ColumnDef arrays.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Features, TData, any>[];
  data: TData[];
  total: number;
  state: ListState;
  /** URL defaults (module constant): values equal to these stay out of the URL */
  defaults: Readonly<Record<string, string>>;
  getRowId: (row: TData) => string;
  searchLabel: string;
  searchPlaceholder: string;
  statusLabel: string;
  /** the column a card shows first on small screens (the status) */
  cardLead?: string;
}

/**
 * A server-driven table: sorting, filtering and pagination are manual (the server
 * component already applied them); every change goes into the URL.
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { id, label, noun, testId, columns, data, total, state, defaults, getRowId } = props;
  const { setParams, isPending } = useUrlState(defaults);

  const sorting = useMemo<SortingState>(() => sortToSorting(state.sort), [state.sort]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: state.page - 1, pageSize: state.pageSize }), [state.page, state.pageSize]);

  const table = useTable({
    features,
    columns,
    data,
    getRowId,
    rowCount: total,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    autoResetPageIndex: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      setParams({ sort: sortingToParam(functionalUpdate(updater, sorting)), page: undefined });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      const sizeChanged = next.pageSize !== pagination.pageSize;
      setParams({ pageSize: next.pageSize, page: sizeChanged ? undefined : next.pageIndex + 1 });
    },
  });

  const rows = table.getRowModel().rows;
  const filtered = state.q !== "" || state.status.length > 0;
  const clear = () => setParams({ q: undefined, status: undefined, page: undefined });
  const columnCount = table.getAllLeafColumns().length;

  return (
    <div data-testid={testId} className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm dark:border-gray-800 dark:bg-gray-900">
      <Toolbar
        id={id}
        q={state.q}
        status={state.status}
        searchLabel={props.searchLabel}
        searchPlaceholder={props.searchPlaceholder}
        statusLabel={props.statusLabel}
        pending={isPending}
        onSearch={(q) => setParams({ q, page: undefined }, { replace: true })}
        onStatus={(statuses) => setParams({ status: statuses.join(",") || undefined, page: undefined })}
        onClear={clear}
      />
      <DataCards table={table} rows={rows} lead={props.cardLead} label={label} />
      <div role="region" aria-labelledby={`${id}-caption`} tabIndex={0} className={`relative overflow-x-auto border-t border-gray-200 dark:border-gray-800 ${rows.length ? "max-sm:hidden" : ""}`}>
        <table aria-busy={isPending} className={`w-full text-sm transition-opacity ${isPending ? "opacity-60" : ""}`}>
          <caption id={`${id}-caption`} className="sr-only">
            {label}
          </caption>
          <thead className="bg-gray-50 dark:bg-gray-800/60">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <ColumnHeader key={header.id} column={header.column} numeric={header.column.columnDef.meta?.numeric}>
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </ColumnHeader>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
                {row.getAllCells().map((cell, index) => {
                  const meta = cell.column.columnDef.meta;
                  const className = `px-3 py-2.5 align-middle ${meta?.numeric ? "text-right tabular-nums" : "text-left"} ${meta?.cellClassName ?? ""}`;
                  return index === 0 ? (
                    <th key={cell.id} scope="row" className={`${className} font-medium`}>
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className={className}>
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="px-3 py-12 text-center text-gray-600 dark:text-gray-400">
                  {total > 0 ? (
                    <>
                      This page is past the end of the list.{" "}
                      <button type="button" onClick={() => table.firstPage()} className={`font-medium ${LINK}`}>
                        Go to the first page
                      </button>
                    </>
                  ) : filtered ? (
                    <>
                      No {noun} match these filters.{" "}
                      <button type="button" onClick={clear} className={`font-medium ${LINK}`}>
                        Clear filters
                      </button>
                    </>
                  ) : (
                    `No ${noun} yet.`
                  )}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination
        id={id}
        page={state.page}
        pageCount={table.getPageCount()}
        pageSize={state.pageSize}
        total={total}
        shown={rows.length}
        noun={noun}
        canPrevious={state.page > 1}
        canNext={table.getCanNextPage()}
        onFirst={() => table.firstPage()}
        onPrevious={() => (state.page > table.getPageCount() ? table.lastPage() : table.previousPage())}
        onNext={() => table.nextPage()}
        onLast={() => table.lastPage()}
        onPageSize={(size) => table.setPageSize(size)}
      />
    </div>
  );
}
