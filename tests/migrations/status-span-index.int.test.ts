// The servers list's open exposures read a page's servers' spans of one campaign (lib/data/fleet/exposure.ts). A
// database of the previous version migrates with every span kept, and that read then goes through the index that
// leads with the server, not through a campaign-led one that reads every span of the campaign.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, type RawDatabase, insertRow, migrateToLatest } from "../support/legacy-database";

const PREVIOUS = "20261206099999"; // every migration before the status span index one
let legacy: RawDatabase;
let before: Record<string, unknown>[];

const dump = () => legacy.all<Record<string, unknown>>(`SELECT * FROM "StatusSpan" ORDER BY "id"`);
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
  before = await dump();
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("the status span index migration on a database of the previous version", () => {
  it("keeps every span as it was", async () => {
    expect(await dump()).toEqual(before);
    expect((await legacy.all<{ serverId: number }>(EXPOSURE_READ)).map((r) => Number(r.serverId))).toEqual([1, 1, 2]);
  });

  it("reads a page's spans of one campaign through the index that leads with the server", async () => {
    if (legacy.dialect === "sqlite") {
      const plan = JSON.stringify(await legacy.all(`EXPLAIN QUERY PLAN ${EXPOSURE_READ}`));
      expect(plan).toContain("StatusSpan_server_campaign_idx");
      expect(plan).not.toContain("StatusSpan_week");
    }
    const indexes =
      legacy.dialect === "sqlite"
        ? await legacy.all<{ name: string }>(`SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'StatusSpan'`)
        : await legacy.all<{ name: string }>(`SELECT indexname AS "name" FROM pg_indexes WHERE tablename = 'StatusSpan'`);
    const names = indexes.map((r) => r.name);
    expect(names).toContain("StatusSpan_server_campaign_idx");
    expect(names).not.toContain("StatusSpan_serverId_idx");
  });
});
