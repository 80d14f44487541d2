// What an import did to the servers it touched: their roll-up status read before the recompute and after it, one
// ImportServer row each with the kind of change, and the counts of each kind. Read in chunks by primary key and
// written in multi-row statements, inside the import's transaction.
import { ROLLUP } from "../../domain/campaign-evaluation";
import { emptyChangeCounts, statusChange, statusChangeOrder, type StatusChangeCounts } from "../../domain/status-change";
import { isStatus, type Status } from "../../domain/statuses";
import { inIds, rowsSource, statementBatches, type SqlScalar, type SqlSession } from "../sql-session";

const CHUNK = 1000;
const CHANGE_TYPES = ["integer", "integer", "integer", "text", "text"];

/** The roll-up status of each of these servers now; a server without one (new) is left out. */
export async function rollupStatuses(s: SqlSession, serverIds: Iterable<number>): Promise<Map<number, Status>> {
  const ids = [...serverIds].filter((id) => id > 0);
  const statuses = new Map<number, Status>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const where = inIds(s, ids.slice(i, i + CHUNK));
    const rows = await s.all<{ serverId: number; status: string }>(
      `SELECT "serverId", "status" FROM "ServerCampaign" WHERE "campaign" = ? AND "serverId" ${where.sql}`,
      [ROLLUP, ...where.params],
    );
    for (const r of rows) if (isStatus(r.status)) statuses.set(Number(r.serverId), r.status);
  }
  return statuses;
}

/**
 * After the recompute: records each touched server's status before (from `before`) and after the import, and
 * answers how many of each kind of change there were.
 */
export async function recordChanges(s: SqlSession, importId: number, serverIds: Iterable<number>, before: Map<number, Status>): Promise<StatusChangeCounts> {
  const counts = emptyChangeCounts();
  const ids = [...serverIds];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const after = await rollupStatuses(s, chunk);
    const rows: SqlScalar[][] = [];
    for (const id of chunk) {
      const now = after.get(id);
      if (!now) continue; // every server the recompute saw has a roll-up status; this is only a guard
      const was = before.get(id) ?? null;
      const change = statusChange(was, now);
      counts[change]++;
      rows.push([importId, statusChangeOrder(change), id, was, now]);
    }
    for (const batch of statementBatches(s, rows, CHANGE_TYPES.length)) {
      const src = rowsSource(s, CHANGE_TYPES, batch);
      await s.run(`INSERT INTO "ImportServer" ("importId", "change", "serverId", "statusBefore", "statusAfter") SELECT * FROM ${src.sql} WHERE true`, src.params);
    }
  }
  return counts;
}

/** The organizations that decide who sees the import (see ImportOrganization in the schema). */
export async function recordImportOrganizations(s: SqlSession, importId: number, organizationIds: Iterable<number>): Promise<void> {
  const rows = [...new Set(organizationIds)].map((id): SqlScalar[] => [importId, id]);
  for (const batch of statementBatches(s, rows, 2)) {
    const src = rowsSource(s, ["integer", "integer"], batch);
    await s.run(`INSERT INTO "ImportOrganization" ("importId", "organizationId") SELECT * FROM ${src.sql} WHERE true`, src.params);
  }
}
