// Issue 11: a database of the previous version (no hunts, no patch target) migrates with nothing lost; the next start
// re-derives every server, so each status row gains its hunt and exposure from the stored scans.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateDeploy, openDatabase, runWithDatabase, type RawDatabase } from "../support/legacy-database";

const PREVIOUS = "20261203199999"; // every migration before the hunts one
let legacy: RawDatabase;
let ts: (iso: string) => string;
let before: Record<string, unknown>[];

const insert = (table: string, row: Record<string, unknown>) => insertRow(legacy, table, row);
const statusRows = () => legacy.all<Record<string, unknown>>(`SELECT "serverId", "campaign", "organizationId", "status", "severity", "hostnameKey" FROM "ServerCampaign" ORDER BY "serverId", "campaign"`);

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  ts = legacy.dialect === "sqlite" ? (iso) => new Date(iso).toISOString().replace("Z", "+00:00") : (iso) => new Date(iso).toISOString().slice(0, -1);
  await insert("Organization", { id: 1, slug: "harbor", name: "Harbor", nameKey: "harbor", createdAt: ts("2021-03-01T00:00:00Z") });
  await insert("Server", { id: 1, organizationId: 1, hostname: "EXCH1", hostnameKey: "exch1", createdAt: ts("2021-03-01T00:00:00Z") });
  await insert("Server", { id: 2, organizationId: 1, hostname: "EXCH2", hostnameKey: "exch2", createdAt: ts("2021-03-01T00:00:00Z") });
  // EXCH1: unpatched on 03-04, patched on 03-09; a clean Test-ProxyLogon run on 03-09 whose logs reach 100 days back (of the 190 to look at).
  await insert("Scan", { id: 1, serverId: 1, scannedAt: ts("2021-03-04T10:00:00Z"), build: "15.1.2176.2", source: "canonical", patchEvidence: "build" });
  await insert("Scan", { id: 2, serverId: 1, scannedAt: ts("2021-03-09T10:00:00Z"), build: "15.1.2176.9", source: "canonical", patchEvidence: "build" });
  await insert("Scan", { id: 3, serverId: 1, scannedAt: ts("2021-03-09T11:00:00Z"), source: "test-proxylogon", patchEvidence: "not-checked", logAgeDays: 100 });
  // EXCH2: still unpatched, never checked.
  await insert("Scan", { id: 4, serverId: 2, scannedAt: ts("2021-03-04T10:00:00Z"), build: "15.2.792.3", source: "canonical", patchEvidence: "build" });
  for (const [serverId, status, severity, key] of [[1, "patched", 4, "exch1"], [2, "unpatched", 1, "exch2"]] as const) {
    for (const campaign of ["all", "proxylogon"]) await insert("ServerCampaign", { serverId, campaign, organizationId: 1, status, severity, hostnameKey: key });
  }
  await insert("OrganizationStatus", { campaign: "proxylogon", organizationId: 1, servers: 2, patched: 1, unpatched: 1, percentPatched: 50 });
  if (legacy.dialect === "postgres") {
    for (const table of ["Organization", "Server", "Scan"]) await legacy.run(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
  }
  before = await statusRows();
  await legacy.close();
  migrateDeploy(legacy.url);
  legacy = await openDatabase(legacy.url);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 11: the hunts migration on a database of the previous version", () => {
  it("keeps every row, with a 14-day patch target and no recorded hunt", async () => {
    expect(await statusRows()).toEqual(before);
    expect(await legacy.all(`SELECT "id" FROM "Scan"`)).toHaveLength(4);
    const [org] = await legacy.all<{ patchTargetDays: number }>(`SELECT "patchTargetDays" FROM "Organization"`);
    expect(Number(org.patchTargetDays)).toBe(14);
    expect(await legacy.all(`SELECT "id" FROM "Hunt"`)).toHaveLength(0);
    // And the server lifecycle marks (its own migration, after this one), none yet.
    expect(await legacy.all(`SELECT "id" FROM "ServerLifecycle"`)).toHaveLength(0);
  });

  it("re-derives hunts and exposure on the next start", async () => {
    await legacy.close();
    runWithDatabase(legacy.url, "./lib/data/fleet/rules-version.ts", "rederiveIfRulesChanged");
    legacy = await openDatabase(legacy.url);
    const rows = await legacy.all<{ serverId: number; hunt: string; huntFrom: string; huntTo: string | null; huntCovered: number; patchDays: number | null; exposureFrom: string }>(
      `SELECT "serverId", "hunt", "huntFrom", "huntTo", "huntCovered", "patchDays", "exposureFrom" FROM "ServerCampaign" WHERE "campaign" = 'proxylogon' ORDER BY "serverId"`,
    );
    // ProxyLogon was a zero-day: both were exposed from 2021-01-06; look back to 2020-09-01.
    expect(rows.map((r) => [Number(r.serverId), r.hunt, r.huntFrom, r.huntTo, Number(r.huntCovered)])).toEqual([
      [1, "partly-hunted", "2020-09-01", "2021-03-09", 101],
      [2, "needed", "2020-09-01", null, 0],
    ]);
    expect(rows.map((r) => [r.exposureFrom, r.patchDays === null ? null : Number(r.patchDays)])).toEqual([
      ["2021-03-04", 5],
      ["2021-03-04", null],
    ]);
    const [org] = await legacy.all<{ huntNeeded: number }>(`SELECT "huntNeeded" FROM "OrganizationStatus" WHERE "campaign" = 'proxylogon'`);
    expect(Number(org.huntNeeded)).toBe(2);
  });
});
