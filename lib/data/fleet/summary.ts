import { STATUSES, emptyCounts, type StatusCounts } from "../../domain/statuses";
import type { FleetSummary, TopOrganization } from "../../views";
import { resolveCampaignId } from "../campaigns/registry";
import { db } from "../db";
import { requireOrganizationId } from "./organizations";
import { organizationIdScope } from "../scope";
import type { Access } from "../../domain/access";
import { cachedRead } from "../read-cache";

/** Counts by status across the caller's fleet, or for one organization, for a campaign (default: the roll-up). */
export function getFleetSummary(access: Access, opts: { organization?: string; campaign?: string } = {}): Promise<FleetSummary> {
  return cachedRead("summary", access, opts, () => readFleetSummary(access, opts));
}

async function readFleetSummary(access: Access, opts: { organization?: string; campaign?: string }): Promise<FleetSummary> {
  const campaign = await resolveCampaignId(opts.campaign);
  const organizations = opts.organization ? { organizationId: await requireOrganizationId(access, opts.organization) } : organizationIdScope(access);
  const [agg, latest] = await Promise.all([
    db.organizationStatus.aggregate({
      where: { campaign, ...organizations },
      _count: { _all: true },
      _sum: { servers: true, patched: true, unpatched: true, mitigated: true, compromised: true, unknown: true, huntNeeded: true },
    }),
    db.server.aggregate({ where: organizations, _max: { lastScanAt: true } }),
  ]);
  const statuses: StatusCounts = emptyCounts();
  for (const s of STATUSES) statuses[s] = Number(agg._sum[s] ?? 0);
  const latestScanAt = latest._max.lastScanAt ? new Date(latest._max.lastScanAt).toISOString() : null;
  return { campaign, servers: Number(agg._sum.servers ?? 0), organizations: agg._count._all, statuses, latestScanAt, huntNeeded: Number(agg._sum.huntNeeded ?? 0) };
}

/** The organizations most exposed to a campaign: the most compromised servers first, then the most unpatched. */
export function getTopOrganizations(access: Access, limit = 10, campaignParam?: string): Promise<TopOrganization[]> {
  return cachedRead("top-organizations", access, [limit, campaignParam], () => readTopOrganizations(access, limit, campaignParam));
}

async function readTopOrganizations(access: Access, limit: number, campaignParam?: string): Promise<TopOrganization[]> {
  const campaign = await resolveCampaignId(campaignParam);
  const rows = await db.organizationStatus.findMany({
    where: { campaign, ...organizationIdScope(access), OR: [{ compromised: { gt: 0 } }, { unpatched: { gt: 0 } }] },
    orderBy: [{ compromised: "desc" }, { unpatched: "desc" }, { organization: { nameKey: "asc" } }],
    take: Math.max(1, Math.min(50, Math.trunc(limit))),
    select: { unpatched: true, compromised: true, organization: { select: { slug: true, name: true } } },
  });
  return rows.map((r) => ({ slug: r.organization.slug, name: r.organization.name, unpatched: r.unpatched, compromised: r.compromised }));
}
