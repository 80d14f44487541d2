// A server's stored facts as the status engine reads them: scans, findings (each once, with its latest report)
// and remediations. The recompute reads them for a chunk of servers; the server page for one.
import { LIFECYCLE_KINDS, type CheckFacts, type FindingFacts, type LifecycleKind, type RecordedHunt, type ServerHistory } from "../../domain/facts";

const isLifecycleKind = (v: string): v is LifecycleKind => (LIFECYCLE_KINDS as readonly string[]).includes(v);
import { COMPROMISE_CHECK_SOURCES } from "../../import/formats";
import { findingFacts, scanFacts, type FindingRecord, type ScanFactsRecord } from "./scan-facts";
import { groupedTuples, isoTimestamp } from "../grouped-rows";
import { type SqlSession, type SqlValue } from "../sql-session";
import { inIds } from "../sql-rows";

// A tool's finding is named by its type (CVE-2021-26855, LsassDump); one reported in our CSV by what it is (a path).
const FINDING_LABEL = `CASE WHEN i."type" = 'reported' THEN i."detail" ELSE i."type" END`;

export interface LoadedServer {
  organizationId: number;
  hostnameKey: string;
  history: ServerHistory;
  /** the latest address a scan reported */
  ipAddress: string | null;
}

// A scan as one element of its server's JSON array: scannedAt, build, ipAddress, mitigation, source, patchEvidence,
// toolVerdict, signals, logAgeDays, for a compromise check the time of the latest indicator it listed, and its id.
type ScanTuple = [string, string | null, string | null, string | null, string, string, string | null, string | null, number | null, string | null, number];

/** A resumed re-derive's scans (lib/domain/resume.ts): each server's from its time on, and the anchors stored before it. */
export interface ScanWindow {
  since: ReadonlyMap<number, Date>;
  scanIds: ReadonlySet<number>;
}

// Each server's scans oldest first (ties in the unique index's order).
const scansOf = (s: SqlSession, where: string, params: SqlValue[]) =>
  groupedTuples<ScanTuple>(s, {
    key: "serverId",
    columns: [
      isoTimestamp(s, `"scannedAt"`),
      `"build"`,
      `"ipAddress"`,
      `"mitigation"`,
      `"source"`,
      `"patchEvidence"`,
      `"toolVerdict"`,
      `"signals"`,
      `"logAgeDays"`,
      // Only compromise checks need it, and only they list findings in numbers that matter.
      `CASE WHEN "source" IN (${CHECK_SOURCES}) THEN (SELECT ${isoTimestamp(s, `MAX(x."at")`)} FROM "Indicator" x WHERE x."serverId" = "Scan"."serverId" AND x."scanId" = "Scan"."id" AND x."kind" = 'indicator') END`,
      `"id"`,
    ],
    table: "Scan",
    where,
    params,
    orderBy: `"scannedAt", "source"`,
  });

const CHECK_SOURCES = [...COMPROMISE_CHECK_SOURCES.keys()].map((source) => `'${source.replace(/'/g, "''")}'`).join(", ") || "NULL";

/** A compromise check's scan: a resume keeps every one (each is a clean look a hunt may rest on). */
export const isCheckSource = (source: string | null | undefined) => source != null && COMPROMISE_CHECK_SOURCES.has(source);

function checkOf([scannedAt, , , , source, , , , logAgeDays, latestIndicatorAt]: ScanTuple): CheckFacts[] {
  const checkId = COMPROMISE_CHECK_SOURCES.get(source);
  if (!checkId) return [];
  return [{ checkId, at: new Date(scannedAt), reachDays: logAgeDays === null ? null : Number(logAgeDays), latestFindingAt: latestIndicatorAt ? new Date(latestIndicatorAt) : null }];
}

interface HuntRow {
  serverId: number;
  fromDay: string;
  toDay: string;
  tool: string;
  result: string;
  note: string;
}

// A recorded hunt that found something is a finding on its last day: it makes the server compromised until a
// remediation, like a tool's finding.
const huntFinding = (h: HuntRow): FindingFacts => {
  const at = new Date(`${h.toDay}T23:59:59.000Z`);
  return { at, reportedAt: at, type: `Hunt (${h.tool})`, detail: h.note, kind: "indicator" };
};
const huntCover = (h: HuntRow): RecordedHunt => ({ fromDay: h.fromDay, toDay: h.toDay });

function scanRecord([scannedAt, build, , mitigation, source, patchEvidence, toolVerdict, signals, , , id]: ScanTuple): ScanFactsRecord {
  return { id: Number(id), scannedAt, build, mitigation, source, patchEvidence, toolVerdict, signals };
}

function groupBy<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/**
 * The histories of these servers, by id (servers that do not exist are left out). With a window, only its scans:
 * findings, remediations, hunts and marks are always read whole.
 */
export async function loadHistories(s: SqlSession, ids: number[], window?: ScanWindow): Promise<Map<number, LoadedServer>> {
  const { sql: where, params } = inIds(s, ids);
  const servers = await s.all<{ id: number; organizationId: number; hostnameKey: string }>(`SELECT "id", "organizationId", "hostnameKey" FROM "Server" WHERE "id" ${where}`, params);
  let scansBy: Map<number, ScanTuple[]>;
  if (window) {
    // Two indexed reads joined by OR: the servers' scans from the earliest time on, and the anchors by id; then each
    // server's own window.
    const anchors = inIds(s, window.scanIds.size ? [...window.scanIds] : [0]);
    const earliest = new Date(Math.min(...[...window.since.values()].map((d) => d.getTime())));
    scansBy = await scansOf(s, `("serverId" ${where} AND "scannedAt" >= ?) OR "id" ${anchors.sql}`, [...params, earliest, ...anchors.params]);
    for (const [id, list] of scansBy) {
      const since = window.since.get(id)?.getTime() ?? -Infinity;
      scansBy.set(id, list.filter((r) => window.scanIds.has(Number(r[10])) || Date.parse(r[0]) >= since));
    }
  } else scansBy = await scansOf(s, `"serverId" ${where}`, params);
  // A finding re-listed by later scans (a re-run re-reads old logs) is read once, with its latest report.
  const findings = await s.all<FindingRecord & { serverId: number }>(
    `SELECT i."serverId", i."at", MAX(s."scannedAt") AS "reportedAt", ${FINDING_LABEL} AS "type", i."detail", i."kind" FROM "Indicator" i JOIN "Scan" s ON s."id" = i."scanId" WHERE i."serverId" ${where} GROUP BY i."serverId", i."at", ${FINDING_LABEL}, i."detail", i."kind"`,
    params,
  );
  const remediations = await s.all<{ serverId: number; remediatedAt: string | Date }>(`SELECT "serverId", "remediatedAt" FROM "Remediation" WHERE "serverId" ${where}`, params);
  const hunts = await s.all<HuntRow>(`SELECT "serverId", "fromDay", "toDay", "tool", "result", "note" FROM "Hunt" WHERE "serverId" ${where}`, params);
  const huntsBy = groupBy(hunts, (r) => Number(r.serverId));
  const marks = await s.all<{ serverId: number; kind: string; at: string | Date }>(`SELECT "serverId", "kind", "at" FROM "ServerLifecycle" WHERE "serverId" ${where}`, params);
  const marksBy = groupBy(marks, (r) => Number(r.serverId));
  const findingsBy = groupBy(findings, (r) => Number(r.serverId));
  const remsBy = groupBy(remediations, (r) => Number(r.serverId));
  const loaded = new Map<number, LoadedServer>();
  for (const server of servers) {
    const id = Number(server.id);
    const serverScans = scansBy.get(id) ?? [];
    const serverHunts = huntsBy.get(id) ?? [];
    loaded.set(id, {
      organizationId: Number(server.organizationId),
      hostnameKey: server.hostnameKey,
      // Resumed, only a new scan's address counts: the stored one is the latest of the others.
      ipAddress: serverScans.findLast((r) => r[2] && !(window && window.scanIds.has(Number(r[10]))))?.[2] ?? null,
      history: {
        scans: serverScans.map((r) => scanFacts(scanRecord(r))),
        findings: [...(findingsBy.get(id) ?? []).map(findingFacts), ...serverHunts.filter((h) => h.result !== "clean").map(huntFinding)],
        remediations: (remsBy.get(id) ?? []).map((r) => ({ remediatedAt: new Date(r.remediatedAt) })),
        checks: serverScans.flatMap(checkOf),
        hunts: serverHunts.filter((h) => h.result === "clean").map(huntCover),
        lifecycle: (marksBy.get(id) ?? []).flatMap((r) => (isLifecycleKind(r.kind) ? [{ kind: r.kind, at: new Date(r.at) }] : [])),
      },
    });
  }
  return loaded;
}
