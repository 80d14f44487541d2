// The per-day roll-up (StatusDelta): how many servers enter and leave each status on each day, by campaign and scope
// (an organization, or 0 for the fleet). A re-derive adds the difference it made, never a recount.
import { type SqlScalar, type SqlSession } from "../sql-session";
import { insertRows, rowsSource, statementBatches } from "../sql-rows";

const DELTA_TYPES = ["text", "integer", "text", "text", "integer"];
// The per-day roll-up's changes, keyed by campaign, scope (an organization, or 0 for the fleet), day and status.
export class Deltas {
  private map = new Map<string, number>();

  add(campaign: string, orgId: number, day: string, status: string, d: number): void {
    for (const scope of [orgId, 0]) {
      const key = `${campaign}|${scope}|${day}|${status}`;
      this.map.set(key, (this.map.get(key) ?? 0) + d);
    }
  }

  span(campaign: string, orgId: number, span: { status: string; fromDay: string; toDay: string | null }, sign: 1 | -1): void {
    this.add(campaign, orgId, span.fromDay, span.status, sign);
    if (span.toDay) this.add(campaign, orgId, span.toDay, span.status, -sign);
  }

  rows(): SqlScalar[][] {
    return [...this.map].filter(([, d]) => d !== 0).map(([k, d]) => {
      const [campaign, scope, day, status] = k.split("|");
      return [campaign, Number(scope), day, status, d];
    });
  }
}

/** Adds the deltas to the stored per-day roll-up, dropping the rows they bring to zero (only those: by key). */
export async function applyDeltas(s: SqlSession, deltas: Deltas): Promise<void> {
  const rows = deltas.rows();
  await insertRows(
    s,
    `INSERT INTO "StatusDelta" ("campaign", "scope", "day", "status", "delta")`,
    DELTA_TYPES,
    rows,
    `ON CONFLICT ("campaign", "scope", "day", "status") DO UPDATE SET "delta" = "StatusDelta"."delta" + excluded."delta"`,
  );
  for (const batch of statementBatches(s, rows, DELTA_TYPES.length)) {
    const src = rowsSource(s, DELTA_TYPES, batch);
    await s.run(
      `DELETE FROM "StatusDelta" WHERE "delta" = 0 AND ("campaign", "scope", "day", "status") IN (SELECT v.column1, v.column2, v.column3, v.column4 FROM ${src.sql})`,
      src.params,
    );
  }
}

/** Before an organization is deleted: its share of the fleet's roll-up is its own roll-up, taken out again. */
export async function removeOrganizationFromRollup(s: SqlSession, organizationId: number): Promise<void> {
  await s.run(
    `UPDATE "StatusDelta" SET "delta" = "StatusDelta"."delta" - o."delta" FROM "StatusDelta" o WHERE "StatusDelta"."scope" = 0 AND o."scope" = ? AND "StatusDelta"."campaign" = o."campaign" AND "StatusDelta"."day" = o."day" AND "StatusDelta"."status" = o."status"`,
    [organizationId],
  );
  await s.run(`DELETE FROM "StatusDelta" WHERE "scope" = ? OR ("scope" = 0 AND "delta" = 0)`, [organizationId]);
}
