// What an import did to the servers it touched: their roll-up status before the recompute and after it (the
// recompute knows both), one ImportServer row each with the kind of change, and the counts of each kind, written in
// multi-row statements inside the import's transaction.
import { emptyChangeCounts, statusChange, statusChangeOrder, type StatusChangeCounts } from "../../domain/status-change";
import type { RollupChange } from "../fleet/status-recompute";
import { type SqlScalar, type SqlSession } from "../sql-session";
import { insertRows } from "../sql-rows";

const CHANGE_TYPES = ["integer", "integer", "integer", "text", "text"];

/**
 * Records each re-derived server's roll-up status before and after the import, a chunk of servers at a time (see
 * recordChanges in RecomputeOptions), and counts each kind of change.
 */
export class ChangeRecorder {
  readonly counts: StatusChangeCounts = emptyChangeCounts();

  constructor(private importId: number) {}

  record = async (s: SqlSession, rollup: ReadonlyMap<number, RollupChange>): Promise<void> => {
    const rows: SqlScalar[][] = [];
    for (const [id, { before, after }] of rollup) {
      if (!after) continue; // decommissioned: it counts nowhere, so it has no change to tell
      const change = statusChange(before, after);
      this.counts[change]++;
      rows.push([this.importId, statusChangeOrder(change), id, before, after]);
    }
    await insertRows(s, `INSERT INTO "ImportServer" ("importId", "change", "serverId", "statusBefore", "statusAfter")`, CHANGE_TYPES, rows);
  };
}

/** The organizations that decide who sees the import (see ImportOrganization in the schema). */
export async function recordImportOrganizations(s: SqlSession, importId: number, organizationIds: Iterable<number>): Promise<void> {
  const rows = [...new Set(organizationIds)].map((id): SqlScalar[] => [importId, id]);
  await insertRows(s, `INSERT INTO "ImportOrganization" ("importId", "organizationId")`, ["integer", "integer"], rows);
}
