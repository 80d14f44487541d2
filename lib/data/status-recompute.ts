import { PROXYLOGON_RULES } from "../domain/proxylogon-rules";
import { evaluateServer } from "../domain/status";
import { findingFacts, scanFacts, type FindingRecord, type ScanFactsRecord } from "./scan-facts";
import { inIds, rowsSource, statementBatches, type SqlScalar, type SqlSession } from "./sql-session";

// Servers re-derived per round trip: large enough to amortise the queries, small enough
// that one chunk's scans stay a few megabytes.
const CHUNK = 1000;
const SERVER_UPDATE_TYPES = ["integer", "text", "text", "text", "text", "text", "timestamp(3)", "text", "timestamp(3)", "text", "integer", "integer"];
const SPAN_TYPES = ["integer", "integer", "text", "text", "text"];
const DELTA_TYPES = ["integer", "text", "text", "integer"];
// A tool's finding is named by its type (CVE-2021-26855, LsassDump); one reported in our CSV by what it is (a path).
export const FINDING_LABEL = `CASE WHEN i."type" = 'reported' THEN i."detail" ELSE i."type" END`;

interface ScanRecord extends ScanFactsRecord {
  serverId: number;
  ipAddress: string | null;
}

interface SpanRecord {
  serverId: number;
  organizationId: number;
  status: string;
  fromDay: string;
  toDay: string | null;
}


/**
 * Re-derives the status of the given servers from all their scans and remediations:
 * the server row, its day spans and the per-day roll-up (by organization and fleet).
 * Returns the organizations whose counts must be refreshed.
 */
export async function recomputeServers(
  s: SqlSession,
  serverIds: Iterable<number>,
  onProgress?: (done: number) => Promise<void>,
): Promise<Set<number>> {
  const ids = [...serverIds];
  const deltas = new Map<string, number>();
  const addDelta = (orgId: number, day: string, status: string, d: number) => {
    for (const scope of [orgId, 0]) {
      const key = `${scope}|${day}|${status}`;
      deltas.set(key, (deltas.get(key) ?? 0) + d);
    }
  };
  const orgs = new Set<number>();

  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const { sql: where, params: chunkIds } = inIds(s, chunk);
    const [servers, scans, findings, remediations, oldSpans] = [
      await s.all<{ id: number; organizationId: number }>(`SELECT "id", "organizationId" FROM "Server" WHERE "id" ${where}`, chunkIds),
      await s.all<ScanRecord>(
        `SELECT "serverId", "scannedAt", "build", "ipAddress", "mitigation", "source", "patchEvidence", "toolVerdict" FROM "Scan" WHERE "serverId" ${where} ORDER BY "serverId", "scannedAt"`,
        chunkIds,
      ),
      // A finding re-listed by later scans (a re-run re-reads old logs) is read once, with its latest report.
      await s.all<FindingRecord & { serverId: number }>(
        `SELECT i."serverId", i."at", MAX(s."scannedAt") AS "reportedAt", ${FINDING_LABEL} AS "type", i."detail", i."kind" FROM "Indicator" i JOIN "Scan" s ON s."id" = i."scanId" WHERE i."serverId" ${where} GROUP BY i."serverId", i."at", ${FINDING_LABEL}, i."detail", i."kind"`,
        chunkIds,
      ),
      await s.all<{ serverId: number; remediatedAt: string | Date }>(
        `SELECT "serverId", "remediatedAt" FROM "Remediation" WHERE "serverId" ${where}`,
        chunkIds,
      ),
      await s.all<SpanRecord>(`SELECT "serverId", "organizationId", "status", "fromDay", "toDay" FROM "StatusSpan" WHERE "serverId" ${where}`, chunkIds),
    ];
    for (const span of oldSpans) {
      addDelta(Number(span.organizationId), span.fromDay, span.status, -1);
      if (span.toDay) addDelta(Number(span.organizationId), span.toDay, span.status, 1);
    }
    const scansBy = groupBy(scans, (r) => Number(r.serverId));
    const findingsBy = groupBy(findings, (r) => Number(r.serverId));
    const remsBy = groupBy(remediations, (r) => Number(r.serverId));

    const updates: SqlScalar[][] = [];
    const spanRows: SqlScalar[][] = [];
    for (const server of servers) {
      const id = Number(server.id);
      const orgId = Number(server.organizationId);
      orgs.add(orgId);
      const serverScans = scansBy.get(id) ?? [];
      const { current, spans } = evaluateServer(
        {
          scans: serverScans.map(scanFacts),
          findings: (findingsBy.get(id) ?? []).map(findingFacts),
          remediations: (remsBy.get(id) ?? []).map((r) => ({ remediatedAt: new Date(r.remediatedAt) })),
        },
        PROXYLOGON_RULES,
      );
      const ip = [...serverScans].reverse().find((r) => r.ipAddress)?.ipAddress ?? null;
      updates.push([
        id,
        current.status,
        current.reason,
        current.build,
        current.product,
        current.cumulativeUpdate,
        current.lastScanAt,
        current.indicators.length ? current.indicators.join("; ") : null,
        current.compromisedAt,
        ip,
        current.indicatorCount,
        current.suspiciousFiles,
      ]);
      for (const span of spans) {
        spanRows.push([id, orgId, span.status, span.fromDay, span.toDay]);
        addDelta(orgId, span.fromDay, span.status, 1);
        if (span.toDay) addDelta(orgId, span.toDay, span.status, -1);
      }
    }
    for (const batch of statementBatches(s, updates, SERVER_UPDATE_TYPES.length)) {
      const src = rowsSource(s, SERVER_UPDATE_TYPES, batch);
      await s.run(
        `UPDATE "Server" SET "status" = v.column2, "reason" = v.column3, "build" = v.column4, "product" = v.column5, "cumulativeUpdate" = v.column6, "lastScanAt" = v.column7, "indicators" = v.column8, "compromisedAt" = v.column9, "ipAddress" = COALESCE(v.column10, "Server"."ipAddress"), "indicatorCount" = v.column11, "suspiciousFiles" = v.column12 FROM ${src.sql} WHERE "Server"."id" = v.column1`,
        src.params,
      );
    }
    await s.run(`DELETE FROM "StatusSpan" WHERE "serverId" ${where}`, chunkIds);
    await insertRows(s, `INSERT INTO "StatusSpan" ("serverId", "organizationId", "status", "fromDay", "toDay")`, SPAN_TYPES, spanRows);
    await onProgress?.(i + chunk.length);
  }
  await applyDeltas(s, deltas);
  return orgs;
}

async function insertRows(s: SqlSession, insert: string, types: string[], rows: SqlScalar[][], onConflict = ""): Promise<void> {
  for (const batch of statementBatches(s, rows, types.length)) {
    const src = rowsSource(s, types, batch);
    await s.run(`${insert} SELECT * FROM ${src.sql} WHERE true ${onConflict}`, src.params);
  }
}

async function applyDeltas(s: SqlSession, deltas: Map<string, number>): Promise<void> {
  const rows = [...deltas].filter(([, d]) => d !== 0).map(([k, d]) => {
    const [scope, day, status] = k.split("|");
    return [Number(scope), day, status, d];
  });
  await insertRows(
    s,
    `INSERT INTO "StatusDelta" ("scope", "day", "status", "delta")`,
    DELTA_TYPES,
    rows,
    `ON CONFLICT ("scope", "day", "status") DO UPDATE SET "delta" = "StatusDelta"."delta" + excluded."delta"`,
  );
  if (rows.length) await s.run(`DELETE FROM "StatusDelta" WHERE "delta" = 0`);
}

const STATUS_COLUMNS = ["patched", "unpatched", "mitigated", "compromised", "unknown"] as const;

/** Refreshes the stored per-organization counts from the servers table (indexed by organization and status). */
export async function refreshOrganizationCounts(s: SqlSession, orgIds: Iterable<number>): Promise<void> {
  const ids = [...orgIds];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const count = (status?: string) =>
      `(SELECT COUNT(*) FROM "Server" s WHERE s."organizationId" = "Organization"."id"${status ? ` AND s."status" = '${status}'` : ""})`;
    const where = inIds(s, chunk);
    await s.run(
      `UPDATE "Organization" SET "servers" = ${count()}, ${STATUS_COLUMNS.map((c) => `"${c}" = ${count(c)}`).join(", ")} WHERE "id" ${where.sql}`,
      where.params,
    );
    await s.run(
      `UPDATE "Organization" SET "percentPatched" = CASE WHEN "servers" > 0 THEN ROUND(100.0 * "patched" / "servers", 1) ELSE 0 END WHERE "id" ${where.sql}`,
      where.params,
    );
  }
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

/** Before an organization is deleted: its share of the fleet's roll-up is its own roll-up, taken out again. */
export async function removeOrganizationFromRollup(s: SqlSession, organizationId: number): Promise<void> {
  await s.run(
    `UPDATE "StatusDelta" SET "delta" = "StatusDelta"."delta" - o."delta" FROM "StatusDelta" o WHERE "StatusDelta"."scope" = 0 AND o."scope" = ? AND "StatusDelta"."day" = o."day" AND "StatusDelta"."status" = o."status"`,
    [organizationId],
  );
  await s.run(`DELETE FROM "StatusDelta" WHERE "scope" = ? OR ("scope" = 0 AND "delta" = 0)`, [organizationId]);
}
