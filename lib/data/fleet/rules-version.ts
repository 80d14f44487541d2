// Stored statuses are derived data: when what derives them changes (a new release of the status engine, a data
// update of the build table, a campaign file), every server is re-derived from its stored facts, once, at the
// next start. The fingerprint covers all three, so a new SU in the build table makes servers "behind" and
// unpatched without an engine change.
import { createHash } from "node:crypto";
import * as EXCHANGE_DATA from "../../domain/exchange/exchange-data.generated";
import type { Campaign } from "../../domain/campaigns/rules";
import { campaignsIn } from "../campaigns/registry";
import { recomputeServers } from "./status-recompute";
import { type SqlSession } from "../sql-session";
import { withWriteTransaction } from "../sql-write-transaction";

// Bump when a change to lib/domain would give a stored server another status, reason or history.
const ENGINE_VERSION = "2026-12-03.3: campaigns, findings' own times, probes beat mitigations, inconclusive scans keep verdicts; hunts and exposure; disconnected and decommissioned; a hunt starts at the first scan the engine replays; a stopgap bypass before the first scan is no event";
const KEY = "statusRules";
const BATCH = 5000;

export function rulesFingerprint(campaigns: readonly Campaign[]): string {
  const hash = createHash("sha256");
  hash.update(ENGINE_VERSION);
  hash.update(JSON.stringify(EXCHANGE_DATA));
  for (const c of campaigns) hash.update(JSON.stringify(c.definition));
  return `${ENGINE_VERSION} #${hash.digest("hex").slice(0, 16)}`;
}

export async function storedFingerprint(s: SqlSession): Promise<string | null> {
  const rows = await s.all<{ value: string }>(`SELECT "value" FROM "Setting" WHERE "key" = ?`, [KEY]);
  return rows[0]?.value ?? null;
}

/** Re-derives every server for these campaigns, inside the caller's transaction. Returns how many servers. */
export async function rederiveAll(s: SqlSession, campaigns: readonly Campaign[], onProgress?: (done: number, total: number) => void): Promise<number> {
  const ids = (await s.all<{ id: number }>(`SELECT "id" FROM "Server" ORDER BY "organizationId", "id"`)).map((r) => Number(r.id));
  // Every status, span, roll-up and count row is rebuilt, so none of the old ones needs to be read back.
  await s.run(`DELETE FROM "ServerCampaign"`);
  await s.run(`DELETE FROM "StatusSpan"`);
  await s.run(`DELETE FROM "StatusDelta"`);
  // The counts are the sum of the differences the re-derive makes, from none.
  await s.run(`DELETE FROM "OrganizationStatus"`);
  for (let i = 0; i < ids.length; i += BATCH) {
    await recomputeServers(s, ids.slice(i, i + BATCH), campaigns);
    onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }
  await storeRulesFingerprint(s, campaigns);
  return ids.length;
}

/** Records that the stored statuses are derived with these campaigns (and this engine and data): no re-derive at start. */
export async function storeRulesFingerprint(s: SqlSession, campaigns: readonly Campaign[]): Promise<void> {
  await s.run(`INSERT INTO "Setting" ("key", "value") VALUES (?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`, [KEY, rulesFingerprint(campaigns)]);
}

/**
 * Re-derives every server when the stored statuses were made by other rules or data (or by a version that did not
 * record them). All of it commits, or none. Returns how many servers were re-derived (0: already current).
 */
export async function rederiveIfRulesChanged(onProgress?: (done: number, total: number) => void): Promise<number> {
  return withWriteTransaction(async (s) => {
    const campaigns = await campaignsIn(s);
    if ((await storedFingerprint(s)) === rulesFingerprint(campaigns)) return 0;
    return rederiveAll(s, campaigns, onProgress);
  });
}
