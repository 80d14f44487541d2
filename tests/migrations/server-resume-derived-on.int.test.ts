// Issue 12 item 1: the migration that keeps, with each resume point, the day its state was derived and the anchors a
// steady re-derive added (lib/domain/steady.ts), on a database of the previous version: nothing lost, and the
// existing resume points have neither, so their next import replays them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLegacyDatabase, insertRow, migrateToLatest, type RawDatabase } from "../support/legacy-database";

const PREVIOUS = "20261207099999"; // every migration before this one
let legacy: RawDatabase;
const dump = (table: string) => legacy.all<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY 1`);
let before: Record<string, unknown>[];

beforeAll(async () => {
  legacy = await createLegacyDatabase(PREVIOUS);
  const at = (iso: string) => (legacy.dialect === "sqlite" ? `${iso}.000+00:00` : `${iso}.000`);
  await insertRow(legacy, "Organization", { id: 1, slug: "acme", name: "Acme", nameKey: "acme", createdAt: at("2021-03-10T00:00:00") });
  await insertRow(legacy, "Server", { id: 1, organizationId: 1, hostname: "EXCH1", hostnameKey: "exch1", build: "15.1.2176.2", createdAt: at("2021-03-10T00:00:00") });
  await insertRow(legacy, "Scan", { id: 7, serverId: 1, scannedAt: at("2021-03-10T08:00:00"), build: "15.1.2176.2", source: "canonical", patchEvidence: "build" });
  await insertRow(legacy, "ServerResume", { serverId: 1, scanIds: "7", through: "2021-03-10" });
  before = await dump("ServerResume");
  legacy = await migrateToLatest(legacy);
}, 120_000);

afterAll(async () => {
  await legacy?.drop();
});

describe("issue 12 item 1: the steady re-derive's migration on a database of the previous version", () => {
  it("keeps every resume point as it was, with no day of derive and no anchors added", async () => {
    expect(await dump("ServerResume")).toEqual(before.map((r) => ({ ...r, derivedOn: null, steadyIds: null })));
  });

  it("stores both with a resume point", async () => {
    await legacy.run(`UPDATE "ServerResume" SET "derivedOn" = '2026-12-03', "steadyIds" = '7' WHERE "serverId" = 1`);
    expect(await dump("ServerResume")).toEqual([{ serverId: 1, scanIds: "7", through: "2021-03-10", derivedOn: "2026-12-03", steadyIds: "7" }]);
  });
});
