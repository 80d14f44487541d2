// Two index migrations for reads that a large fleet made slow. The servers list's open exposures read a page's servers'
// spans of one campaign (lib/data/fleet/exposure.ts): they now go through an index that leads with the server, not a
// campaign-led one that reads every span of the campaign. Time to patch (lib/data/fleet/patch-times.ts) reads every
// exposure from one index that holds all it reads. A database of the previous version migrates with every row kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, type RawDatabase, insertRow, migrateToLatest } from "../support/legacy-database";

const PREVIOUS = "20261206099999"; // every migration before the status span index one (the patch times index follows it)
let legacy: RawDatabase;
let before: Record<string, unknown>[];
let statusesBefore: Record<string, unknown>[];

const dump = () => legacy.all<Record<string, unknown>>(`SELECT * FROM "StatusSpan" ORDER BY "id"`);
const dumpStatuses = () => legacy.all<Record<string, unknown>>(`SELECT * FROM "ServerCampaign" ORDER BY "serverId", "campaign"`);
const indexesOf = async (table: string) =>
  (legacy.dialect === "sqlite"
    ? await legacy.all<{ name: string }>(`SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = ?`, [table])
    : await legacy.all<{ name: string }>(`SELECT indexname AS "name" FROM pg_indexes WHERE tablename = ?`, [table])
  ).map((r) => r.name);
const EXPOSURE_READ = `SELECT "serverId", "status", "fromDay", "toDay" FROM "StatusSpan" WHERE "campaign" = 'proxylogon' AND "serverId" IN (1, 2) ORDER BY "serverId", "fromDay"`;

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = legacy.dialect === "sqlite" ? "2021-03-10T00:00:00.000+00:00" : "2021-03-10T00:00:00.000";
  await insertRow(legacy, "Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at });
  for (const id of [1, 2]) await insertRow(legacy, "Server", { id, organizationId: 1, hostname: `MAIL0${id}`, hostnameKey: `mail0${id}`, createdAt: at });
  const spans: [number, string, string, string, string | null][] = [
    [1, "proxylogon", "unpatched", "2021-03-02", "2021-03-05"],
    [1, "proxylogon", "patched", "2021-03-05", null],
    [1, "all", "unpatched", "2021-03-02", null],
    [2, "proxylogon", "compromised", "2021-03-03", null],
  ];
  for (const [i, [serverId, campaign, status, fromDay, toDay]] of spans.entries()) {
    await insertRow(legacy, "StatusSpan", { id: i + 1, serverId, organizationId: 1, campaign, status, fromDay, toDay });
  }
  await insertRow(legacy, "ServerCampaign", { serverId: 1, campaign: "proxylogon", organizationId: 1, status: "patched", severity: 4, hostnameKey: "mail01", exposureFrom: "2021-03-02", patchedOn: "2021-03-05", patchDays: 3 });
  await insertRow(legacy, "ServerCampaign", { serverId: 2, campaign: "proxylogon", organizationId: 1, status: "compromised", severity: 0, hostnameKey: "mail02", exposureFrom: "2021-03-03" });
  before = await dump();
  statusesBefore = await dumpStatuses();
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("the read index migrations on a database of the previous version", () => {
  it("keeps every span and every status row as it was", async () => {
    expect(await dump()).toEqual(before);
    expect(await dumpStatuses()).toEqual(statusesBefore);
    expect((await legacy.all<{ serverId: number }>(EXPOSURE_READ)).map((r) => Number(r.serverId))).toEqual([1, 1, 2]);
  });

  it("reads a page's spans of one campaign through the index that leads with the server", async () => {
    if (legacy.dialect === "sqlite") {
      const plan = JSON.stringify(await legacy.all(`EXPLAIN QUERY PLAN ${EXPOSURE_READ}`));
      expect(plan).toContain("StatusSpan_server_campaign_idx");
      expect(plan).not.toContain("StatusSpan_week");
    }
    const names = await indexesOf("StatusSpan");
    expect(names).toContain("StatusSpan_server_campaign_idx");
    expect(names).not.toContain("StatusSpan_serverId_idx");
  });

  it("reads time to patch from the patch times index alone", async () => {
    const names = await indexesOf("ServerCampaign");
    expect(names).toContain("ServerCampaign_patch_times_idx");
    expect(names).not.toContain("ServerCampaign_patch_days_idx");
    if (legacy.dialect === "sqlite") {
      const plan = JSON.stringify(
        await legacy.all(`EXPLAIN QUERY PLAN SELECT "patchedOn", COUNT(*) FROM "ServerCampaign" WHERE "campaign" IN ('proxylogon', 'all') AND "exposureFrom" IS NOT NULL AND "patchDays" IS NOT NULL GROUP BY "patchedOn"`),
      );
      expect(plan).toContain("COVERING INDEX ServerCampaign_patch_times_idx");
    }
  });
});
