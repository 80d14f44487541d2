// The organizations' counts change by the difference since the migration that drops the rows the recount before it
// left standing (an organization with no server left under a campaign), on a database of the previous version: those
// rows go, every other stays as it was, and the next re-derive counts on from them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateToLatest, type RawDatabase } from "../support/legacy-database";

const PREVIOUS = "20261208099999"; // every migration before this one
let legacy: RawDatabase;
const dump = () => legacy.all<Record<string, unknown>>(`SELECT "campaign", "organizationId", "servers", "unpatched" FROM "OrganizationStatus" ORDER BY 2, 1`);
let before: Record<string, unknown>[];

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = (iso: string) => (legacy.dialect === "sqlite" ? `${iso}.000+00:00` : `${iso}.000`);
  for (const [id, slug] of [[1, "acme"], [2, "cove"]] as const) {
    await insertRow(legacy, "Organization", { id, slug, name: slug, nameKey: slug, createdAt: at("2021-03-10T00:00:00") });
  }
  await insertRow(legacy, "Server", { id: 1, organizationId: 1, hostname: "EXCH1", hostnameKey: "exch1", createdAt: at("2021-03-10T00:00:00") });
  await insertRow(legacy, "ServerCampaign", { serverId: 1, campaign: "all", organizationId: 1, status: "unpatched", severity: 1, hostnameKey: "exch1" });
  // Acme's row counts its server; Cove's is what the recount left when its last server was decommissioned.
  await insertRow(legacy, "OrganizationStatus", { campaign: "all", organizationId: 1, servers: 1, unpatched: 1 });
  await insertRow(legacy, "OrganizationStatus", { campaign: "all", organizationId: 2, servers: 3, unpatched: 3 });
  before = await dump();
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("the organizations' counts' migration on a database of the previous version", () => {
  it("drops the counts of an organization with no server under the campaign, and keeps the others as they were", async () => {
    expect(before).toHaveLength(2);
    expect(await dump()).toEqual([before[0]]);
  });
});
