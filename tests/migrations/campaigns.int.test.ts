// Issue 9: a database made by the previous version (one status per server, ProxyLogon's) migrates on start with
// nothing lost: its ProxyLogon numbers unchanged, and every other campaign judged from the stored scans.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, openDatabase, runWithDatabase, type RawDatabase, insertRow, migrateToLatest } from "../support/legacy-database";

const PREVIOUS = "20261201059999"; // every migration before the campaigns one
let legacy: RawDatabase;
let ts: (iso: string) => string;

const insert = (table: string, row: Record<string, unknown>) => insertRow(legacy, table, row);

// What the previous version stored for each server, and the scans it derived that from.
const SERVERS = [
  { id: 1, hostname: "PATCHED", status: "patched", scans: [["2021-03-04T10:00:00Z", "15.1.2176.2", null], ["2021-03-09T10:00:00Z", "15.1.2176.9", null]] },
  { id: 2, hostname: "UNPATCHED", status: "unpatched", scans: [["2021-03-04T10:00:00Z", "15.2.792.3", null]] },
  { id: 3, hostname: "MITIGATED", status: "mitigated", scans: [["2021-03-16T10:00:00Z", "15.0.1497.2", "eomt"]] },
  { id: 4, hostname: "COMPROMISED", status: "compromised", scans: [["2021-03-05T10:00:00Z", "15.2.792.10", null]] },
  { id: 5, hostname: "UNKNOWN", status: "unknown", scans: [["2021-03-05T10:00:00Z", "15.1.2176", null]] },
] as const;
const COUNTS = { servers: 5, patched: 1, unpatched: 1, mitigated: 1, compromised: 1, unknown: 1 };

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  ts = legacy.dialect === "sqlite" ? (iso) => new Date(iso).toISOString().replace("Z", "+00:00") : (iso) => new Date(iso).toISOString().slice(0, -1);
  await insert("Organization", { id: 1, slug: "harbor", name: "Harbor", nameKey: "harbor", ...COUNTS, percentPatched: 20, createdAt: ts("2021-03-01T00:00:00Z") });
  let scanId = 0;
  for (const s of SERVERS) {
    await insert("Server", { id: s.id, organizationId: 1, hostname: s.hostname, hostnameKey: s.hostname.toLowerCase(), status: s.status, reason: "stored by the previous version", createdAt: ts("2021-03-01T00:00:00Z") });
    for (const [at, build, mitigation] of s.scans) {
      await insert("Scan", { id: ++scanId, serverId: s.id, scannedAt: ts(at), build, mitigation, source: "canonical", patchEvidence: "build" });
    }
  }
  await insert("Indicator", { id: 1, scanId: 5, serverId: 4, type: "reported", detail: "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", at: ts("2021-03-05T10:00:00Z"), kind: "indicator" });
  await insert("StatusDelta", { scope: 0, day: "2021-03-04", status: "unpatched", delta: 2 });
  await insert("Setting", { key: "statusRules", value: "rules of the previous version" });
  if (legacy.dialect === "postgres") {
    for (const table of ["Organization", "Server", "Scan", "Indicator"]) {
      await legacy.run(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
    }
  }
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

const countsOf = async (campaign: string) => {
  const [row] = await legacy.all<Record<string, number>>(
    `SELECT "servers", "patched", "unpatched", "mitigated", "compromised", "unknown" FROM "OrganizationStatus" WHERE "campaign" = ?`,
    [campaign],
  );
  return row ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) : null;
};
const statusesOf = async (campaign: string) =>
  Object.fromEntries(
    (await legacy.all<{ hostname: string; status: string }>(
      `SELECT s."hostname", c."status" FROM "ServerCampaign" c JOIN "Server" s ON s."id" = c."serverId" WHERE c."campaign" = ? ORDER BY s."id"`,
      [campaign],
    )).map((r) => [r.hostname, r.status]),
  );

describe("issue 9: the campaigns migration on a database of the previous version", () => {
  it("keeps the stored statuses and counts as ProxyLogon's, and for the roll-up until the next start", async () => {
    const stored = Object.fromEntries(SERVERS.map((s) => [s.hostname, s.status]));
    expect(await statusesOf("proxylogon")).toEqual(stored);
    expect(await statusesOf("all")).toEqual(stored);
    expect(await countsOf("proxylogon")).toEqual(COUNTS);
    expect(await legacy.all(`SELECT "campaign" FROM "StatusDelta" ORDER BY "campaign"`)).toEqual([{ campaign: "all" }, { campaign: "proxylogon" }]);
    expect(await legacy.all(`SELECT "id" FROM "Scan"`)).toHaveLength(6);
  });

  it("re-derives every campaign from the stored scans on the next start, with ProxyLogon's numbers unchanged", async () => {
    await legacy.close();
    const rederived = runWithDatabase(legacy.url, "./lib/data/fleet/rules-version.ts", "rederiveIfRulesChanged");
    expect(rederived.trim()).toBe("5");
    legacy = await openDatabase(legacy.url);
    expect(await statusesOf("proxylogon")).toEqual(Object.fromEntries(SERVERS.map((s) => [s.hostname, s.status])));
    expect(await countsOf("proxylogon")).toEqual(COUNTS);
    // The 2021 builds were never patched against the later emergencies; a three-part build of 2016 CU19 is unpatched
    // against ProxyNotShell too, since CU19 never got its update.
    expect(await countsOf("proxynotshell")).toMatchObject({ servers: 5, compromised: 1, unpatched: 4, unknown: 0 });
    expect(await countsOf("all")).toMatchObject({ servers: 5, patched: 0, compromised: 1 });
    const [fleet] = await legacy.all<{ total: number }>(`SELECT SUM("delta") AS "total" FROM "StatusDelta" WHERE "campaign" = 'proxylogon' AND "scope" = 0`);
    expect(Number(fleet.total)).toBe(5);
  });
});
