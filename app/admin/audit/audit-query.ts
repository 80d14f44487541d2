export { AUDIT_PAGE_SIZE, parseAuditSearch } from "@/lib/zod/audit-query";

export interface AuditFilterValues {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** The audit page's URL for these filters and page; defaults stay out of it. */
export function auditHref(filters: AuditFilterValues, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["action", "actor", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}
