// Issue 11 item 3: the branding migration adds the MSP's name and logo table to a database of the previous version
// with nothing lost, and the table holds the logo's bytes as they were written (a BLOB, a BYTEA).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateToLatest, type RawDatabase } from "../support/legacy-database";
import { tinyPng } from "../support/tiny-png";

const PREVIOUS = "20261203299999"; // every migration before the branding one
let legacy: RawDatabase;
const dump = (table: string, order: string) => legacy.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY ${order}`);
let before: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = legacy.dialect === "sqlite" ? "2021-03-10T00:00:00.000+00:00" : "2021-03-10T00:00:00.000";
  await insertRow(legacy, "Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at });
  await insertRow(legacy, "Server", { id: 1, organizationId: 1, hostname: "A1", hostnameKey: "a1", createdAt: at });
  await insertRow(legacy, "Setting", { key: "app.staleAfterDays", value: "14" });
  before = { Organization: await dump("Organization", `"id"`), Server: await dump("Server", `"id"`), Setting: await dump("Setting", `"key"`) };
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 11: the branding migration on a database of the previous version", () => {
  it("keeps organizations, servers and settings as they were, and starts with no branding", async () => {
    expect(await dump("Organization", `"id"`)).toEqual(before.Organization);
    expect(await dump("Server", `"id"`)).toEqual(before.Server);
    expect(await dump("Setting", `"key"`)).toEqual(before.Setting);
    expect(await dump("Branding", `"id"`)).toEqual([]);
  });

  it("stores a logo's bytes exactly", async () => {
    const png = tinyPng();
    const at = legacy.dialect === "sqlite" ? "2026-12-02T00:00:00.000+00:00" : "2026-12-02T00:00:00.000";
    await insertRow(legacy, "Branding", { id: 1, name: "Northwind IT", logo: png, logoType: "image/png", updatedAt: at });
    const [row] = await legacy.all<{ name: string; logo: Uint8Array }>(`SELECT "name", "logo" FROM "Branding"`);
    expect(row.name).toBe("Northwind IT");
    expect(Buffer.from(row.logo).equals(png)).toBe(true);
  });
});
