// A database made by the version before issue 8 (findings kept as text on their scans, nmap's probe stored as
// "vulnerable", statuses by the old rules) migrates with nothing lost, and the next start re-derives every
// status with the new rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, migrateDeploy, openDatabase, runWithDatabase, type RawDatabase, insertRow } from "../support/legacy-database";

const PREVIOUS = "20261129999999"; // every migration of the version before (the last is 20261129…_auth_roles_audit)
let legacy: RawDatabase;
let ts: (iso: string) => string;

const insert = (table: string, row: Record<string, unknown>) => insertRow(legacy, table, row);

const scan = (id: number, serverId: number, at: string, extra: Record<string, unknown>) =>
  insert("Scan", { id, serverId, scannedAt: ts(at), source: "canonical", patchEvidence: "build", ...extra });

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  // The dialects store DateTime differently: SQLite as ISO text with "+00:00", PostgreSQL as timestamp(3).
  ts = legacy.dialect === "sqlite" ? (iso) => new Date(iso).toISOString().replace("Z", "+00:00") : (iso) => new Date(iso).toISOString().slice(0, -1);
  await insert("Organization", { id: 1, slug: "harbor", name: "Harbor", nameKey: "harbor", servers: 4, compromised: 2, mitigated: 1, unknown: 1, createdAt: ts("2021-03-01T00:00:00Z") });
  const servers = [
    [1, "LEGACY-CSV", "compromised"],
    [2, "LEGACY-NMAP", "mitigated"],
    [3, "LEGACY-TPL", "compromised"],
    [4, "LEGACY-NESSUS", "unknown"],
  ] as const;
  for (const [id, hostname, status] of servers) {
    await insert("Server", { id, organizationId: 1, hostname, hostnameKey: hostname.toLowerCase(), status, reason: "old rules", createdAt: ts("2021-03-01T00:00:00Z") });
  }
  // A canonical CSV import from before findings had rows of their own: only the text on the scan.
  await scan(1, 1, "2021-03-03T10:00:00Z", { build: "15.1.2176.2", indicators: "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx; C:\\ProgramData\\loot.zip" });
  await scan(2, 1, "2021-03-08T10:00:00Z", { build: "15.1.2176.9" });
  // EOMT recorded, then nmap's probe found the server vulnerable.
  await scan(3, 2, "2021-03-05T10:00:00Z", { build: "15.1.2176.2", mitigation: "eomt" });
  await scan(4, 2, "2021-03-12T10:00:00Z", { source: "nmap", patchEvidence: "vulnerable", toolVerdict: '{"tool":"nmap","vulnerable":true,"cves":["CVE-2021-26855"]}' });
  // Test-ProxyLogon found a hit dated 02-27; remediated on 03-10; the re-run on 03-20 lists it again.
  await scan(5, 3, "2021-03-05T10:00:00Z", { source: "test-proxylogon", patchEvidence: "not-checked", indicators: "CVE-2021-26855" });
  await scan(6, 3, "2021-03-20T10:00:00Z", { source: "test-proxylogon", patchEvidence: "not-checked", indicators: "CVE-2021-26855" });
  for (const [id, scanId] of [[1, 5], [2, 6]]) {
    await insert("Indicator", { id, scanId, serverId: 3, type: "CVE-2021-26855", detail: "/ecp/y.js, from 86.105.18.116", seenAt: ts("2021-02-27T03:00:00Z") });
  }
  await insert("Remediation", { id: 1, serverId: 3, remediatedAt: ts("2021-03-10T10:00:00Z"), note: "rebuilt", recordedBy: "admin@example.test", createdAt: ts("2021-03-10T10:00:00Z") });
  // Nessus without a ProxyLogon plugin, with a build below the fix: stored as "not-determined".
  await scan(7, 4, "2021-03-09T10:00:00Z", { source: "nessus", patchEvidence: "not-determined", build: "15.1.2044.4" });
  if (legacy.dialect === "postgres") {
    // Rows written with explicit ids leave PostgreSQL's sequences behind; the app's own rows never do.
    for (const table of ["Organization", "Server", "Scan", "Indicator", "Remediation"]) {
      await legacy.run(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
    }
  }
  await legacy.close();

  migrateDeploy(legacy.url);
  runWithDatabase(legacy.url, "./lib/data/fleet/rules-version.ts", "rederiveIfRulesChanged");
  legacy = await openDatabase(legacy.url);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 8: the finding-times migration on a database of the previous version", () => {
  it("keeps every scan and remediation, and turns findings kept as text into rows with their time and kind", async () => {
    expect(await legacy.all(`SELECT "id" FROM "Scan" ORDER BY "id"`)).toHaveLength(7);
    expect(await legacy.all(`SELECT "id" FROM "Remediation"`)).toHaveLength(1);
    const rows = await legacy.all<{ detail: string; kind: string; at: string | Date; type: string }>(
      `SELECT "type", "detail", "kind", "at" FROM "Indicator" WHERE "serverId" = 1 ORDER BY "detail"`,
    );
    expect(rows.map((r) => [r.type, r.detail, r.kind])).toEqual([
      ["reported", "C:\\ProgramData\\loot.zip", "suspicious-file"],
      ["reported", "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", "indicator"],
    ]);
    expect(new Date(rows[0].at).toISOString()).toBe("2021-03-03T10:00:00.000Z");
    const tpl = await legacy.all<{ at: string | Date }>(`SELECT "at" FROM "Indicator" WHERE "serverId" = 3`);
    expect(tpl.map((r) => new Date(r.at).toISOString())).toEqual(["2021-02-27T03:00:00.000Z", "2021-02-27T03:00:00.000Z"]);
  });

  it("tells nmap's live probe apart from a version check", async () => {
    const [probe] = await legacy.all<{ patchEvidence: string }>(`SELECT "patchEvidence" FROM "Scan" WHERE "id" = 4`);
    expect(probe.patchEvidence).toBe("exploitable");
  });

  it("re-derives every status with the new rules on the next start, and records the rules' version", async () => {
    const servers = await legacy.all<{ hostname: string; status: string; indicatorCount: number; suspiciousFiles: number }>(
      `SELECT s."hostname", c."status", s."indicatorCount", s."suspiciousFiles" FROM "Server" s JOIN "ServerCampaign" c ON c."serverId" = s."id" AND c."campaign" = 'proxylogon' ORDER BY s."id"`,
    );
    expect(servers.map((s) => [s.hostname, s.status, Number(s.indicatorCount), Number(s.suspiciousFiles)])).toEqual([
      ["LEGACY-CSV", "compromised", 1, 1],
      ["LEGACY-NMAP", "unpatched", 0, 0],
      ["LEGACY-TPL", "unknown", 0, 0],
      ["LEGACY-NESSUS", "unpatched", 0, 0],
    ]);
    const [org] = await legacy.all<Record<string, number>>(`SELECT "servers", "patched", "unpatched", "mitigated", "compromised", "unknown" FROM "OrganizationStatus" WHERE "campaign" = 'proxylogon'`);
    expect(Object.fromEntries(Object.entries(org).map(([k, v]) => [k, Number(v)]))).toEqual({ servers: 4, patched: 0, unpatched: 2, mitigated: 0, compromised: 1, unknown: 1 });
    const [setting] = await legacy.all<{ value: string }>(`SELECT "value" FROM "Setting" WHERE "key" = 'statusRules'`);
    expect(setting.value).toMatch(/^2026-12-\d\d\.\d+: /);
    // The roll-up agrees with the servers: today's counts are the running sum of the fleet's deltas.
    const deltas = await legacy.all<{ status: string; total: number }>(`SELECT "status", SUM("delta") AS "total" FROM "StatusDelta" WHERE "scope" = 0 AND "campaign" = 'proxylogon' GROUP BY "status"`);
    const totals = Object.fromEntries(deltas.map((d) => [d.status, Number(d.total)]));
    expect(totals).toMatchObject({ compromised: 1, unpatched: 2, unknown: 1 });
  });

  it("does nothing at a start with the rules already current", async () => {
    await legacy.close();
    expect(runWithDatabase(legacy.url, "./lib/data/fleet/rules-version.ts", "rederiveIfRulesChanged").trim()).toBe("0");
    legacy = await openDatabase(legacy.url);
  });
});
