// Issue 12 item 1: the server-resume migration adds where an import may resume re-deriving a server to a database of
// the previous version with nothing lost; servers start with none (their next import re-derives them whole).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateToLatest, type RawDatabase } from "../support/legacy-database";

const PREVIOUS = "20261205199999"; // every migration before the server-resume one
let legacy: RawDatabase;
const dump = (table: string, order: string) => legacy.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY ${order}`);
let before: Record<string, Record<string, unknown>[]>;
const TABLES: [string, string][] = [["Organization", `"id"`], ["Server", `"id"`], ["Scan", `"id"`], ["StatusSpan", `"serverId", "campaign", "fromDay"`]];

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = (iso: string) => (legacy.dialect === "sqlite" ? `${iso}.000+00:00` : `${iso}.000`);
  await insertRow(legacy, "Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at("2021-03-10T00:00:00") });
  await insertRow(legacy, "Server", { id: 1, organizationId: 1, hostname: "EXCH1", hostnameKey: "exch1", build: "15.1.2176.2", createdAt: at("2021-03-10T00:00:00") });
  await insertRow(legacy, "Scan", { id: 1, serverId: 1, scannedAt: at("2021-03-10T08:00:00"), build: "15.1.2176.2", source: "canonical", patchEvidence: "build" });
  await insertRow(legacy, "StatusSpan", { serverId: 1, organizationId: 1, campaign: "proxylogon", status: "unpatched", fromDay: "2021-03-10", toDay: null });
  before = Object.fromEntries(await Promise.all(TABLES.map(async ([t, order]) => [t, await dump(t, order)] as const)));
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 12 item 1: the server-resume migration on a database of the previous version", () => {
  it("keeps organizations, servers, scans and spans as they were, and starts with no resume point", async () => {
    for (const [table, order] of TABLES) expect(await dump(table, order)).toEqual(before[table]);
    expect(await dump("ServerResume", `"serverId"`)).toEqual([]);
  });

  it("holds one resume point per server, gone with its server", async () => {
    await insertRow(legacy, "ServerResume", { serverId: 1, scanIds: "1", through: "2021-03-10" });
    await expect(insertRow(legacy, "ServerResume", { serverId: 1, scanIds: "1", through: "2021-03-10" })).rejects.toThrow();
    await legacy.run(`DELETE FROM "Server" WHERE "id" = 1`);
    expect(await dump("ServerResume", `"serverId"`)).toEqual([]);
  });
});
