// Issue 12 item 1: an import re-derives a server from the first day its new scans change, from the anchors stored
// by the last one (lib/domain/resume.ts). Daily files through POST /api/v1/scans; after each, everything derived
// must equal a whole re-derive of every server, and the stored spans before that day must be reused, not replayed.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { campaignsIn } from "@/lib/data/campaigns/registry";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { recomputeServers, type RecomputeOptions, type RollupChange } from "@/lib/data/fleet/status-recompute";
import { ROLLUP } from "@/lib/domain/campaign-evaluation";
import { type SqlSession } from "@/lib/data/sql-session";
import { withWriteTransaction } from "@/lib/data/sql-write-transaction";
import { TEST_ACCESS } from "../access";
import { call } from "../api/request";
import { resetDatabase } from "../reset-database";

let token: string;
const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation";
const uploadCsv = async (rows: string[]) => {
  const res = await call(POST, "/api/v1/scans", { method: "POST", token, body: [HEADER, ...rows].join("\n") + "\n", headers: { "content-type": "text/csv" } });
  expect(res.status).toBe(201);
};
const uploadCheck = async (hostname: string, at: string) => {
  const f = new FormData();
  f.append("organization", "Harbor County");
  f.append("scannedAt", at);
  f.append("file", new Blob([`"Ecp","OwaProxy"\n"40","40"\n`]), `${hostname}-LogAgeDays.csv`);
  const res = await call(POST, "/api/v1/scans", { method: "POST", token, body: f });
  expect(res.status).toBe(201);
};

const UNPATCHED = "15.1.2176.2";
const PATCHED = "15.1.2176.9";
const day = (n: number) => `2021-03-${String(n).padStart(2, "0")}`;

// The day's scans of six servers in two organizations: patched on day 5, mitigated then patched, compromised on day 6
// (remediated on day 7), first seen on day 4, and two that only change build.
function dailyRows(n: number): string[] {
  const at = `${day(n)}T08:00:00Z`;
  const rows = [
    `Harbor County,EXCH01,10.0.0.1,${n >= 5 ? PATCHED : UNPATCHED},${at},,`,
    `Harbor County,EXCH02,10.0.0.2,${n >= 8 ? PATCHED : UNPATCHED},${at},,${n >= 3 ? "eomt" : ""}`,
    `Harbor County,EXCH03,,${PATCHED},${at},${n === 6 ? "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx" : ""},`,
    `Lakeside Dental,MAIL1,10.1.0.1,${n % 3 === 0 ? "15.2.792.3" : "15.2.858.5"},${at},,`,
    `Lakeside Dental,MAIL2,,${PATCHED},${at},,`,
  ];
  if (n >= 4) rows.push(`Lakeside Dental,MAIL3,10.1.0.3,${UNPATCHED},${at},,`);
  return rows;
}

const DERIVED: [string, string][] = [
  ["Server", `"id", "build", "product", "cumulativeUpdate", "lastScanAt", "indicators", "compromisedAt", "ipAddress", "indicatorCount", "suspiciousFiles"`],
  ["ServerCampaign", "*"],
  ["StatusSpan", `"serverId", "campaign", "status", "fromDay", "toDay"`],
  ["StatusDelta", "*"],
  ["OrganizationStatus", "*"],
  // The anchors are compared apart: a steady server's may hold more than a replay's (lib/domain/steady.ts).
  ["ServerResume", `"serverId", "through", "derivedOn"`],
];
async function snapshot(s: SqlSession) {
  const out: Record<string, unknown[]> = {};
  const anchors = await s.all<{ serverId: number; scanIds: string }>(`SELECT "serverId", "scanIds" FROM "ServerResume"`);
  out.anchors = anchors.map((r) => ({ serverId: Number(r.serverId), scanIds: r.scanIds.split(",").map(Number) }));
  // Sorted whole, not by the first columns: rows written in another order must compare equal.
  for (const [table, columns] of DERIVED) out[table] = (await s.all(`SELECT ${columns} FROM "${table}"`)).map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r));
  return out;
}

/** The stored anchors hold every scan a replay's state rests on (a steady server's may hold more: lib/domain/steady.ts). */
function expectAnchorsHeld(stored: unknown[], replayed: unknown[], when: string) {
  const held = new Map((stored as { serverId: number; scanIds: number[] }[]).map((r) => [r.serverId, new Set(r.scanIds)]));
  for (const r of replayed as { serverId: number; scanIds: number[] }[]) expect(r.scanIds.filter((id) => !held.get(r.serverId)?.has(id)), when).toEqual([]);
}

class Rollback extends Error {}
/**
 * The derived tables as stored, and as a whole re-derive of every server would make them (rolled back after). With
 * `fromScratch`, the re-derive starts from nothing derived (every row it must write, in chunks of `chunkSize`).
 */
async function storedAndWhole({ chunkSize, fromScratch = false, recordChanges }: Pick<RecomputeOptions, "chunkSize" | "recordChanges"> & { fromScratch?: boolean } = {}) {
  let stored: Awaited<ReturnType<typeof snapshot>> | null = null;
  let whole: Awaited<ReturnType<typeof snapshot>> | null = null;
  await withWriteTransaction(async (s) => {
    stored = await snapshot(s);
    if (fromScratch) {
      for (const [table] of DERIVED.slice(1)) await s.run(`DELETE FROM "${table}"`);
      await s.run(`UPDATE "Server" SET "build" = NULL, "product" = NULL, "cumulativeUpdate" = NULL, "lastScanAt" = NULL, "indicators" = NULL, "compromisedAt" = NULL, "indicatorCount" = 0, "suspiciousFiles" = 0`);
    }
    const ids = (await s.all<{ id: number }>(`SELECT "id" FROM "Server"`)).map((r) => Number(r.id));
    await recomputeServers(s, ids, await campaignsIn(s), { chunkSize, recordChanges });
    whole = await snapshot(s);
    throw new Rollback();
  }).catch((err) => {
    if (!(err instanceof Rollback)) throw err;
  });
  return { stored: stored!, whole: whole! };
}

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("test")).token;
});

describe("issue 12 item 1: a daily import resumes from the stored anchors", () => {
  it("leaves everything derived as a whole re-derive would, day after day, with a check, a remediation and a late file", async () => {
    for (let n = 1; n <= 10; n++) {
      await uploadCsv(dailyRows(n));
      if (n === 5) await uploadCheck("EXCH01", `${day(5)}T12:00:00Z`);
      if (n === 7) {
        const { db } = await import("@/lib/data/db");
        const server = await db.server.findFirstOrThrow({ where: { hostname: "EXCH03" } });
        await recordRemediation(TEST_ACCESS, { serverId: server.id, note: "Rebuilt", remediatedAt: new Date(`${day(7)}T10:00:00Z`) });
      }
      // A file that arrives late, for a day already past: those servers are re-derived whole.
      if (n === 9) await uploadCsv([`Harbor County,EXCH01,10.0.0.1,${UNPATCHED},${day(2)}T20:00:00Z,,`]);
      const { stored, whole } = await storedAndWhole();
      const { anchors: storedAnchors, ...derived } = stored;
      const { anchors: replayAnchors, ...replayed } = whole;
      expect(derived, `after day ${n}`).toEqual(replayed);
      expectAnchorsHeld(storedAnchors, replayAnchors, `after day ${n}`);
      // The roll-up keeps no row that came to zero (each import drops those it touched).
      expect((stored.StatusDelta as { delta: number }[]).filter((r) => Number(r.delta) === 0)).toEqual([]);
    }
  });

  it("re-derives from nothing, in chunks of two servers whose reads and writes overlap, what the imports stored", async () => {
    for (let n = 1; n <= 6; n++) await uploadCsv(dailyRows(n));
    const { stored } = await storedAndWhole();
    // pg warns (once per process) when a query is sent to a client still busy with another: the session queues them.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    // Six servers in chunks of two: three chunks, each read while the one before it is evaluated and written.
    // Each chunk's roll-up changes are recorded with its writes: every server once, from nothing to what it became.
    const recorded: [number, RollupChange][][] = [];
    const recordChanges = async (_: unknown, changes: ReadonlyMap<number, RollupChange>) => void recorded.push([...changes]);
    const { whole } = await storedAndWhole({ chunkSize: 2, fromScratch: true, recordChanges }).finally(() => process.off("warning", onWarning));
    expect(recorded.map((chunk) => chunk.length)).toEqual([2, 2, 2]);
    const rollups = new Map((whole.ServerCampaign as { serverId: number; campaign: string; status: string }[]).filter((r) => r.campaign === ROLLUP).map((r) => [Number(r.serverId), r.status]));
    expect(new Map(recorded.flat())).toEqual(new Map([...rollups].map(([id, status]) => [id, { before: null, after: status }])));
    expect({ ...whole, anchors: null }).toEqual({ ...stored, anchors: null });
    expectAnchorsHeld(stored.anchors, whole.anchors, "re-derived from nothing");
    expect(whole.Server).toHaveLength(6);
    expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
  });

  it("keeps only a few anchors per server however long its history, and reuses the spans stored before the new day", async () => {
    for (let n = 1; n <= 8; n++) await uploadCsv(dailyRows(n));
    await withWriteTransaction(async (s) => {
      const resume = await s.all<{ scanIds: string; through: string; steadyIds: string | null }>(`SELECT "scanIds", "through", "steadyIds" FROM "ServerResume"`);
      expect(resume).toHaveLength(6);
      for (const r of resume) {
        expect(r.through).toBe(day(8));
        // A replay's few, and a steady re-derive's latest scan (lib/domain/steady.ts).
        expect(r.scanIds.split(",").length).toBeLessThanOrEqual(5);
      }
      // Servers whose day-8 scan repeated their day-7 one took the short way; the others were replayed.
      expect(resume.filter((r) => r.steadyIds).length).toBeGreaterThanOrEqual(3);
      expect(resume.filter((r) => !r.steadyIds).length).toBeGreaterThanOrEqual(1);
      // A stored span before day 9 (ProxyLogon counts from its disclosure, 2 March) changed behind the engine's back: a resumed import keeps it, as it keeps every
      // span before its first day; a whole re-derive would put it right.
      await s.run(`UPDATE "StatusSpan" SET "status" = 'mitigated' WHERE "campaign" = 'proxylogon' AND "fromDay" = ? AND "serverId" = (SELECT "id" FROM "Server" WHERE "hostname" = 'EXCH01')`, [day(2)]);
    });
    await uploadCsv(dailyRows(9));
    const { stored, whole } = await storedAndWhole();
    const first = (snap: typeof stored) => (snap.StatusSpan as { campaign: string; fromDay: string; status: string }[]).filter((r) => r.campaign === "proxylogon" && r.fromDay === day(2));
    expect(first(stored).map((r) => r.status)).toContain("mitigated");
    expect(first(whole).map((r) => r.status)).not.toContain("mitigated");
  });
});
