// Issue 10 item 6: the list of recent imports and one import, scoped: a caller limited to organization A (a client
// viewer or a technician, signed in or by token) never sees an import into B, nor one into A and B together, and
// asking for it by id is a 404 exactly like an import that does not exist.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getImportRoute } from "@/app/api/v1/imports/[id]/route";
import { GET as listRoute } from "@/app/api/v1/imports/route";
import { POST as postScans } from "@/app/api/v1/scans/route";
import { getImport, listImportServers, listImports } from "@/lib/data/imports/import-list";
import { importScanFile } from "@/lib/data/imports/imports";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { tokenCaller, userCaller, type Caller } from "./callers";
import { call } from "./request";

const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
const A = "Acme Dental";
const B = "Zebulon Freight";
const rows = (org: string, host: string, day: string) => `${org},${host},,15.2.792.3,2021-03-${day}T10:00:00Z,,\n`;
const ids: Record<"a" | "b" | "both" | "aByTech" | "rejected", number> = { a: 0, b: 0, both: 0, aByTech: 0, rejected: 0 };
let unrestricted: Caller;
let limitedToA: Caller[];

const list = (caller: Caller, query = "") => call(listRoute, `/api/v1/imports${query}`, { headers: caller.headers });
const one = (caller: Caller, id: number | string) =>
  call((req) => getImportRoute(req, { params: Promise.resolve({ id: String(id) }) }), `/api/v1/imports/${id}`, { headers: caller.headers });

async function seed(fileName: string, csv: string): Promise<number> {
  const summary = await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(csv)]), fileName, origin: "api", maxBytes: 1e6 });
  return summary.id;
}

beforeAll(async () => {
  await resetDatabase();
  ids.a = await seed("acme.csv", HEADER + rows(A, "ACME-EX", "04"));
  ids.b = await seed("zebulon-secret.csv", HEADER + rows(B, "ZEB-EX", "04"));
  ids.both = await seed("both.csv", HEADER + rows(A, "ACME-EX", "05") + rows(B, "ZEB-EX", "05"));
  unrestricted = await userCaller("Owner", "owner", null);
  limitedToA = [
    await userCaller("Acme Viewer", "viewer", [A]),
    await userCaller("Acme Technician", "technician", [A]),
    await tokenCaller("acme viewer token", "viewer", ["acme-dental"]),
    await tokenCaller("acme technician token", "technician", ["acme-dental"]),
  ];
  // Uploaded by the limited technician through the API: it is theirs, and who uploaded it is recorded.
  const tech = limitedToA[3];
  const res = await call(postScans, "/api/v1/scans", { method: "POST", headers: { ...tech.headers, "content-type": "text/csv" }, body: HEADER + rows(A, "ACME-EX2", "06") });
  expect(res.status).toBe(201);
  ids.aByTech = res.json.import.id;
  // Every row rejected: it wrote to no organization, so it belongs to the uploader's scope (here: everything).
  ids.rejected = await seed("all-bad.csv", HEADER + "Acme Dental,,,15.2.792.3,2021-03-04T10:00:00Z,,\n");
});

describe("GET /api/v1/imports", () => {
  it("lists every import, newest first, to a caller who sees every organization, with who, when and what it did", async () => {
    const res = await list(unrestricted);
    expect(res.status).toBe(200);
    expect(res.json.data.map((r: { id: number }) => r.id)).toEqual([ids.rejected, ids.aByTech, ids.both, ids.b, ids.a]);
    expect(res.json).toMatchObject({ page: 1, pageSize: 25, total: 5 });
    expect(res.json.data[1]).toMatchObject({ uploadedBy: "acme technician token", source: "api", format: "canonical-csv", rows: 1, accepted: 1, rejected: 0, serversCreated: 1, serversUpdated: 0, newCompromises: 0 });
    expect(res.json.data[4]).toMatchObject({ fileName: "acme.csv", uploadedBy: "test" });
    expect(Date.parse(res.json.data[0].createdAt)).not.toBeNaN();
    const paged = await list(unrestricted, "?pageSize=2&page=2");
    expect(paged.json.data.map((r: { id: number }) => r.id)).toEqual([ids.both, ids.b]);
    expect((await list(unrestricted, "?pageSize=201")).status).toBe(400);
  });

  it("shows a caller limited to A only the imports into A alone", async () => {
    for (const caller of limitedToA) {
      const res = await list(caller);
      expect(res.status, caller.label).toBe(200);
      expect(res.json.data.map((r: { id: number }) => r.id), caller.label).toEqual([ids.aByTech, ids.a]);
      expect(res.json.total, caller.label).toBe(2);
      expect(res.text, caller.label).not.toMatch(/zebulon|both\.csv|all-bad/i);
    }
  });

  it("does the same in the data layer the pages call", async () => {
    const access = { actor: { type: "system" as const, label: "t" }, role: "viewer" as const, organizationIds: [-1], ip: null };
    expect((await listImports(access, { page: 1, pageSize: 25 })).total).toBe(0);
    expect(await getImport(access, ids.a)).toBeNull();
    expect(await listImportServers(access, ids.a, { page: 1, pageSize: 25 })).toBeNull();
  });
});

describe("GET /api/v1/imports/ID", () => {
  it("answers an import of A to callers limited to A, with its servers", async () => {
    for (const caller of limitedToA) {
      const res = await one(caller, ids.a);
      expect(res.status, caller.label).toBe(200);
      expect(res.json.import).toMatchObject({ id: ids.a, fileName: "acme.csv", changes: { "new-compromise": 0, worsened: 1, improved: 0, unchanged: 0 } });
      expect(res.json.servers.data).toEqual([
        expect.objectContaining({ hostname: "ACME-EX", organization: "acme-dental", before: null, after: "unpatched", change: "worsened" }),
      ]);
    }
  });

  it("is a 404 for B's import, for one into A and B, and for one that does not exist, all alike", async () => {
    for (const caller of limitedToA) {
      const answers = await Promise.all([ids.b, ids.both, ids.rejected, 999_999, "abc", "0", "99999999999"].map((id) => one(caller, id)));
      for (const res of answers) {
        expect(res.status, caller.label).toBe(404);
        expect(res.json).toEqual({ error: { code: "not_found", message: "Import not found." } });
      }
    }
    expect((await one(unrestricted, ids.both)).status).toBe(200);
    expect((await one(unrestricted, 999_999)).status).toBe(404);
  });

  it("needs a caller", async () => {
    expect((await call(listRoute, "/api/v1/imports")).status).toBe(401);
  });
});
