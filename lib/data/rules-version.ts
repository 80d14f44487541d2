// Stored statuses are derived data: when the rules that derive them change (a new release of the status engine),
// every server is re-derived from its stored scans, findings and remediations, once, at the next start.
import { refreshOrganizationCounts, recomputeServers } from "./status-recompute";
import { withWriteTransaction, type SqlSession } from "./sql-session";

// Bump when a change to lib/domain would give a stored server another status, reason or history.
export const STATUS_RULES_VERSION = "2026-12-01: findings' own times, probes beat mitigations, inconclusive scans keep verdicts";
const KEY = "statusRules";
const BATCH = 5000;

async function storedVersion(s: SqlSession): Promise<string | null> {
  const rows = await s.all<{ value: string }>(`SELECT "value" FROM "Setting" WHERE "key" = ?`, [KEY]);
  return rows[0]?.value ?? null;
}

/**
 * Re-derives every server when the stored statuses were made by other rules (or by a version that did not
 * record its rules). All of it commits, or none. Returns how many servers were re-derived (0: already current).
 */
export async function rederiveIfRulesChanged(onProgress?: (done: number, total: number) => void): Promise<number> {
  return withWriteTransaction(async (s) => {
    if ((await storedVersion(s)) === STATUS_RULES_VERSION) return 0;
    const ids = (await s.all<{ id: number }>(`SELECT "id" FROM "Server" ORDER BY "organizationId", "id"`)).map((r) => Number(r.id));
    // Every span and roll-up row is rebuilt, so none of the old ones needs to be read back.
    await s.run(`DELETE FROM "StatusSpan"`);
    await s.run(`DELETE FROM "StatusDelta"`);
    const organizations = new Set<number>();
    for (let i = 0; i < ids.length; i += BATCH) {
      for (const org of await recomputeServers(s, ids.slice(i, i + BATCH))) organizations.add(org);
      onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
    }
    await refreshOrganizationCounts(s, organizations);
    await s.run(
      `INSERT INTO "Setting" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`,
      [KEY, STATUS_RULES_VERSION],
    );
    return ids.length;
  });
}
