import { notFound } from "../errors";
import { STATUSES, type StatusCounts } from "../domain/statuses";
import type { OrganizationListQuery } from "../zod/list-queries";
import type { OrganizationRow, Page } from "../views";
import { db } from "./db";

type OrganizationRecord = {
  slug: string;
  name: string;
  servers: number;
  percentPatched: number;
} & StatusCounts;

export function toOrganizationRow(o: OrganizationRecord): OrganizationRow {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, o[s]])) as StatusCounts;
  return { slug: o.slug, name: o.name, servers: o.servers, statuses, percentPatched: o.percentPatched };
}

export async function listOrganizations(query: OrganizationListQuery): Promise<Page<OrganizationRow>> {
  const where = {
    ...(query.q ? { nameKey: { contains: query.q.toLowerCase() } } : {}),
    ...(query.status ? { [query.status]: { gt: 0 } } : {}),
  };
  const field = query.sort.field === "name" ? "nameKey" : query.sort.field;
  const direction = query.sort.desc ? "desc" : "asc";
  const [rows, total] = await Promise.all([
    db.organization.findMany({
      where,
      orderBy: [{ [field]: direction }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.organization.count({ where }),
  ]);
  return { data: rows.map(toOrganizationRow), page: query.page, pageSize: query.pageSize, total };
}

export async function getOrganization(slug: string): Promise<OrganizationRow | null> {
  const row = await db.organization.findUnique({ where: { slug } });
  return row ? toOrganizationRow(row) : null;
}

export async function getOrganizationIdOrNull(slug: string): Promise<number | null> {
  const row = await db.organization.findUnique({ where: { slug }, select: { id: true } });
  return row?.id ?? null;
}

/** The organization's id for a slug given by a client, or a 404. */
export async function requireOrganizationId(slug: string): Promise<number> {
  const id = await getOrganizationIdOrNull(slug);
  if (id === null) throw notFound(`Organization "${slug}"`);
  return id;
}

// A datalist offers these on the upload page; past a few thousand a browser's list stops helping.
const MAX_NAMES = 5000;

/** Organization names, alphabetically, for choosing one on a form. */
export async function listOrganizationNames(): Promise<string[]> {
  const rows = await db.organization.findMany({ select: { name: true }, orderBy: { nameKey: "asc" }, take: MAX_NAMES });
  return rows.map((r) => r.name);
}
