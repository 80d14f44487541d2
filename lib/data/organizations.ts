import { can, type Access } from "../domain/access";
import { AppError, notFound } from "../errors";
import { STATUSES, type StatusCounts } from "../domain/statuses";
import type { OrganizationListQuery } from "../zod/list-queries";
import type { OrganizationRow, Page } from "../views";
import { recordAudit } from "./audit";
import { db } from "./db";
import { withWriteTransaction } from "./sql-session";
import { removeOrganizationFromRollup } from "./status-recompute";

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

/** The organizations the caller may see, as a Prisma filter on Organization. */
export function visibleOrganizations(access: Access) {
  return access.organizationIds === null ? {} : { id: { in: access.organizationIds } };
}

export async function listOrganizations(access: Access, query: OrganizationListQuery): Promise<Page<OrganizationRow>> {
  const where = {
    ...visibleOrganizations(access),
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

/** One organization, or null when there is none by that slug or the caller may not see it (the same to them). */
export async function getOrganization(access: Access, slug: string): Promise<OrganizationRow | null> {
  const row = await db.organization.findFirst({ where: { slug, ...visibleOrganizations(access) } });
  return row ? toOrganizationRow(row) : null;
}

export async function getOrganizationIdOrNull(access: Access, slug: string): Promise<number | null> {
  const row = await db.organization.findFirst({ where: { slug, ...visibleOrganizations(access) }, select: { id: true } });
  return row?.id ?? null;
}

/** The organization's id for a slug given by a client, or a 404 (also for one the caller may not see). */
export async function requireOrganizationId(access: Access, slug: string): Promise<number> {
  const id = await getOrganizationIdOrNull(access, slug);
  // The slug is not echoed: the answer is the same for a missing organization and another tenant's.
  if (id === null) throw notFound("Organization");
  return id;
}

// A datalist offers these on the upload page; past a few thousand a browser's list stops helping.
const MAX_NAMES = 5000;

/** Organization names, alphabetically, for choosing one on a form. */
export async function listOrganizationNames(access: Access): Promise<string[]> {
  const rows = await db.organization.findMany({ where: visibleOrganizations(access), select: { name: true }, orderBy: { nameKey: "asc" }, take: MAX_NAMES });
  return rows.map((r) => r.name);
}

/** Ids for slugs an admin chose (users' and tokens' organizations); an unknown slug is a 422. */
export async function organizationIdsForSlugs(slugs: string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const found = await db.organization.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const missing = slugs.filter((s) => !found.some((f) => f.slug === s));
  if (missing.length) throw new AppError(422, "unknown_organization", `No organization with the slug ${missing.map((m) => `“${m}”`).join(", ")}.`);
  return found.map((f) => f.id);
}

/**
 * Deletes an organization with its servers, scans, findings and remediations (admins only). The caller must
 * type the organization's name as confirmation; imports stay in the history, and the audit log records it.
 */
export async function deleteOrganization(access: Access, slug: string, confirmation: string): Promise<void> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can delete an organization.");
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true, name: true, servers: true } });
  if (!org) throw notFound(`Organization "${slug}"`);
  if (confirmation.trim() !== org.name) {
    throw new AppError(422, "confirmation_mismatch", `Type the organization's name exactly (${org.name}) to confirm.`);
  }
  await withWriteTransaction(async (s) => {
    // A token limited to this organization alone would otherwise be limited to nothing, which reads as "all".
    await s.run(
      `UPDATE "ApiToken" SET "revokedAt" = ? WHERE "revokedAt" IS NULL AND "id" IN (SELECT "tokenId" FROM "TokenOrganization" t WHERE t."organizationId" = ? AND NOT EXISTS (SELECT 1 FROM "TokenOrganization" o WHERE o."tokenId" = t."tokenId" AND o."organizationId" <> ?))`,
      [new Date(), org.id, org.id],
    );
    await removeOrganizationFromRollup(s, org.id);
    await s.run(`DELETE FROM "Organization" WHERE "id" = ?`, [org.id]);
  });
  await recordAudit(access, "organization_delete", org.name, { slug, servers: org.servers });
}

/** Slugs and names of the organizations the caller sees, for choosing assignments on the admin pages. */
export async function listOrganizationChoices(access: Access): Promise<{ slug: string; name: string }[]> {
  return db.organization.findMany({ where: visibleOrganizations(access), select: { slug: true, name: true }, orderBy: { nameKey: "asc" }, take: MAX_NAMES });
}
