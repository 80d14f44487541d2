// Issue 11 item 5: the webhooks migration adds its two tables to a database of the previous version with nothing
// lost, and they take rows with their defaults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateToLatest, type RawDatabase } from "../support/legacy-database";

const PREVIOUS = "20261202119999"; // every migration before the webhooks one
let legacy: RawDatabase;
const dump = (table: string, order: string) => legacy.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY ${order}`);
let before: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = legacy.dialect === "sqlite" ? "2026-12-01T10:00:00.000+00:00" : "2026-12-01T10:00:00.000";
  await insertRow(legacy, "Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at });
  await insertRow(legacy, "Server", { id: 1, organizationId: 1, hostname: "EX1", hostnameKey: "ex1", createdAt: at });
  await insertRow(legacy, "Setting", { key: "app.staleAfterDays", value: "9" });
  await insertRow(legacy, "AuditEvent", { id: 1, at, actorType: "system", actor: "system", action: "settings_update", detail: "{}" });
  before = { Organization: await dump("Organization", `"id"`), Server: await dump("Server", `"id"`), Setting: await dump("Setting", `"key"`), AuditEvent: await dump("AuditEvent", `"id"`) };
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 11: the webhooks migration", () => {
  it("keeps what was there", async () => {
    // Later migrations add columns; the ones that were there keep their values.
    for (const [table, rows] of Object.entries(before)) {
      const after = await dump(table, table === "Setting" ? `"key"` : `"id"`);
      expect(after.map((row) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, row[k]])))).toEqual(rows);
    }
  });

  it("adds the webhooks and their outbox, empty, with their defaults and the cascade", async () => {
    expect(await legacy.all(`SELECT * FROM "Webhook"`)).toEqual([]);
    expect(await legacy.all(`SELECT * FROM "WebhookDelivery"`)).toEqual([]);
    await legacy.run(`INSERT INTO "Webhook" ("name", "url", "secret", "events", "createdBy") VALUES ('Ops', 'https://hooks.example.com/x', 'v1.a.b.c', '["import.failed"]', 'admin@msp.example')`);
    const [hook] = await legacy.all<{ id: number; organizations: string; payload: string; active: unknown }>(`SELECT "id", "organizations", "payload", "active" FROM "Webhook"`);
    expect({ ...hook, active: Boolean(hook.active) }).toMatchObject({ organizations: "[]", payload: "json", active: true });
    await legacy.run(`INSERT INTO "WebhookDelivery" ("webhookId", "eventType", "eventId", "body", "nextAttemptAt") VALUES (${Number(hook.id)}, 'import.failed', 'e1', '{}', CURRENT_TIMESTAMP)`);
    const [delivery] = await legacy.all<{ status: string; attempts: number }>(`SELECT "status", "attempts" FROM "WebhookDelivery"`);
    expect({ status: delivery.status, attempts: Number(delivery.attempts) }).toEqual({ status: "pending", attempts: 0 });
    if (legacy.dialect === "sqlite") await legacy.run(`PRAGMA foreign_keys = ON`);
    await legacy.run(`DELETE FROM "Webhook"`);
    expect(await legacy.all(`SELECT * FROM "WebhookDelivery"`)).toEqual([]);
  });
});
