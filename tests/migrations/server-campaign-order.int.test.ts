// Issue 10 (speed of the worst-first order): a database of the previous version migrates with nothing lost: every
// status row stays as it was and learns its server's hostnameKey, so the servers list pages in its default order
// (worst first, then by name) through an index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, type RawDatabase, insertRow, migrateToLatest } from "../support/legacy-database";

const PREVIOUS = "20261202099999"; // every migration before the server campaign order one
let legacy: RawDatabase;
let before: Record<string, unknown>[];

const insert = (table: string, row: Record<string, unknown>) => insertRow(legacy, table, row);

const dump = () => legacy.all<Record<string, unknown>>(`SELECT * FROM "ServerCampaign" ORDER BY "serverId", "campaign"`);

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = legacy.dialect === "sqlite" ? "2021-03-10T00:00:00.000+00:00" : "2021-03-10T00:00:00.000";
  await insert("Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at });
  await insert("Organization", { id: 2, slug: "zebra", name: "Zebra", nameKey: "zebra", createdAt: at });
  await insert("Server", { id: 1, organizationId: 1, hostname: "MAIL02", hostnameKey: "mail02", createdAt: at });
  await insert("Server", { id: 2, organizationId: 1, hostname: "Mail01", hostnameKey: "mail01", createdAt: at });
  await insert("Server", { id: 3, organizationId: 2, hostname: "EXCH", hostnameKey: "exch", createdAt: at });
  const rows: [number, string, number, string, number][] = [
    [1, "all", 1, "unpatched", 1],
    [1, "proxylogon", 1, "unpatched", 1],
    [2, "all", 1, "unpatched", 1],
    [2, "proxylogon", 1, "patched", 4],
    [3, "all", 2, "compromised", 0],
    [3, "proxylogon", 2, "compromised", 0],
  ];
  for (const [serverId, campaign, organizationId, status, severity] of rows) await insert("ServerCampaign", { serverId, campaign, organizationId, status, severity });
  before = await dump();
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 10: the server campaign order migration on a database of the previous version", () => {
  it("keeps every status row as it was, each with its server's hostnameKey", async () => {
    const after = await dump();
    // Later migrations add columns; the ones this migration found keep their values.
    expect(after.map((row) => Object.fromEntries(Object.keys(before[0]).map((k) => [k, row[k as keyof typeof row]])))).toEqual(before);
    expect(after.map((r) => [r.serverId, r.hostnameKey])).toEqual([
      [1, "mail02"], [1, "mail02"], [2, "mail01"], [2, "mail01"], [3, "exch"], [3, "exch"],
    ]);
  });

  it("orders a campaign worst first, then by name, from an index", async () => {
    const rows = await legacy.all<{ serverId: number }>(`SELECT "serverId" FROM "ServerCampaign" WHERE "campaign" = 'all' ORDER BY "severity", "hostnameKey", "serverId"`);
    expect(rows.map((r) => Number(r.serverId))).toEqual([3, 2, 1]);
    const plan = JSON.stringify(
      legacy.dialect === "sqlite"
        ? await legacy.all(`EXPLAIN QUERY PLAN SELECT "serverId" FROM "ServerCampaign" WHERE "campaign" = 'all' ORDER BY "severity", "hostnameKey", "serverId" LIMIT 25`)
        : await legacy.all(`SELECT indexname FROM pg_indexes WHERE tablename = 'ServerCampaign'`),
    );
    expect(plan).toContain("ServerCampaign_worst_first_idx");
    expect(plan).not.toContain("TEMP B-TREE");
  });
});
