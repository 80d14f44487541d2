// A server's findings, one row per indicator (its type and its path, request or value) however many scans listed
// it: a weekly compromise check re-reads the same logs, and a CSV export repeats every open finding on every scan.
// The grouping is done by the database and read a page at a time: a server can have thousands of findings.
import type { Access } from "../../domain/access";
import type { Campaign } from "../../domain/campaigns/rules";
import type { FindingKind } from "../../domain/facts";
import { FORMATS, formatOfSource } from "../../import/formats";
import type { IndicatorGroupView, ServerFindingsView } from "../../views";
import { listCampaigns } from "../campaigns/registry";
import { db } from "../db";
import { organizationIdScope } from "../scope";
import { withReadSession, type SqlScalar, type SqlSession } from "../sql-session";

export const FINDINGS_PAGE_SIZE = 25;
const EPOCH = new Date(0);

// Which tools reported an indicator: one column per known scan source (a handful), and one for any other, so
// that the tools come with the group from one GROUP BY in both databases (no string aggregation).
const SOURCES = FORMATS.map((f) => f.source);
const SOURCE_COLUMNS = [
  ...SOURCES.map((_, n) => `MAX(CASE WHEN s."source" = ? THEN 1 ELSE 0 END) AS "src${n}"`),
  `MAX(CASE WHEN s."source" NOT IN (${SOURCES.map(() => "?").join(", ")}) THEN 1 ELSE 0 END) AS "srcOther"`,
].join(", ");

const GROUPS = `SELECT i."type" AS "type", i."detail" AS "detail", i."kind" AS "kind", COUNT(*) AS "n",
  MIN(i."at") AS "firstAt", MAX(i."at") AS "lastAt", MAX(s."scannedAt") AS "reportedAt", ${SOURCE_COLUMNS}
  FROM "Indicator" i JOIN "Scan" s ON s."id" = i."scanId" WHERE i."serverId" = ?
  GROUP BY i."type", i."detail", i."kind" ORDER BY MAX(i."at") DESC, i."type", i."detail" LIMIT ? OFFSET ?`;

// A group is open when any report of it is dated at or after the last remediation: its latest is.
const SUMMARY = `SELECT COUNT(*) AS "groups", COALESCE(SUM(g."n"), 0) AS "findings",
  COALESCE(SUM(CASE WHEN g."kind" <> 'suspicious-file' AND g."lastAt" >= ? THEN 1 ELSE 0 END), 0) AS "openIndicators",
  COALESCE(SUM(CASE WHEN g."kind" = 'suspicious-file' AND g."lastAt" >= ? THEN 1 ELSE 0 END), 0) AS "openLeads"
  FROM (SELECT i."kind" AS "kind", COUNT(*) AS "n", MAX(i."at") AS "lastAt" FROM "Indicator" i WHERE i."serverId" = ?
  GROUP BY i."type", i."detail", i."kind") g`;

const CHECK = `SELECT COALESCE(SUM(CASE WHEN "at" >= ? THEN 1 ELSE 0 END), 0) AS "open", COUNT(*) AS "all"
  FROM "Indicator" WHERE "scanId" = ? AND "kind" <> 'suspicious-file'`;

type GroupRow = { type: string; detail: string; kind: string; n: number; firstAt: SqlScalar; lastAt: SqlScalar; reportedAt: SqlScalar } & Record<string, unknown>;

const iso = (v: SqlScalar) => new Date(v as string | Date).toISOString();
const kindOf = (kind: string): FindingKind => (kind === "suspicious-file" ? "suspicious-file" : "indicator");

function toolsOf(row: GroupRow): string[] {
  const tools = SOURCES.filter((_, n) => Number(row[`src${n}`]) === 1).map((source) => formatOfSource(source)?.tool ?? formatOfSource(source)?.name ?? source);
  if (Number(row.srcOther) === 1) tools.push("another tool");
  return [...new Set(tools)];
}

// A tool ties a finding to a campaign when it names one of the campaign's CVEs (Test-ProxyLogon's files do).
const campaignsOf = (type: string, campaigns: readonly Campaign[]) => campaigns.filter((c) => c.cves.includes(type)).map((c) => ({ id: c.id, name: c.name }));

/**
 * One page of the server's indicators, latest first, with the counts the page states. `since` is the last
 * remediation (null: none): a finding dated before it is cleared. Page numbers past the end show the last page.
 */
export async function readServerFindings(s: SqlSession, serverId: number, since: Date | null, page: number, campaigns: readonly Campaign[]): Promise<ServerFindingsView> {
  const from = since ?? EPOCH;
  const [summary] = await s.all<Record<string, number | string>>(SUMMARY, [from, from, serverId]);
  const total = Number(summary?.groups ?? 0);
  const last = Math.max(1, Math.ceil(total / FINDINGS_PAGE_SIZE));
  const shown = Math.min(Math.max(1, Math.trunc(page) || 1), last);
  const rows = total === 0 ? [] : await s.all<GroupRow>(GROUPS, [...SOURCES, ...SOURCES, serverId, FINDINGS_PAGE_SIZE, (shown - 1) * FINDINGS_PAGE_SIZE]);
  const groups: IndicatorGroupView[] = rows.map((r) => ({
    type: r.type,
    detail: r.detail,
    kind: kindOf(r.kind),
    firstSeen: iso(r.firstAt),
    lastSeen: iso(r.lastAt),
    lastReported: iso(r.reportedAt),
    timesSeen: Number(r.n),
    tools: toolsOf(r),
    campaigns: campaignsOf(r.type, campaigns),
    open: new Date(r.lastAt as string | Date).getTime() >= from.getTime(),
  }));
  return {
    groups,
    page: shown,
    pageSize: FINDINGS_PAGE_SIZE,
    total,
    findings: Number(summary?.findings ?? 0),
    openIndicators: Number(summary?.openIndicators ?? 0),
    openLeads: Number(summary?.openLeads ?? 0),
  };
}

/** A scan's own indicators (not leads): how many are still open, how many a remediation cleared. */
export async function readScanFindings(s: SqlSession, scanId: number, since: Date | null): Promise<{ open: number; cleared: number }> {
  const [row] = await s.all<{ open: number | string; all: number | string }>(CHECK, [since ?? EPOCH, scanId]);
  const open = Number(row?.open ?? 0);
  return { open, cleared: Number(row?.all ?? 0) - open };
}

/** Another page of a server's indicators; null when there is no such server or the caller may not see it. */
export async function getServerFindings(access: Access, serverId: number, page: number): Promise<ServerFindingsView | null> {
  if (!Number.isSafeInteger(serverId) || serverId < 1) return null;
  const server = await db.server.findFirst({
    where: { id: serverId, ...organizationIdScope(access) },
    select: { remediations: { orderBy: { remediatedAt: "desc" }, take: 1, select: { remediatedAt: true } } },
  });
  if (!server) return null;
  const campaigns = await listCampaigns();
  return withReadSession((s) => readServerFindings(s, serverId, server.remediations[0]?.remediatedAt ?? null, page, campaigns));
}
