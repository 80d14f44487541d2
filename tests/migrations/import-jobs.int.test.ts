// Issue 12 item 3: the import-jobs migration adds the table of asynchronous uploads to a database of the previous
// version with nothing lost: imports and their organizations stay as they were, and no job is queued.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateToLatest, type RawDatabase } from "../support/legacy-database";

const PREVIOUS = "20261205099999"; // every migration before the import jobs'
let legacy: RawDatabase;
const dump = (table: string, order: string) => legacy.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY ${order}`);
let before: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = legacy.dialect === "sqlite" ? "2021-03-10T00:00:00.000+00:00" : "2021-03-10T00:00:00.000";
  await insertRow(legacy, "Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at });
  await insertRow(legacy, "Import", {
    id: 1, fileName: "scan.csv", fileHash: "abc", scopeKey: "1", format: "canonical-csv", bytes: 10, rows: 1, accepted: 1, rejected: 0, serversCreated: 1,
    serversUpdated: 0, errors: "[]", source: "api", createdAt: at,
  });
  await insertRow(legacy, "ImportOrganization", { importId: 1, organizationId: 1 });
  before = { Import: await dump("Import", `"id"`), ImportOrganization: await dump("ImportOrganization", `"importId"`) };
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 12: the import-jobs migration on a database of the previous version", () => {
  it("keeps imports and their organizations as they were, with no job", async () => {
    expect(await dump("Import", `"id"`)).toEqual(before.Import);
    expect(await dump("ImportOrganization", `"importId"`)).toEqual(before.ImportOrganization);
    expect(await dump("ImportJob", `"id"`)).toEqual([]);
  });

  it("stores a job with its defaults: no progress, no attempt, no answer", async () => {
    const at = legacy.dialect === "sqlite" ? "2026-12-07T00:00:00.000+00:00" : "2026-12-07T00:00:00.000";
    await insertRow(legacy, "ImportJob", {
      id: "11111111-2222-4333-8444-555555555555", state: "queued", actorType: "token", actorId: "3", actorLabel: "ci", role: "technician",
      organizationIds: "[1]", origin: "api", options: "{}", spoolPath: "/tmp/x", files: "[\"scan.csv\"]", bytes: 10, createdAt: at,
    });
    const [job] = await dump("ImportJob", `"id"`);
    expect(job).toMatchObject({ progressBytes: 0, progressRows: 0, attempts: 0, status: null, result: null, lockedUntil: null, phase: null });
  });
});
