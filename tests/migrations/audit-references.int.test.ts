// Issue 10: a database of the previous version, whose audit events named people and things only in words,
// migrates with nothing lost: every event and every recorded word stays as it was, and the events whose words say
// without doubt whom or what they meant (an email, a token's id in the detail, "server 7") now point at them, so
// that the log shows today's names, and "deleted" where they are gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, openDatabase, runWithDatabase, type RawDatabase, insertRow, migrateToLatest } from "../support/legacy-database";

const PREVIOUS = "20261202089999"; // every migration before the audit references one
const ORIGINAL_COLUMNS = `"id", "at", "actorType", "actor", "action", "target", "detail", "ip"`;
let legacy: RawDatabase;
let ts: (iso: string) => string;
let before: Record<string, unknown>[];

const insert = (table: string, row: Record<string, unknown>) => insertRow(legacy, table, row);

type Event = [id: number, actorType: string, actor: string, action: string, target: string | null, detail: string, ip: string | null];
const EVENTS: Event[] = [
  [1, "user", "owner@example.test", "sign_in", "owner@example.test", "{}", "::ffff:10.0.0.1"],
  [2, "user", "owner@example.test", "remediate", "server 7", '{"note":"web shell removed"}', "192.0.2.1"],
  [3, "user", "owner@example.test", "remediate", "server 99", '{"note":"rebuilt"}', "192.0.2.1"],
  [4, "user", "owner@example.test", "token_create", "Nightly", '{"id":3,"role":"technician","organizations":[],"expiresOn":null}', null],
  [5, "user", "owner@example.test", "token_revoke", "dup", '{"id":5}', null],
  [6, "token", "Nightly", "upload", "scan.csv", '{"importId":1}', null],
  [7, "token", "dup", "upload", "other.csv", '{"importId":2}', null],
  [8, "user", "owner@example.test", "user_create", "cleo@example.test", '{"role":"viewer"}', null],
  [9, "user", "owner@example.test", "user_update", "gone@example.test", '{"role":"viewer"}', null],
  [10, "anonymous", "who@example.test", "sign_in_failed", null, '{"reason":"wrong password"}', "::ffff:192.0.2.9"],
  [11, "user", "owner@example.test", "organization_delete", "Birch Law", '{"slug":"birch-law","servers":2}', null],
  [12, "user", "ghost@example.test", "remediate", "server 7x", '{"note":"?"}', null],
  [13, "system", "system", "campaign_add", "my-campaign", '{"name":"Mine"}', null],
];

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  ts = legacy.dialect === "sqlite" ? (iso) => new Date(iso).toISOString().replace("Z", "+00:00") : (iso) => new Date(iso).toISOString().slice(0, -1);
  const created = ts("2021-03-01T00:00:00Z");
  const yes = legacy.dialect === "sqlite" ? 1 : true;
  await insert("Organization", { id: 1, slug: "harbor", name: "Harbor County", nameKey: "harbor county", createdAt: created });
  await insert("Server", { id: 7, organizationId: 1, hostname: "EXCH01", hostnameKey: "exch01", createdAt: created });
  for (const [id, name, email] of [["u-owner", "Olivia Owner", "owner@example.test"], ["u-cleo", "Cleo Client", "cleo@example.test"]]) {
    await insert("User", { id, name, email, emailVerified: yes, role: "owner", active: yes, allOrganizations: yes, createdAt: created, updatedAt: created });
  }
  for (const [id, name] of [[3, "Nightly"], [4, "dup"], [5, "dup"]] as const) {
    await insert("ApiToken", { id, name, tokenHash: `hash-${id}`, role: "admin", createdAt: created });
  }
  for (const [id, actorType, actor, action, target, detail, ip] of EVENTS) {
    await insert("AuditEvent", { id, at: ts(`2021-03-05T10:${String(id).padStart(2, "0")}:00Z`), actorType, actor, action, target, detail, ip });
  }
  before = await legacy.all(`SELECT ${ORIGINAL_COLUMNS} FROM "AuditEvent" ORDER BY "id"`);
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 10: the audit references migration on a database of the previous version", () => {
  it("keeps every event and every recorded word as it was", async () => {
    expect(before).toHaveLength(EVENTS.length);
    expect(await legacy.all(`SELECT ${ORIGINAL_COLUMNS} FROM "AuditEvent" ORDER BY "id"`)).toEqual(before);
  });

  it("points the events at whom and what their words meant, where they say it without doubt", async () => {
    const rows = await legacy.all<{ id: number; actorId: string | null; targetType: string | null; targetId: string | null }>(
      `SELECT "id", "actorId", "targetType", "targetId" FROM "AuditEvent" ORDER BY "id"`,
    );
    const refs = Object.fromEntries(rows.map((r) => [Number(r.id), [r.actorId, r.targetType, r.targetId]]));
    expect(refs).toEqual({
      1: ["u-owner", null, null], // a sign-in names its own user: nothing to point at
      2: ["u-owner", "server", "7"],
      3: ["u-owner", "server", "99"], // deleted since: still a server, by its id
      4: ["u-owner", "token", "3"],
      5: ["u-owner", "token", "5"],
      6: ["3", null, null],
      7: [null, null, null], // two tokens had that name: not guessed
      8: ["u-owner", "user", "u-cleo"],
      9: ["u-owner", null, null], // no such user
      10: [null, null, null],
      11: ["u-owner", null, null], // the organization's id was not recorded
      12: [null, null, null], // neither a known user nor "server <id>"
      13: [null, null, null],
    });
  });

  it("reads as a story afterwards: today's names, what was deleted, addresses as people write them", async () => {
    await legacy.close();
    const story = JSON.parse(runWithDatabase(legacy.url, "./tests/support/audit-story.ts", "readAuditStory")) as {
      id: number;
      by: { name: string; deleted: boolean };
      on: { name: string; context: string | null; deleted: boolean } | null;
      ip: string | null;
    }[];
    legacy = await openDatabase(legacy.url);
    const event = (id: number) => story.find((e) => e.id === id)!;
    expect(event(1)).toMatchObject({ by: { name: "Olivia Owner", deleted: false }, ip: "10.0.0.1" });
    expect(event(2).on).toMatchObject({ name: "EXCH01", context: "Harbor County", deleted: false });
    expect(event(3).on).toMatchObject({ name: "server 99", deleted: true });
    expect(event(5).on).toMatchObject({ name: "dup", deleted: false });
    expect(event(6).by).toMatchObject({ name: "Nightly", deleted: false });
    expect(event(7).by).toMatchObject({ name: "dup", deleted: false });
    expect(event(8).on).toMatchObject({ name: "Cleo Client", context: "cleo@example.test" });
    expect(event(10)).toMatchObject({ by: { name: "who@example.test" }, ip: "192.0.2.9" });
    expect(event(12)).toMatchObject({ by: { name: "ghost@example.test", deleted: false }, on: { name: "server 7x", deleted: false } });
  });
});
