import { can, type Access } from "../../domain/access";
import { AppError, notFound } from "../../errors";
import { emptyCounts, STATUSES, worstStatus, type StatusCounts } from "../../domain/statuses";
import type { OrganizationListQuery } from "../../zod/list-queries";
import type { OrganizationRow, Page } from "../../views";
import type { Prisma } from "../../generated/sqlite/client";
import { recordAudit } from "../accounts/audit";
import { resolveCampaignId } from "../campaigns/registry";
import { organizationIdScope, organizationScope } from "../scope";
import { db } from "../db";
import { cachedRead } from "../read-cache";
import { withWriteTransaction } from "../sql-write-transaction";
import { removeOrganizationFromRollup } from "./status-deltas";
import { patchTargetSchema } from "../../zod/settings";

type StatusRecord = StatusCounts & {
  servers: number;
  percentPatched: number;
  organization: { slug: string; name: string };
};

export function toOrganizationRow(o: StatusRecord): OrganizationRow {
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, o[s]])) as StatusCounts;
  return { slug: o.organization.slug, name: o.organization.name, servers: o.servers, statuses, worstStatus: worstStatus(statuses), percentPatched: o.percentPatched };
}

const ORGANIZATION = { organization: { select: { slug: true, name: true } } } as const;

// Worst first (ascending): the most compromised servers, then unpatched, unknown, mitigated; then by name.
const WORST_FIRST = ["compromised", "unpatched", "unknown", "mitigated"] as const;

/** The table's order (the export pages through the same one). */
export function organizationOrder(sort: OrganizationListQuery["sort"]): Prisma.OrganizationStatusOrderByWithRelationInput[] {
  const direction: Prisma.SortOrder = sort.desc ? "desc" : "asc";
  const byName = { organization: { nameKey: "asc" as const } };
  if (sort.field === "status") {
    const worse: Prisma.SortOrder = sort.desc ? "asc" : "desc";
    return [...WORST_FIRST.map((s) => ({ [s]: worse })), byName, { organizationId: "asc" }];
  }
  if (sort.field === "name") return [{ organization: { nameKey: direction } }, { organizationId: "asc" }];
  return [{ [sort.field]: direction }, byName, { organizationId: "asc" }];
}

/** The caller's organizations with their counts for a campaign (default: the roll-up), sorted and paged in the database. */
/** The list's filters as a query on the counts rows, scoped to the caller (shared by the table and the export). */
export async function organizationListWhere(access: Access, query: OrganizationListQuery): Promise<{ campaign: string; where: Prisma.OrganizationStatusWhereInput }> {
  const campaign = await resolveCampaignId(query.campaign);
  const where = {
    campaign,
    ...organizationIdScope(access),
    ...(query.q ? { organization: { nameKey: { contains: query.q.toLowerCase() } } } : {}),
    ...(query.status ? { OR: query.status.map((s) => ({ [s]: { gt: 0 } })) } : {}),
  };
  return { campaign, where };
}

export function listOrganizations(access: Access, query: OrganizationListQuery): Promise<Page<OrganizationRow>> {
  return cachedRead("organizations", access, query, () => readOrganizations(access, query));
}

async function readOrganizations(access: Access, query: OrganizationListQuery): Promise<Page<OrganizationRow>> {
  const { where } = await organizationListWhere(access, query);
  const orderBy = organizationOrder(query.sort);
  const [rows, total] = await Promise.all([
    db.organizationStatus.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: ORGANIZATION,
    }),
    db.organizationStatus.count({ where }),
  ]);
  return { data: rows.map(toOrganizationRow), page: query.page, pageSize: query.pageSize, total };
}

/** One organization with its counts, or null when there is none by that slug or the caller may not see it (the same to them). */
export async function getOrganization(access: Access, slug: string, campaignParam?: string): Promise<OrganizationRow | null> {
  const campaign = await resolveCampaignId(campaignParam);
  const row = await db.organizationStatus.findFirst({ where: { campaign, ...organizationIdScope(access), organization: { slug } }, include: ORGANIZATION });
  if (row) return toOrganizationRow(row);
  // An organization whose servers are not judged yet (none, or a start still re-deriving) has no counts.
  const bare = await db.organization.findFirst({ where: { slug, ...organizationScope(access) }, select: { slug: true, name: true } });
  return bare ? { slug: bare.slug, name: bare.name, servers: 0, statuses: emptyCounts(), worstStatus: null, percentPatched: 0 } : null;
}

export async function getOrganizationIdOrNull(access: Access, slug: string): Promise<number | null> {
  const row = await db.organization.findFirst({ where: { slug, ...organizationScope(access) }, select: { id: true } });
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
  const rows = await db.organization.findMany({ where: organizationScope(access), select: { name: true }, orderBy: { nameKey: "asc" }, take: MAX_NAMES });
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
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true, name: true, _count: { select: { serverRows: true } } } });
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
  await recordAudit(access, "organization_delete", { type: "organization", id: org.id, label: org.name }, { slug, servers: org._count.serverRows });
}

/** The one organization a caller limited to exactly one sees (a client viewer, mostly): their home page. */
export async function homeOrganization(access: Access): Promise<{ slug: string; name: string } | null> {
  if (access.organizationIds === null || access.organizationIds.length !== 1) return null;
  return db.organization.findFirst({ where: { id: access.organizationIds[0] }, select: { slug: true, name: true } });
}

/** Slugs and names of the organizations the caller sees, for choosing assignments on the admin pages. */
export async function listOrganizationChoices(access: Access): Promise<{ slug: string; name: string }[]> {
  return db.organization.findMany({ where: organizationScope(access), select: { slug: true, name: true }, orderBy: { nameKey: "asc" }, take: MAX_NAMES });
}

/** The organization's patch target in days (the time-to-patch figures count against it). */
export async function getPatchTarget(access: Access, slug: string): Promise<number> {
  const row = await db.organization.findFirst({ where: { slug, ...organizationScope(access) }, select: { patchTargetDays: true } });
  if (!row) throw notFound("Organization");
  return row.patchTargetDays;
}

/** Sets the organization's patch target (admins), audited with the old and new values. */
export async function setPatchTarget(access: Access, slug: string, days: number): Promise<void> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can change an organization's settings.");
  const { patchTargetDays } = patchTargetSchema.parse({ patchTargetDays: days });
  const org = await db.organization.findFirst({ where: { slug, ...organizationScope(access) }, select: { id: true, name: true, patchTargetDays: true } });
  if (!org) throw notFound("Organization");
  if (org.patchTargetDays === patchTargetDays) return;
  await db.organization.update({ where: { id: org.id }, data: { patchTargetDays } });
  await recordAudit(access, "settings_update", { type: "organization", id: org.id, label: org.name }, { setting: "patchTargetDays", from: org.patchTargetDays, to: patchTargetDays });
}
