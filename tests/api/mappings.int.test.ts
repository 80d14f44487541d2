import { beforeEach, describe, expect, it } from "vitest";
import { DELETE, GET as GET_ONE } from "@/app/api/v1/mappings/[name]/route";
import { GET, POST } from "@/app/api/v1/mappings/route";
import { POST as POST_SCANS } from "@/app/api/v1/scans/route";
import { db } from "@/lib/data/db";
import { createApiToken } from "@/lib/data/tokens";
import { resetDatabase } from "../reset-database";
import { call } from "./request";

// An RMM tool's inventory export: semicolons, its own column names, a Latin-1 "ü".
const RMM = new Uint8Array(Buffer.from("Client;Server;Version;Checked;Notes\nMüller GmbH;EX01;15.1.2176.9;2021-03-10;ok\nMüller GmbH;EX02;15.1.2176.2;2021-03-10;\n", "latin1"));
const RMM_MAPPING = { name: "rmm-inventory", columns: { organization: "Client", hostname: "Server", exchange_build: "Version", scanned_at: "Checked" } };
let token: string;

const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const createMapping = (body: unknown) => call(POST, "/api/v1/mappings", { method: "POST", token, ...json(body) });
const withName = (name: string) => ({ params: Promise.resolve({ name }) });
const uploadRmm = (query = "") => call(POST_SCANS, `/api/v1/scans${query}`, { method: "POST", token, body: RMM, headers: { "content-type": "text/csv" } });

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("test")).token;
});

describe("a CSV with an unknown header", () => {
  it("is answered 422 with the header found, the first rows and no mapping yet", async () => {
    const res = await uploadRmm();
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("unmapped_header");
    expect(res.json.error.details).toMatchObject({ header: ["Client", "Server", "Version", "Checked", "Notes"], delimiter: ";", mappings: [] });
    expect(res.json.error.details.preview[0]).toEqual(["Müller GmbH", "EX01", "15.1.2176.9", "2021-03-10", "ok"]);
    expect(await db.import.count()).toBe(0);
  });

  it("lists the saved mappings that fit it, and imports with mapping=NAME", async () => {
    expect((await createMapping(RMM_MAPPING)).status).toBe(201);
    expect((await createMapping({ name: "other", columns: { hostname: "Host", exchange_build: "Build" } })).status).toBe(201);
    const refused = await uploadRmm();
    expect(refused.json.error.details.mappings.map((m: { name: string }) => m.name)).toEqual(["rmm-inventory"]);

    const res = await uploadRmm("?mapping=rmm-inventory");
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "mapped-csv", rows: 2, accepted: 2, serversCreated: 2 });
    const org = await db.organization.findFirstOrThrow();
    expect(org).toMatchObject({ name: "Müller GmbH", servers: 2, patched: 1, unpatched: 1 });
  });

  it("takes a fixed organization and scan date from the mapping", async () => {
    const mapping = { name: "fixed", columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "Lakeside Clinic", scanned_at: "2021-03-20T00:00:00Z" } };
    expect((await createMapping(mapping)).status).toBe(201);
    const res = await uploadRmm("?mapping=fixed");
    expect(res.status).toBe(201);
    const servers = await db.server.findMany({ include: { organization: true } });
    expect(servers.map((s) => s.organization.name)).toEqual(["Lakeside Clinic", "Lakeside Clinic"]);
    expect(servers[0].lastScanAt?.toISOString()).toBe("2021-03-20T00:00:00.000Z");
  });

  it("answers an unknown mapping name with 422 listing the saved ones", async () => {
    await createMapping(RMM_MAPPING);
    const res = await uploadRmm("?mapping=nope");
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "unknown_mapping", details: { mappings: ["rmm-inventory"] } });
  });
});

describe("/api/v1/mappings", () => {
  it("creates, lists, reads and deletes a mapping", async () => {
    const created = await createMapping({ ...RMM_MAPPING, fixed: { organization: "Acme" } });
    expect(created.status).toBe(201);
    expect(created.json.mapping).toMatchObject({ name: "rmm-inventory", columns: RMM_MAPPING.columns, fixed: { organization: "Acme" } });
    const list = await call(GET, "/api/v1/mappings", { token });
    expect(list.json.mappings.map((m: { name: string }) => m.name)).toEqual(["rmm-inventory"]);
    const one = await call((req) => GET_ONE(req, withName("rmm-inventory")), "/api/v1/mappings/rmm-inventory", { token });
    expect(one.status).toBe(200);
    const del = await call((req) => DELETE(req, withName("rmm-inventory")), "/api/v1/mappings/rmm-inventory", { method: "DELETE", token });
    expect(del.status).toBe(204);
    const again = await call((req) => DELETE(req, withName("rmm-inventory")), "/api/v1/mappings/rmm-inventory", { method: "DELETE", token });
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe("not_found");
  });

  it("refuses a second mapping of the same name with 409", async () => {
    await createMapping(RMM_MAPPING);
    const res = await createMapping(RMM_MAPPING);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("mapping_exists");
  });

  it.each([
    ["no hostname column", { name: "x", columns: { exchange_build: "Version" } }],
    ["an unknown column key", { name: "x", columns: { hostname: "A", exchange_build: "B", colour: "C" } }],
    ["an upper-case name", { name: "RMM", columns: { hostname: "A", exchange_build: "B" } }],
    ["a bad fixed date", { name: "x", columns: { hostname: "A", exchange_build: "B" }, fixed: { scanned_at: "yesterday" } }],
  ])("rejects %s with 400 and the field at fault", async (_why, body) => {
    const res = await createMapping(body);
    expect(res.status).toBe(400);
    expect(res.json.error.details.length).toBeGreaterThan(0);
    expect(await db.columnMapping.count()).toBe(0);
  });

  it("rejects a body that is not JSON, and needs a token", async () => {
    const bad = await call(POST, "/api/v1/mappings", { method: "POST", token, body: "{", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_json");
    const anonymous = await call(GET, "/api/v1/mappings", { token: null });
    expect(anonymous.status).toBe(401);
  });
});
