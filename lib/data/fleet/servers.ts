// The servers table: a campaign's statuses (default: the roll-up) for the caller's servers, filtered, sorted and
// paged in the database.
import type { Access } from "../../domain/access";
import { patchLevel } from "../../domain/exchange";
import { nameKey } from "../../domain/slug";
import { isStatus, severityOf, type Status } from "../../domain/statuses";
import type { Prisma } from "../../generated/sqlite/client";
import type { ServerListQuery } from "../../zod/list-queries";
import type { ExposureView, HuntWindowView, Page, ServerListRow, ServerRow } from "../../views";
import { daysBetween } from "../../domain/days";
import { isHuntState, windowDays, type HuntState } from "../../domain/hunt";
import { getAppSettings } from "../settings/app-settings";
import { openExposureSince } from "./exposure";
import { resolveCampaignId } from "../campaigns/registry";
import { db } from "../db";
import { cachedRead } from "../read-cache";
import { requireOrganizationId } from "./organizations";
import { organizationIdScope } from "../scope";

const toStatus = (s: string): Status => (isStatus(s) ? s : "unknown");
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const DAY_MS = 86_400_000;

export type ServerRecord = {
  id: number;
  hostname: string;
  ipAddress: string | null;
  build: string | null;
  product: string | null;
  cumulativeUpdate: string | null;
  lastScanAt: Date | null;
  indicators: string | null;
  indicatorCount: number;
  suspiciousFiles: number;
  organization: { slug: string; name: string };
};

// A fleet runs a few hundred distinct builds: each one's patch level is worked out once a day.
const MAX_CACHED = 5_000;
const levels = new Map<string, ReturnType<typeof patchLevel>>();
export function patchLevelToday(build: string | null): ReturnType<typeof patchLevel> {
  const today = new Date().toISOString().slice(0, 10);
  const key = `${today}|${build ?? ""}`;
  let level = levels.get(key);
  if (!level) {
    if (levels.size >= MAX_CACHED) levels.clear();
    levels.set(key, (level = patchLevel(build, new Date(`${today}T12:00:00Z`))));
  }
  return level;
}

export function toServerRow(r: ServerRecord, status: string): ServerRow {
  const level = patchLevelToday(r.build);
  return {
    id: r.id,
    hostname: r.hostname,
    organization: r.organization.slug,
    organizationName: r.organization.name,
    ipAddress: r.ipAddress,
    build: r.build,
    product: r.product,
    cumulativeUpdate: r.cumulativeUpdate,
    status: toStatus(status),
    lastScanAt: iso(r.lastScanAt),
    // Stored as a list joined by "; " (see status-recompute.ts): the types, never counts.
    indicators: r.indicators ? r.indicators.split("; ") : [],
    indicatorCount: r.indicatorCount,
    suspiciousFiles: r.suspiciousFiles,
    updatesBehind: level.securityUpdatesBehind,
    supported: level.supported,
  };
}

// The builds among the caller's servers whose patch level matches: a handful of distinct builds, judged here,
// stand for any number of servers in the query.
async function buildsWhere(where: Prisma.ServerWhereInput, match: (level: ReturnType<typeof patchLevel>) => boolean): Promise<string[]> {
  // groupBy runs in the database (findMany's distinct would read every server's row into memory first).
  const builds = await db.server.groupBy({ by: ["build"], where: { ...where, build: { not: null } } });
  return builds.flatMap((b) => (b.build && match(patchLevelToday(b.build)) ? [b.build] : []));
}

/** The table's order (the export pages through the same one). */
export function orderBy(query: ServerListQuery): Prisma.ServerCampaignOrderByWithRelationInput[] {
  const dir: Prisma.SortOrder = query.sort.desc ? "desc" : "asc";
  // The status row's own copy of the hostname: these orders page through ServerCampaign's indexes alone.
  const byName: Prisma.ServerCampaignOrderByWithRelationInput = { hostnameKey: "asc" };
  switch (query.sort.field) {
    case "status":
      // Worst first when ascending: compromised, unpatched, unknown, mitigated, patched.
      return [{ severity: dir }, byName, { serverId: "asc" }];
    case "organization":
      return [{ server: { organization: { nameKey: dir } } }, byName, { serverId: "asc" }];
    case "hostname":
      return [{ hostnameKey: dir }, { serverId: dir }];
    case "exposure":
      // Oldest exposure first; servers never exposed while exploited last, whichever the direction.
      return [{ exposedSince: { sort: dir, nulls: "last" } }, byName, { serverId: "asc" }];
    default:
      return [{ server: { [query.sort.field]: dir } }, { serverId: "asc" }];
  }
}

/** The status row's columns a list page reads. */
export const STATUS_SELECT = {
  serverId: true,
  status: true,
  hunt: true,
  huntFrom: true,
  huntTo: true,
  huntCovered: true,
  exposedSince: true,
  exposureFrom: true,
  patchedOn: true,
  patchDays: true,
} as const;

export type StatusRecord = Prisma.ServerCampaignGetPayload<{ select: typeof STATUS_SELECT }>;

/** A status row's hunt and exposure as the pages and the API show them; an open window runs to today. */
export function huntAndExposure(r: StatusRecord, today: string): { hunt: HuntState; huntWindow: HuntWindowView; exposure: ExposureView | null } {
  const huntWindow: HuntWindowView = {
    windowFrom: r.huntFrom,
    windowTo: r.huntTo,
    covered: r.huntCovered,
    days: r.huntFrom ? windowDays(r.huntFrom, r.huntTo, today) : 0,
    exposedSince: r.exposedSince,
  };
  const exposure: ExposureView | null = r.exposureFrom
    ? { from: r.exposureFrom, patchedOn: r.patchedOn, open: r.patchDays === null, days: r.patchDays ?? Math.max(0, daysBetween(r.exposureFrom, today)) }
    : null;
  return { hunt: isHuntState(r.hunt) ? r.hunt : "needed", huntWindow, exposure };
}

/** The list's filters as a query on the status rows, scoped to the caller (shared by the table and the export). */
export async function serverListWhere(access: Access, query: ServerListQuery): Promise<{ campaign: string; where: Prisma.ServerCampaignWhereInput }> {
  const campaign = await resolveCampaignId(query.campaign);
  const organizations = query.organization ? { organizationId: await requireOrganizationId(access, query.organization) } : organizationIdScope(access);
  const q = query.q?.toLowerCase();
  const server: Prisma.ServerWhereInput = {};
  if (q) server.OR = [{ hostnameKey: { contains: q } }, { ipAddress: { contains: q } }, { organization: { nameKey: { contains: q } } }];
  if (query.notScannedDays) {
    const before = new Date(Date.now() - query.notScannedDays * DAY_MS);
    server.AND = [{ OR: [{ lastScanAt: null }, { lastScanAt: { lt: before } }] }];
  }
  if (query.behind || query.cve) {
    const cve = query.cve;
    const builds = await buildsWhere(organizations, (level) =>
      (!query.behind || level.missingSecurityUpdates.length > 0) && (!cve || level.openCves.some((c) => c.cve === cve)),
    );
    server.build = { in: builds };
  }
  const where: Prisma.ServerCampaignWhereInput = {
    campaign,
    ...organizations,
    // By severity, its one-to-one number: the indexes that order the list lead with it.
    ...(query.status ? { severity: { in: query.status.map(severityOf) } } : {}),
    ...(query.hunt ? { hunt: { in: query.hunt } } : {}),
    ...(Object.keys(server).length ? { server } : {}),
  };
  return { campaign, where };
}

export function listServers(access: Access, query: ServerListQuery): Promise<Page<ServerListRow>> {
  return cachedRead("servers", access, query, () => readServers(access, query));
}

async function readServers(access: Access, query: ServerListQuery): Promise<Page<ServerListRow>> {
  const { campaign, where } = await serverListWhere(access, query);
  // Deferred join: the page's ids come from the indexes alone, and only those rows are read.
  const [page, total] = await Promise.all([
    db.serverCampaign.findMany({ where, orderBy: orderBy(query), skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: STATUS_SELECT }),
    db.serverCampaign.count({ where }),
  ]);
  const ids = page.map((r) => r.serverId);
  const [rows, exposures, settings] = await Promise.all([
    db.server.findMany({ where: { id: { in: ids } }, include: { organization: { select: { slug: true, name: true } } } }),
    openExposureSince(campaign, ids),
    getAppSettings(),
  ]);
  const staleBefore = Date.now() - settings.staleAfterDays * DAY_MS;
  const today = new Date().toISOString().slice(0, 10);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const data = page.flatMap((p): ServerListRow[] => {
    const row = byId.get(p.serverId);
    if (!row) return [];
    const stale = !row.lastScanAt || row.lastScanAt.getTime() < staleBefore;
    return [{ ...toServerRow(row, p.status), stale, exposedSince: exposures.get(row.id) ?? null, ...huntAndExposure(p, today) }];
  });
  return { data, page: query.page, pageSize: query.pageSize, total };
}

/** A server's id from its organization's name and its hostname (both case-insensitive). */
export async function findServerId(access: Access, organizationName: string, hostname: string): Promise<number | null> {
  const row = await db.server.findFirst({
    where: { hostnameKey: nameKey(hostname), organization: { nameKey: nameKey(organizationName) }, ...organizationIdScope(access) },
    select: { id: true },
  });
  return row?.id ?? null;
}
