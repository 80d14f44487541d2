// The status counts per organization and campaign (OrganizationStatus), which the summary and the organizations table
// read instead of the servers: a re-derive adds the difference its status rows made (CountDeltas), as it does to the
// per-day roll-up (status-deltas.ts); a rebuild of a whole campaign's rows counts them again (refreshOrganizationCounts).
import { HUNT_PENDING, type HuntState } from "../../domain/hunt";
import { type SqlScalar, type SqlSession } from "../sql-session";
import { inIds, rowsSource, statementBatches } from "../sql-rows";

const COUNTED = ["patched", "unpatched", "mitigated", "compromised", "unknown"] as const;
// [servers, ...COUNTED, huntNeeded]
const COLUMNS = ["servers", ...COUNTED, "huntNeeded"];
const CHUNK = 1000;
const COUNT_TYPES = ["text", "integer", ...COLUMNS.map(() => "integer")];
// The one definition of percentPatched, for a recount and for the sum of differences alike.
const percent = (patched: string, servers: string) => `COALESCE(ROUND(100.0 * (${patched}) / NULLIF(${servers}, 0), 1), 0)`;

/** What a re-derive's status rows added to and took from each organization's counts, by campaign. */
export class CountDeltas {
  private map = new Map<string, { campaign: string; orgId: number; counts: number[] }>();

  /** A status row written (sign 1) or taken away (-1): its status and hunt, of a server of `orgId`. */
  row(campaign: string, orgId: number, status: string, hunt: string, sign: 1 | -1): void {
    const key = `${campaign}|${orgId}`;
    let entry = this.map.get(key);
    if (!entry) this.map.set(key, (entry = { campaign, orgId, counts: COLUMNS.map(() => 0) }));
    entry.counts[0] += sign;
    const i = (COUNTED as readonly string[]).indexOf(status);
    if (i >= 0) entry.counts[1 + i] += sign;
    if (HUNT_PENDING.includes(hunt as HuntState)) entry.counts[COLUMNS.length - 1] += sign;
  }

  rows(): SqlScalar[][] {
    return [...this.map.values()].filter((e) => e.counts.some((d) => d !== 0)).map((e) => [e.campaign, e.orgId, ...e.counts]);
  }
}

/** Adds the differences to the stored counts; an organization left with no server under a campaign loses its row. */
export async function applyCountDeltas(s: SqlSession, deltas: CountDeltas): Promise<void> {
  const rows = deltas.rows();
  const stored = (c: string) => `"OrganizationStatus"."${c}" + excluded."${c}"`;
  for (const batch of statementBatches(s, rows, COUNT_TYPES.length)) {
    const src = rowsSource(s, COUNT_TYPES, batch);
    const v = (c: string) => `v.column${3 + COLUMNS.indexOf(c)}`;
    await s.run(
      `INSERT INTO "OrganizationStatus" ("campaign", "organizationId", ${COLUMNS.map((c) => `"${c}"`).join(", ")}, "percentPatched") ` +
        `SELECT v.column1, v.column2, ${COLUMNS.map(v).join(", ")}, ${percent(v("patched"), v("servers"))} FROM ${src.sql} WHERE true ` +
        `ON CONFLICT ("campaign", "organizationId") DO UPDATE SET ${COLUMNS.map((c) => `"${c}" = ${stored(c)}`).join(", ")}, "percentPatched" = ${percent(stored("patched"), stored("servers"))}`,
      src.params,
    );
    await s.run(
      `DELETE FROM "OrganizationStatus" WHERE "servers" <= 0 AND ("campaign", "organizationId") IN (SELECT v.column1, v.column2 FROM ${src.sql})`,
      src.params,
    );
  }
}

/** Counts again, from the servers' status rows, the organizations' counts (after a campaign's rows were rebuilt). */
export async function refreshOrganizationCounts(s: SqlSession, orgIds: Iterable<number>): Promise<void> {
  const ids = [...orgIds];
  const sum = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  // In COLUMNS' order: servers, each status, hunts needed.
  const counts = ["COUNT(*)", ...COUNTED.map((c) => sum(`"status" = '${c}'`)), sum(`"hunt" IN (${HUNT_PENDING.map((h) => `'${h}'`).join(", ")})`)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const where = inIds(s, ids.slice(i, i + CHUNK));
    await s.run(
      `INSERT INTO "OrganizationStatus" ("campaign", "organizationId", ${COLUMNS.map((c) => `"${c}"`).join(", ")}, "percentPatched") ` +
        `SELECT "campaign", "organizationId", ${counts.join(", ")}, ${percent(counts[1], counts[0])} FROM "ServerCampaign" WHERE "organizationId" ${where.sql} GROUP BY "campaign", "organizationId" ` +
        `ON CONFLICT ("campaign", "organizationId") DO UPDATE SET ${[...COLUMNS, "percentPatched"].map((c) => `"${c}" = excluded."${c}"`).join(", ")}`,
      where.params,
    );
  }
}
