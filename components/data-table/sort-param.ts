import type { SortingState } from "@tanstack/react-table";

/** The URL's `sort` ("field" or "-field") as the table's sorting state, and back. */
export function sortToSorting(sort: { field: string; desc: boolean }): SortingState {
  return [{ id: sort.field, desc: sort.desc }];
}

export function sortingToParam(sorting: SortingState): string | undefined {
  const first = sorting[0];
  if (!first) return undefined;
  return first.desc ? `-${first.id}` : first.id;
}
