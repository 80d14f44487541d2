import { STATUSES, emptyCounts, type StatusCounts } from "../domain/statuses";
import type { FleetSummary, TopOrganization } from "../views";
import { db } from "./db";
import { getOrganization, visibleOrganizations } from "./organizations";
import type { Access } from "../domain/access";
import { notFound } from "../errors";

/** Counts by status across the fleet, or for one organization, from the stored per-organization counts. */
export async function getFleetSummary(access: Access, opts: { organization?: string } = {}): Promise<FleetSummary> {
  if (opts.organization) {
    const org = await getOrganization(access, opts.organization);
    if (!org) throw notFound("Organization");
    return { servers: org.servers, organizations: 1, statuses: org.statuses };
  }
  const agg = await db.organization.aggregate({
    where: visibleOrganizations(access),
    _count: { _all: true },
    _sum: { servers: true, patched: true, unpatched: true, mitigated: true, compromised: true, unknown: true },
  });
  const statuses: StatusCounts = emptyCounts();
  for (const s of STATUSES) statuses[s] = Number(agg._sum[s] ?? 0);
  return { servers: Number(agg._sum.servers ?? 0), organizations: agg._count._all, statuses };
}

/** The organizations with the most unpatched and compromised servers. */
export async function getTopOrganizations(access: Access, limit = 10): Promise<TopOrganization[]> {
  const ids = access.organizationIds;
  if (ids !== null && ids.length === 0) return [];
  // The ids are integers from our own tables, never user text.
  const visible = ids === null ? "" : `AND "id" IN (${ids.map((id) => Math.trunc(id)).join(", ")})`;
  const rows = await db.$queryRawUnsafe<{ slug: string; name: string; unpatched: number; compromised: number }[]>(
    `SELECT "slug", "name", "unpatched", "compromised" FROM "Organization" WHERE "unpatched" + "compromised" > 0 ${visible} ORDER BY "unpatched" + "compromised" DESC, "compromised" DESC, "nameKey" ASC LIMIT ${Math.max(1, Math.min(50, Math.trunc(limit)))}`,
  );
  return rows.map((r) => ({ slug: r.slug, name: r.name, unpatched: Number(r.unpatched), compromised: Number(r.compromised) }));
}
