import type { z } from "zod";
import type { Status } from "@/lib/domain/statuses";
import type { ListState } from "@/components/data-table/data-table";

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The page's search params parsed with the shared list schema. A bad parameter (a typo
 * in a hand-edited URL) is dropped and falls back to its default instead of failing
 * the page. `fixed` values (e.g. the organization of an organization page) win.
 */
export function parseListQuery<S extends z.ZodType>(schema: S, raw: SearchParams, fixed: Record<string, unknown> = {}): z.output<S> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") input[key] = first;
  }
  Object.assign(input, fixed);
  let result = schema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (typeof key === "string" && !(key in fixed)) delete input[key];
    }
    result = schema.safeParse(input);
  }
  return result.success ? result.data : schema.parse(fixed);
}

/** The parsed query as the plain state the client table shows. */
export function toListState(query: { q?: string; status?: Status[]; sort: { field: string; desc: boolean }; page: number; pageSize: number }): ListState {
  return { q: query.q ?? "", status: query.status ?? [], sort: query.sort, page: query.page, pageSize: query.pageSize };
}
