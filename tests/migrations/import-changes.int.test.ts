// Issue 10 item 6: a database of the previous version migrates with nothing lost: every import, scan and audit event
// stays; each import learns who uploaded it (from the audit log) and which organizations it wrote to (from its
// scans), so the imports list shows it to the same callers; its before/after statuses, never recorded, stay null.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, type RawDatabase, insertRow, migrateToLatest } from "../support/legacy-database";

const PREVIOUS = "20261202090999"; // every migration before the import changes one (the last is 20261202090000_audit_references)
let legacy: RawDatabase;
let ts: (iso: string) => string;

const insert = (table: string, row: Record<string, unknown>) => insertRow(legacy, table, row);

const IMPORT = { format: "canonical-csv", bytes: 100, rows: 1, accepted: 1, rejected: 0, serversCreated: 1, serversUpdated: 0, indicators: 0, errors: "[]", source: "upload" };
const dump = (table: string, order: string) => legacy.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY ${order}`);
let before: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  ts = legacy.dialect === "sqlite" ? (iso) => new Date(iso).toISOString().replace("Z", "+00:00") : (iso) => new Date(iso).toISOString().slice(0, -1);
  const at = ts("2021-03-10T00:00:00Z");
  await insert("Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at });
  await insert("Organization", { id: 2, slug: "zebra", name: "Zebra", nameKey: "zebra", createdAt: at });
  await insert("Server", { id: 1, organizationId: 1, hostname: "A1", hostnameKey: "a1", createdAt: at });
  await insert("Server", { id: 2, organizationId: 2, hostname: "Z1", hostnameKey: "z1", createdAt: at });
  // 1: into Acme, by a user; 2: into Acme and Zebra, by a token, and sent again later by someone else (a duplicate);
  // 3: every row rejected, nothing stored; 4: no audit event at all.
  await insert("Import", { id: 1, fileName: "acme.csv", fileHash: "h1", scopeKey: "orgs:1", ...IMPORT, createdAt: at });
  await insert("Import", { id: 2, fileName: "both.csv", fileHash: "h2", scopeKey: "orgs:1,2", ...IMPORT, source: "api", tokenId: 7, createdAt: at });
  await insert("Import", { id: 3, fileName: "bad.csv", fileHash: "h3", scopeKey: "caller:*", ...IMPORT, accepted: 0, rejected: 1, errors: '[{"line":2,"message":"hostname is missing"}]', createdAt: at });
  await insert("Import", { id: 4, fileName: null, fileHash: "h4", scopeKey: "orgs:2", ...IMPORT, createdAt: at });
  let scan = 0;
  for (const [importId, serverId] of [[1, 1], [2, 1], [2, 2], [4, 2]]) {
    await insert("Scan", { id: ++scan, serverId, importId, scannedAt: ts(`2021-03-0${scan}T10:00:00Z`), build: "15.1.2176.2", source: "canonical", patchEvidence: "build" });
  }
  const event = (id: number, actor: string, action: string, detail: string) => insert("AuditEvent", { id, at, actorType: "user", actor, action, target: null, detail, ip: null });
  await event(1, "tech@msp.example", "upload", JSON.stringify({ importId: 1, fileHash: "h1", format: "canonical-csv", rows: 1, duplicate: false }));
  await event(2, "ci token", "upload", JSON.stringify({ importId: 2, fileHash: "h2", duplicate: false }));
  await event(3, "later@msp.example", "upload", JSON.stringify({ importId: 2, fileHash: "h2", duplicate: true }));
  await event(4, "admin@msp.example", "upload", JSON.stringify({ importId: 3, fileHash: "h3" }));
  await event(5, "someone@msp.example", "sign_in", "not json");
  await event(6, "someone@msp.example", "upload", JSON.stringify({ importId: 12, fileHash: "gone" }));
  if (legacy.dialect === "postgres") {
    for (const table of ["Organization", "Server", "Import", "Scan", "AuditEvent"]) {
      await legacy.run(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
    }
  }
  before = { Import: await dump("Import", `"id"`), Scan: await dump("Scan", `"id"`), AuditEvent: await dump("AuditEvent", `"id"`) };
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 10: the import changes migration on a database of the previous version", () => {
  it("keeps every import, scan and audit event as it was", async () => {
    const imports = await dump("Import", `"id"`);
    const NEW = ["uploadedBy", "newCompromises", "worsened", "improved", "unchanged"];
    expect(imports.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !NEW.includes(k))))).toEqual(before.Import);
    expect(await dump("Scan", `"id"`)).toEqual(before.Scan);
    expect(await dump("AuditEvent", `"id"`)).toEqual(before.AuditEvent);
  });

  it("names who uploaded each import from the first upload event naming it, and leaves the rest unknown", async () => {
    const rows = await legacy.all<{ id: number; uploadedBy: string | null }>(`SELECT "id", "uploadedBy" FROM "Import" ORDER BY "id"`);
    expect(rows.map((r) => [Number(r.id), r.uploadedBy])).toEqual([
      [1, "tech@msp.example"],
      [2, "ci token"],
      [3, "admin@msp.example"],
      [4, null],
    ]);
  });

  it("records the organizations each import wrote to, from its scans, so the list shows it to the same callers", async () => {
    const rows = await legacy.all<{ importId: number; organizationId: number }>(`SELECT "importId", "organizationId" FROM "ImportOrganization" ORDER BY "importId", "organizationId"`);
    expect(rows.map((r) => [Number(r.importId), Number(r.organizationId)])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [4, 2],
    ]);
  });

  it("leaves the before/after statuses of older imports unrecorded, and the new table empty", async () => {
    const counts = await legacy.all(`SELECT "newCompromises", "worsened", "improved", "unchanged" FROM "Import"`);
    expect(counts.every((c) => Object.values(c).every((v) => v === null))).toBe(true);
    expect(await legacy.all(`SELECT * FROM "ImportServer"`)).toEqual([]);
  });
});
