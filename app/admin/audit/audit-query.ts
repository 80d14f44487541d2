import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/data/accounts/audit";
import type { SearchParams } from "@/app/_lib/list-query";

export const AUDIT_PAGE_SIZE = 50;

// A hand-edited URL with a bad value falls back to no filter rather than failing the page.
const auditSearch = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  actor: z.string().trim().max(320).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export function parseAuditSearch(raw: SearchParams) {
  const first = (key: string) => {
    const value = raw[key];
    const one = Array.isArray(value) ? value[0] : value;
    return one === "" ? undefined : one;
  };
  const parsed = auditSearch.parse({ action: first("action"), actor: first("actor"), page: first("page") ?? 1 });
  return { ...parsed, actor: parsed.actor || undefined };
}

/** The audit page's URL for these filters and page; defaults stay out of it. */
export function auditHref(filters: { action?: string; actor?: string }, page: number): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.actor) params.set("actor", filters.actor);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}
