import type { OrganizationListQuery, ServerListQuery } from "@/lib/zod/list-queries";

type Format = "csv" | "xlsx";
type Params = Record<string, string | number | boolean | string[] | undefined>;
type Sort = { field: string; desc: boolean };

const sortParam = (sort: Sort) => `${sort.desc ? "-" : ""}${sort.field}`;

/** An API route with the list's parameters and the format; defaults (roll-up, no filter) are left out. */
function href(path: string, params: Params, format: Format): string {
  const search = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === false || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    search.set(key, Array.isArray(value) ? value.join(",") : value === true ? "1" : String(value));
  }
  return `${path}?${search.toString()}`;
}

/** The servers export of the table's query: its campaign, organization, filters and sort (not its page). */
export function serverExportHref(query: ServerListQuery, format: Format): string {
  return href(
    "/api/v1/servers",
    {
      campaign: query.campaign === "all" ? undefined : query.campaign,
      organization: query.organization,
      q: query.q,
      status: query.status,
      behind: query.behind,
      cve: query.cve,
      notScannedDays: query.notScannedDays,
      sort: sortParam(query.sort) === "status" ? undefined : sortParam(query.sort),
    },
    format,
  );
}

/** The organizations export of the table's query: its campaign, filters and sort. */
export function organizationExportHref(query: OrganizationListQuery, format: Format): string {
  return href(
    "/api/v1/organizations",
    {
      campaign: query.campaign === "all" ? undefined : query.campaign,
      q: query.q,
      status: query.status,
      sort: sortParam(query.sort) === "status" ? undefined : sortParam(query.sort),
    },
    format,
  );
}
