// Issue 11 item 7: the weekly-digest migration adds the indexes over status spans by week and the table of digests
// sent, to a database of the previous version with nothing lost; deleting an organization removes its sent digests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateToLatest, type RawDatabase } from "../support/legacy-database";

const PREVIOUS = "20261204099999"; // every migration before the weekly digest's
let legacy: RawDatabase;
const dump = (table: string, order: string) => legacy.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY ${order}`);
let before: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = legacy.dialect === "sqlite" ? "2021-03-10T00:00:00.000+00:00" : "2021-03-10T00:00:00.000";
  await insertRow(legacy, "Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at });
  await insertRow(legacy, "Organization", { id: 2, slug: "cove", name: "Cove", nameKey: "cove", createdAt: at });
  await insertRow(legacy, "Server", { id: 1, organizationId: 1, hostname: "A1", hostnameKey: "a1", createdAt: at });
  await insertRow(legacy, "StatusSpan", { id: 1, serverId: 1, organizationId: 1, campaign: "proxylogon", status: "unpatched", fromDay: "2021-03-02", toDay: "2021-03-09" });
  await insertRow(legacy, "StatusSpan", { id: 2, serverId: 1, organizationId: 1, campaign: "proxylogon", status: "patched", fromDay: "2021-03-09", toDay: null });
  before = { Organization: await dump("Organization", `"id"`), Server: await dump("Server", `"id"`), StatusSpan: await dump("StatusSpan", `"id"`) };
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 11: the weekly-digest migration on a database of the previous version", () => {
  it("keeps organizations, servers and spans as they were, and has sent no digest", async () => {
    expect(await dump("Organization", `"id"`)).toEqual(before.Organization);
    expect(await dump("Server", `"id"`)).toEqual(before.Server);
    expect(await dump("StatusSpan", `"id"`)).toEqual(before.StatusSpan);
    expect(await dump("WeeklyDigestSent", `"organizationId"`)).toEqual([]);
  });

  it("indexes the spans by campaign, organization and day", async () => {
    const names =
      legacy.dialect === "sqlite"
        ? (await legacy.all<{ name: string }>(`SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'StatusSpan'`)).map((r) => r.name)
        : (await legacy.all<{ name: string }>(`SELECT indexname AS "name" FROM pg_indexes WHERE tablename = 'StatusSpan'`)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["StatusSpan_week_from_idx", "StatusSpan_week_to_idx"]));
  });

  it("remembers a sent digest once per organization and week, and forgets it with its organization", async () => {
    const at = legacy.dialect === "sqlite" ? "2026-12-07T00:00:00.000+00:00" : "2026-12-07T00:00:00.000";
    await insertRow(legacy, "WeeklyDigestSent", { organizationId: 2, weekFrom: "2026-11-30", sentAt: at });
    await expect(insertRow(legacy, "WeeklyDigestSent", { organizationId: 2, weekFrom: "2026-11-30", sentAt: at })).rejects.toThrow();
    if (legacy.dialect === "sqlite") await legacy.run("PRAGMA foreign_keys = ON");
    await legacy.run(`DELETE FROM "Organization" WHERE "id" = 2`);
    expect(await dump("WeeklyDigestSent", `"organizationId"`)).toEqual([]);
  });
});
