import type { Access } from "../domain/access";
import { PROXYLOGON } from "../domain/advisories/proxylogon";
import { PROXYLOGON_RULES } from "../domain/proxylogon-rules";
import { normalizeBuild } from "../domain/exchange-builds";
import { guidanceFor } from "../domain/guidance";
import { nameKey } from "../domain/slug";
import { compareToolVerdict, describeCompromiseCheck } from "../domain/scan-evidence";
import { judgeScan, type ScanFindingCounts } from "../domain/status";
import { isStatus, type Status } from "../domain/statuses";
import type { ServerListQuery } from "../zod/list-queries";
import type { CompromiseCheckView, Page, ScanView, ServerDetail, ServerRow, ToolVerdictView } from "../views";
import { db } from "./db";
import type { Prisma } from "../generated/sqlite/client";
import { parseToolVerdict, scanFacts, TOOL_NAMES, type ScanFactsRecord } from "./scan-facts";
import { requireOrganizationId } from "./organizations";

const SORT_FIELDS = {
  hostname: "hostnameKey",
  ipAddress: "ipAddress",
  build: "build",
  status: "status",
  lastScanAt: "lastScanAt",
} as const;

const toStatus = (s: string): Status => (isStatus(s) ? s : "unknown");
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type ServerRecord = {
  id: number;
  hostname: string;
  ipAddress: string | null;
  build: string | null;
  product: string | null;
  cumulativeUpdate: string | null;
  status: string;
  lastScanAt: Date | null;
  indicators: string | null;
  indicatorCount: number;
  suspiciousFiles: number;
  organization: { slug: string; name: string };
};

function toServerRow(r: ServerRecord): ServerRow {
  return {
    id: r.id,
    hostname: r.hostname,
    organization: r.organization.slug,
    organizationName: r.organization.name,
    ipAddress: r.ipAddress,
    build: r.build,
    product: r.product,
    cumulativeUpdate: r.cumulativeUpdate,
    status: toStatus(r.status),
    lastScanAt: iso(r.lastScanAt),
    // Stored as a list joined by "; " (see status-recompute.ts): the types, never counts.
    indicators: r.indicators ? r.indicators.split("; ") : [],
    indicatorCount: r.indicatorCount,
    suspiciousFiles: r.suspiciousFiles,
  };
}

/** The servers the caller may see, as a Prisma filter on Server. */
export function visibleServers(access: Access) {
  return access.organizationIds === null ? {} : { organizationId: { in: access.organizationIds } };
}

export async function listServers(access: Access, query: ServerListQuery): Promise<Page<ServerRow>> {
  const organizationId = query.organization ? await requireOrganizationId(access, query.organization) : undefined;
  const q = query.q?.toLowerCase();
  const where = {
    ...(organizationId !== undefined ? { organizationId } : visibleServers(access)),
    ...(query.status ? { status: query.status } : {}),
    ...(q ? { OR: [{ hostnameKey: { contains: q } }, { ipAddress: { contains: q } }] } : {}),
  };
  const direction: Prisma.SortOrder = query.sort.desc ? "desc" : "asc";
  const orderBy: Prisma.ServerOrderByWithRelationInput[] =
    query.sort.field === "organization"
      ? [{ organization: { nameKey: direction } }, { hostnameKey: "asc" }]
      : [{ [SORT_FIELDS[query.sort.field]]: direction }, { id: "asc" }];
  // Deferred join: the page's ids come from the index alone (an OFFSET deep into 100,000
  // servers then skips index entries, not table rows), and only those rows are read.
  const [ids, total] = await Promise.all([
    db.server.findMany({ where, orderBy, skip: (query.page - 1) * query.pageSize, take: query.pageSize, select: { id: true } }),
    db.server.count({ where }),
  ]);
  const rows = await db.server.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: { organization: { select: { slug: true, name: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const data = ids.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [toServerRow(row)] : [];
  });
  return { data, page: query.page, pageSize: query.pageSize, total };
}

const MAX_SCANS_SHOWN = 500;
const MAX_FINDINGS_SHOWN = 200;

type ScanRecord = ScanFactsRecord & { id: number; scannedAt: Date; ipAddress: string | null; logAgeDays: number | null };
type ScanFindings = ScanFindingCounts & { labels: string[] };

/** One server, or null when there is none with this id or the caller may not see it (the same to them). */
export async function getServer(access: Access, id: number): Promise<ServerDetail | null> {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const row = await db.server.findFirst({
    where: { id, ...visibleServers(access) },
    include: {
      organization: { select: { slug: true, name: true } },
      scans: { orderBy: { scannedAt: "desc" }, take: MAX_SCANS_SHOWN },
      remediations: { orderBy: { remediatedAt: "desc" } },
    },
  });
  if (!row) return null;
  const [findings, findingsTotal, perScan] = await Promise.all([
    db.indicator.findMany({
      where: { serverId: id },
      orderBy: [{ at: "desc" }, { id: "asc" }],
      take: MAX_FINDINGS_SHOWN,
      include: { scan: { select: { scannedAt: true, source: true } } },
    }),
    db.indicator.count({ where: { serverId: id } }),
    findingsByScan(row.scans.map((s) => s.id)),
  ]);
  const lastRemediation = row.remediations[0]?.remediatedAt.getTime() ?? -Infinity;
  const status = toStatus(row.status);
  return {
    ...toServerRow(row),
    reason: row.reason,
    compromisedAt: iso(row.compromisedAt),
    guidance: guidanceFor(status, row.build, PROXYLOGON),
    scans: row.scans.map((s) => toScanView(s, perScan.get(s.id))),
    remediations: row.remediations.map((r) => ({
      id: r.id,
      remediatedAt: r.remediatedAt.toISOString(),
      note: r.note,
      recordedBy: r.recordedBy,
    })),
    findings: findings.map((f) => ({
      id: f.id,
      type: f.type,
      detail: f.detail,
      seenAt: iso(f.seenAt),
      at: f.at.toISOString(),
      kind: f.kind === "suspicious-file" ? "suspicious-file" : "indicator",
      // A remediation clears the findings dated before it, whichever scan reported them.
      open: f.at.getTime() >= lastRemediation,
      scannedAt: f.scan.scannedAt.toISOString(),
      tool: TOOL_NAMES[f.scan.source] ?? null,
    })),
    findingsTotal,
    compromiseCheck: latestCompromiseCheck(row.scans, perScan),
    toolVerdict: latestToolVerdict(row.scans),
  };
}

// Per scan: how many indicators and suspicious files it reported, and a label per type for the history.
async function findingsByScan(scanIds: number[]): Promise<Map<number, ScanFindings>> {
  const groups = await db.indicator.groupBy({ by: ["scanId", "type", "kind"], where: { scanId: { in: scanIds } }, _count: { _all: true } });
  const byScan = new Map<number, ScanFindings>();
  for (const g of groups) {
    const entry = byScan.get(g.scanId) ?? { indicators: 0, suspiciousFiles: 0, labels: [] };
    const n = g._count._all;
    if (g.kind === "suspicious-file") entry.suspiciousFiles += n;
    else entry.indicators += n;
    entry.labels.push(n === 1 ? g.type : `${g.type} ×${n}`);
    byScan.set(g.scanId, entry);
  }
  return byScan;
}

const NO_FINDINGS: ScanFindings = { indicators: 0, suspiciousFiles: 0, labels: [] };

function toScanView(s: ScanRecord, found: ScanFindings = NO_FINDINGS): ScanView {
  const facts = scanFacts(s);
  const verdict = judgeScan(facts, found, PROXYLOGON_RULES);
  return {
    id: s.id,
    scannedAt: s.scannedAt.toISOString(),
    build: normalizeBuild(s.build),
    ipAddress: s.ipAddress,
    status: verdict.status,
    reason: verdict.reason,
    indicators: found.labels,
    indicatorCount: found.indicators,
    suspiciousFiles: found.suspiciousFiles,
    mitigation: s.mitigation,
    source: s.source,
    tool: TOOL_NAMES[s.source] ?? null,
    patchEvidence: facts.patchEvidence ?? "build",
    logAgeDays: s.logAgeDays,
  };
}

// A Test-ProxyLogon run is the compromise check: its scan says nothing about the build.
function latestCompromiseCheck(scans: ScanRecord[], perScan: Map<number, ScanFindings>): CompromiseCheckView | null {
  const check = scans.find((s) => s.source === "test-proxylogon");
  if (!check) return null;
  const indicatorCount = perScan.get(check.id)?.indicators ?? 0;
  const tool = TOOL_NAMES[check.source];
  const described = describeCompromiseCheck({ checkedAt: check.scannedAt, logAgeDays: check.logAgeDays, indicatorCount, tool });
  return { checkedAt: check.scannedAt.toISOString(), tool, indicatorCount, logAgeDays: check.logAgeDays, ...described };
}

function latestToolVerdict(scans: ScanRecord[]): ToolVerdictView | null {
  for (const s of scans) {
    const verdict = parseToolVerdict(s.toolVerdict);
    if (!verdict || s.patchEvidence === "offline") continue;
    // Our answer from the same scan's build alone, without its findings: the tool answers the patch question.
    const judged = judgeScan({ ...scanFacts(s), patchEvidence: "build" }, NO_FINDINGS, PROXYLOGON_RULES).status;
    const ours = judged === "compromised" ? "unknown" : judged;
    const tool = TOOL_NAMES[s.source] ?? verdict.tool;
    return { tool, scannedAt: s.scannedAt.toISOString(), vulnerable: verdict.vulnerable, cves: verdict.cves, ours, ...compareToolVerdict({ ...verdict, tool }, ours) };
  }
  return null;
}

/** A server's id from its organization's name and its hostname (both case-insensitive). */
export async function findServerId(access: Access, organizationName: string, hostname: string): Promise<number | null> {
  const row = await db.server.findFirst({
    where: { hostnameKey: nameKey(hostname), organization: { nameKey: nameKey(organizationName) }, ...visibleServers(access) },
    select: { id: true },
  });
  return row?.id ?? null;
}
