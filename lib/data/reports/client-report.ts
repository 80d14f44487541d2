// The client report: one organization's (or, for the MSP itself, every client's) state for a campaign as one plain
// object, which the printable page and the PDF both draw. Assembled from the scoped fleet functions the pages use
// (summary, trend, the servers list read page by page, remediations), so the report says what the dashboard says.
import { can, type Access } from "../../domain/access";
import { evaluateAcrossCampaigns } from "../../domain/campaign-evaluation";
import { ROLLUP_ID } from "../../domain/campaigns/definition";
import type { Campaign } from "../../domain/campaigns/rules";
import { guidanceFor } from "../../domain/guidance";
import type { ClientReport, ReportSection, ReportServer } from "../../domain/reports/client-report";
import { remainingWork } from "../../domain/reports/remaining-work";
import { AppError, notFound } from "../../errors";
import type { ServerListRow } from "../../views";
import { organizationListQuery, serverListQuery } from "../../zod/list-queries";
import { listCampaigns, resolveCampaignId } from "../campaigns/registry";
import { getBranding } from "../settings/branding";
import { withReadSession } from "../sql-session";
import { getOrganization, listOrganizations, requireOrganizationId } from "../fleet/organizations";
import { listOrganizationRemediations } from "../fleet/remediations";
import { loadHistories } from "../fleet/server-history";
import { listServers, patchLevelToday } from "../fleet/servers";
import { getFleetSummary } from "../fleet/summary";
import { getPatchTimes } from "../fleet/patch-times";
import { getWeeklyDigest } from "../fleet/digest";
import { listDecommissioned } from "../fleet/lifecycle";
import { getTrend } from "../fleet/trend";

/** What one report holds at most: a 5,000-server client fits whole; past that the report says what it left out. */
export const REPORT_LIMITS = { servers: 5_000, remediations: 500, organizations: 500 } as const;
// The servers list's own page size limit: the report reads it as the table does, a page at a time.
const PAGE_SIZE = 200;
// Histories are read for this many servers at a time, so a large client never holds every scan at once.
const HISTORY_CHUNK = 250;

export interface ReportOptions {
  campaign?: string;
  /** overrides REPORT_LIMITS.servers (tests) */
  maxServers?: number;
}

/** One organization's report; a 404 for an organization the caller may not see, exactly as for a missing one. */
export async function buildClientReport(access: Access, slug: string, opts: ReportOptions = {}): Promise<ClientReport> {
  const campaignId = await resolveCampaignId(opts.campaign);
  const organization = await getOrganization(access, slug, campaignId);
  if (!organization) throw notFound("Organization");
  const context = await reportContext(campaignId);
  const section = await buildSection(access, { slug: organization.slug, name: organization.name }, context, opts.maxServers ?? REPORT_LIMITS.servers);
  return { kind: "organization", campaign: context.info, generatedAt: context.now.toISOString(), branding: await getBranding(), fleet: null, sections: [section], limits: limits(opts), organizationsLeftOut: 0 };
}

/** The fleet report for the MSP itself: a section per client, worst first. Only for callers who see every organization. */
export async function buildFleetReport(access: Access, opts: ReportOptions = {}): Promise<ClientReport> {
  if (!fleetReportAllowed(access)) throw new AppError(403, "forbidden", "The fleet report covers every organization: only callers who see them all can have it.");
  const campaignId = await resolveCampaignId(opts.campaign);
  const context = await reportContext(campaignId);
  const [summary, trend, branding] = await Promise.all([getFleetSummary(access, { campaign: campaignId }), getTrend(access, { campaign: campaignId }), getBranding()]);
  const organizations: { slug: string; name: string }[] = [];
  let total = 0;
  for (let page = 1; organizations.length < REPORT_LIMITS.organizations; page++) {
    const rows = await listOrganizations(access, organizationListQuery.parse({ campaign: campaignId, sort: "status", page, pageSize: PAGE_SIZE }));
    total = rows.total;
    organizations.push(...rows.data.slice(0, REPORT_LIMITS.organizations - organizations.length).map((o) => ({ slug: o.slug, name: o.name })));
    if (rows.data.length < PAGE_SIZE) break;
  }
  // One cap of servers for the whole report: the worst clients come first and get their rows.
  let budget = opts.maxServers ?? REPORT_LIMITS.servers;
  const sections: ReportSection[] = [];
  for (const organization of organizations) {
    const section = await buildSection(access, organization, context, budget);
    budget -= section.servers.length;
    sections.push(section);
  }
  return {
    kind: "fleet",
    campaign: context.info,
    generatedAt: context.now.toISOString(),
    branding,
    fleet: { summary: { servers: summary.servers, organizations: summary.organizations, statuses: summary.statuses, latestScanAt: summary.latestScanAt }, trend },
    sections,
    limits: limits(opts),
    organizationsLeftOut: Math.max(0, total - organizations.length),
  };
}

/** Who may have the fleet report: the MSP's own people, who see every organization (never a client viewer). */
export function fleetReportAllowed(access: Access): boolean {
  return access.organizationIds === null && (can.write(access) || can.administer(access));
}

const limits = (opts: ReportOptions) => ({ ...REPORT_LIMITS, servers: opts.maxServers ?? REPORT_LIMITS.servers });

interface Context {
  now: Date;
  campaignId: string;
  info: ClientReport["campaign"];
  /** the campaigns the report judges against: the one asked for, or all of them for the roll-up */
  judged: Campaign[];
  exploitedFrom: string | null;
}

async function reportContext(campaignId: string): Promise<Context> {
  const campaigns = await listCampaigns();
  const current = campaigns.find((c) => c.id === campaignId) ?? null;
  const judged = current ? [current] : campaigns;
  const info = current
    ? { id: current.id, name: current.name, description: `${current.name}: ${current.cves.join(", ")}` }
    : { id: ROLLUP_ID, name: "All known-exploited", description: "every known-exploited Exchange emergency (the worst status of each server across them)" };
  return { now: new Date(), campaignId, info, judged, exploitedFrom: judged.map((c) => c.exploitedFrom).sort()[0] ?? null };
}

async function buildSection(access: Access, organization: { slug: string; name: string }, context: Context, maxServers: number): Promise<ReportSection> {
  const { slug } = organization;
  const organizationId = await requireOrganizationId(access, slug);
  const [summary, trend, listed, remediations, times, digest, retired] = await Promise.all([
    getFleetSummary(access, { organization: slug, campaign: context.campaignId }),
    getTrend(access, { organization: slug, campaign: context.campaignId }),
    readServers(access, slug, context.campaignId, Math.max(0, maxServers)),
    listOrganizationRemediations(access, organizationId, REPORT_LIMITS.remediations),
    getPatchTimes(access, { organization: slug, campaign: context.campaignId }),
    getWeeklyDigest(access, { organization: slug, campaign: context.campaignId, until: context.now.toISOString().slice(0, 10) }),
    listDecommissioned(access, organizationId, REPORT_LIMITS.remediations),
  ]);
  const reasons = await verdictReasons(listed.rows.map((r) => r.id), context);
  const servers = listed.rows.map((row) => toReportServer(row, reasons.get(row.id), context));
  return {
    organization,
    summary: { servers: summary.servers, statuses: summary.statuses, latestScanAt: summary.latestScanAt },
    trend,
    servers,
    serversTotal: listed.total,
    remediations: remediations.data.map((r) => ({ serverId: r.serverId, hostname: r.hostname, remediatedAt: r.remediatedAt.toISOString(), note: r.note, recordedBy: r.recordedBy })),
    remediationsTotal: remediations.total,
    todo: remainingWork(servers, context.now),
    timeToPatch: {
      targetDays: times.targetDays,
      exposed: times.exposed,
      patched: times.patched,
      open: times.open,
      median: times.median,
      p90: times.p90,
      withinTarget: times.withinTarget,
      openPastTarget: times.openPastTarget,
    },
    digest,
    decommissioned: retired.servers.map((r) => ({ hostname: r.hostname, since: r.since })),
    decommissionedTotal: retired.total,
  };
}

// Worst first, as the servers table orders them, a page at a time up to the cap.
async function readServers(access: Access, slug: string, campaign: string, max: number): Promise<{ rows: ServerListRow[]; total: number }> {
  const rows: ServerListRow[] = [];
  let total = 0;
  for (let page = 1; rows.length < max; page++) {
    const result = await listServers(access, serverListQuery.parse({ organization: slug, campaign, sort: "status", page, pageSize: PAGE_SIZE }));
    total = result.total;
    rows.push(...result.data.slice(0, max - rows.length));
    if (result.data.length < PAGE_SIZE) break;
  }
  if (max === 0) total = (await listServers(access, serverListQuery.parse({ organization: slug, campaign, pageSize: 1 }))).total;
  return { rows, total };
}

// Each server's verdict in words, from its stored facts by the one engine (as the server page tells it).
async function verdictReasons(ids: number[], context: Context): Promise<Map<number, string>> {
  const reasons = new Map<number, string>();
  for (let i = 0; i < ids.length; i += HISTORY_CHUNK) {
    const loaded = await withReadSession((s) => loadHistories(s, ids.slice(i, i + HISTORY_CHUNK)));
    for (const [id, server] of loaded) {
      const evaluated = evaluateAcrossCampaigns(server.history, context.judged, context.now);
      const result = context.campaignId === ROLLUP_ID ? evaluated.rollup : evaluated.campaigns.get(context.campaignId);
      if (result) reasons.set(id, result.current.reason);
    }
  }
  return reasons;
}

function toReportServer(row: ServerListRow, reason: string | undefined, context: Context): ReportServer {
  const level = patchLevelToday(row.build);
  const installs = context.judged.flatMap((c) => {
    const judged = c.judgeBuildInDetail(row.build);
    return judged.status === "patched" || !judged.install ? [] : [judged.install];
  });
  return {
    id: row.id,
    hostname: row.hostname,
    status: row.status,
    reason: reason ?? "",
    build: row.build,
    product: row.product,
    cumulativeUpdate: row.cumulativeUpdate,
    updatesBehind: row.updatesBehind,
    openCves: level.openCves.length,
    supported: row.supported,
    lastScanAt: row.lastScanAt,
    indicatorCount: row.indicatorCount,
    exposedSince: row.exposedSince,
    hunt: row.hunt,
    install: row.status === "patched" ? [] : guidanceFor(row.status, installs, level, context.exploitedFrom).install,
  };
}
