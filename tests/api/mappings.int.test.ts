import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { DELETE, GET as GET_ONE } from "@/app/api/v1/mappings/[name]/route";
import { GET, POST } from "@/app/api/v1/mappings/route";
import { POST as POST_SCANS } from "@/app/api/v1/scans/route";
import { db } from "@/lib/data/db";
import { importScanFile } from "@/lib/data/imports/imports";
import { deleteOrganization } from "@/lib/data/fleet/organizations";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { tokenCaller, userCaller, type Caller } from "./callers";
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
    const org = await db.organizationStatus.findFirstOrThrow({ where: { campaign: "proxylogon" }, include: { organization: true } });
    expect(org).toMatchObject({ organization: { name: "Müller GmbH" }, servers: 2, patched: 1, unpatched: 1 });
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

// The scope matrix: an admin, an unrestricted technician, a technician limited to A and a token limited to A.
describe("column mappings and tenants", () => {
  const A = "Acme Dental";
  const B = "Zebulon Freight Co";
  const FIXED_COLUMNS = { hostname: "Server", exchange_build: "Version", scanned_at: "Checked" };
  let callers: Caller[];
  let admin: Caller;

  const send = (c: Caller, handler: (req: Request) => Promise<Response>, path: string, init: { method?: string; body?: BodyInit; type?: string } = {}) =>
    call(handler, path, { method: init.method, body: init.body, headers: { ...c.headers, ...(init.type ? { "content-type": init.type } : {}) } });
  const list = (c: Caller) => send(c, GET, "/api/v1/mappings");
  const getOne = (c: Caller, name: string) => send(c, (req) => GET_ONE(req, withName(name)), `/api/v1/mappings/${name}`);
  const remove = (c: Caller, name: string) => send(c, (req) => DELETE(req, withName(name)), `/api/v1/mappings/${name}`, { method: "DELETE" });
  const create = (c: Caller, body: unknown) => send(c, POST, "/api/v1/mappings", { method: "POST", body: JSON.stringify(body), type: "application/json" });
  const upload = (c: Caller, query: string, body: BodyInit = RMM) => send(c, POST_SCANS, `/api/v1/scans${query}`, { method: "POST", body, type: "text/csv" });
  const names = (res: { json: Record<string, { name: string }[]> }, key = "mappings") => res.json[key].map((m) => m.name).sort();
  const limited = () => callers.filter((c) => c.limited);
  const orgOf = async (name: string) => (await db.columnMapping.findUniqueOrThrow({ where: { name } })).fixedOrganization;
  function expectNoB(res: { text: string }, where: string) {
    expect(res.text.toLowerCase(), where).not.toContain("zebulon");
  }

  beforeEach(async () => {
    const csv = `organization,hostname,exchange_build,scanned_at\n${A},ACME-EX,15.1.2176.2,2021-03-08\n${B},ZEB-EX,15.1.2176.2,2021-03-08\n`;
    await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(csv)]), fileName: "both.csv", origin: "api", maxBytes: 1e6 });
    admin = await userCaller("Admin", "admin", null);
    callers = [admin, await userCaller("Technician for all", "technician", null), await userCaller("Technician for A", "technician", [A]), await tokenCaller("token for A", "technician", ["acme-dental"])];
    expect((await create(admin, { name: "zeb-fixed", columns: FIXED_COLUMNS, fixed: { organization: B } })).status).toBe(201);
    expect((await create(admin, { name: "acme-fixed", columns: FIXED_COLUMNS, fixed: { organization: A } })).status).toBe(201);
    expect((await create(admin, { ...RMM_MAPPING, name: "shared-rmm" })).status).toBe(201);
  });

  it("issue 8 item 8: a caller lists, reads and is offered only the mappings of organizations they may write, and shared ones", async () => {
    for (const c of callers) {
      const visible = c.limited ? ["acme-fixed", "shared-rmm"] : ["acme-fixed", "shared-rmm", "zeb-fixed"];
      const all = await list(c);
      expect(names(all), c.label).toEqual(visible);
      const offered = await upload(c, "");
      expect(offered.status).toBe(422);
      expect(names({ json: offered.json.error.details }), c.label).toEqual(visible);
      const other = await getOne(c, "zeb-fixed");
      const missing = await getOne(c, "no-such-mapping");
      expect(missing.status).toBe(404);
      if (c.limited) {
        // Exactly as a mapping that does not exist.
        expect(other.status, c.label).toBe(404);
        expect(other.text.replace("zeb-fixed", "no-such-mapping")).toBe(missing.text);
        for (const res of [all, offered, other]) expectNoB(res, c.label);
      } else {
        expect(other.json.mapping.fixed.organization).toBe(B);
      }
    }
  });

  it("issue 8 item 8: a limited caller can neither delete, replace nor shadow another organization's or a shared mapping", async () => {
    for (const c of limited()) {
      const other = await remove(c, "zeb-fixed");
      expect(other.status, c.label).toBe(404);
      expect(other.text.replace("zeb-fixed", "no-such-mapping")).toBe((await remove(c, "no-such-mapping")).text);
      const shared = await remove(c, "shared-rmm");
      expect(shared.status, c.label).toBe(403);
      // Re-made with their own organization fixed, it would send the MSP's next upload through it into A.
      const hijack = await create(c, { name: "zeb-fixed", columns: FIXED_COLUMNS, fixed: { organization: A } });
      expect(hijack.status, c.label).toBe(409);
      const shadow = await create(c, { ...RMM_MAPPING, name: "shared-rmm", fixed: { organization: A } });
      expect(shadow.status, c.label).toBe(409);
      for (const res of [other, shared, hijack, shadow]) expectNoB(res, c.label);
    }
    expect(await orgOf("zeb-fixed")).toBe(B);
    expect(await orgOf("shared-rmm")).toBeNull();
    const res = await upload(admin, "?mapping=zeb-fixed", Buffer.from("Server;Version;Checked\nZEB-EX2;15.1.2176.9;2021-03-10\n"));
    expect(res.status).toBe(201);
    expect((await db.server.findFirstOrThrow({ where: { hostname: "ZEB-EX2" }, include: { organization: true } })).organization.name).toBe(B);
  });

  it("issue 8 item 8: a limited caller saves mappings for their own organizations only, without learning whether another exists", async () => {
    for (const c of limited()) {
      const forB = await create(c, { name: "for-b", columns: FIXED_COLUMNS, fixed: { organization: B } });
      const forNobody = await create(c, { name: "nobody", columns: FIXED_COLUMNS, fixed: { organization: "Nobody Yet Ltd" } });
      expect([forB.status, forNobody.status], c.label).toEqual([403, 403]);
      expect(forB.json.error).toEqual(forNobody.json.error);
      expectNoB(forB, c.label);
      const unfixed = await create(c, { ...RMM_MAPPING, name: "all-orgs" });
      expect(unfixed.status, c.label).toBe(403);
      const own = await create(c, { name: "mine", columns: FIXED_COLUMNS, fixed: { organization: "  acme DENTAL " } });
      expect(own.status, c.label).toBe(201);
      expect(own.json.mapping.fixed.organization).toBe(A);
      expect(names(await list(admin))).toContain("mine");
      expect((await remove(c, "mine")).status).toBe(204);
    }
    expect(await db.columnMapping.count()).toBe(3);
    const audit = await db.auditEvent.findMany({ where: { action: { startsWith: "mapping_" }, target: "mine" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, JSON.parse(e.detail).organization])).toEqual([
      ["mapping_create", A],
      ["mapping_delete", A],
      ["mapping_create", A],
      ["mapping_delete", A],
    ]);
  });

  it("issue 8 item 8: an upload with mapping=NAME finds only the caller's mappings", async () => {
    const file = Buffer.from("Server;Version;Checked\nNEW-EX;15.1.2176.9;2021-03-10\n");
    for (const c of limited()) {
      const other = await upload(c, "?mapping=zeb-fixed", file);
      const missing = await upload(c, "?mapping=no-such-mapping", file);
      expect([other.status, missing.status], c.label).toEqual([422, 422]);
      expect(other.text.replace("zeb-fixed", "no-such-mapping")).toBe(missing.text);
      expect(other.json.error.details.mappings.sort()).toEqual(["acme-fixed", "shared-rmm"]);
      expectNoB(other, c.label);
      // A shared mapping reads the organization from the file: one naming B is refused whole.
      const naming = await upload(c, "?mapping=shared-rmm", Buffer.from(`Client;Server;Version;Checked\n${B};ZEB-NEW;15.1.2176.9;2021-03-10\n`));
      expect(naming.status, c.label).toBe(403);
      expectNoB(naming, c.label);
    }
    expect(await db.server.count({ where: { hostname: { in: ["NEW-EX", "ZEB-NEW"] } } })).toBe(0);
    const own = await upload(callers[2], "?mapping=acme-fixed", file);
    expect(own.status).toBe(201);
    expect((await db.server.findFirstOrThrow({ where: { hostname: "NEW-EX" }, include: { organization: true } })).organization.name).toBe(A);
  });

  it("issue 8 item 8: unrestricted callers see and delete every mapping, and one for a new organization stays theirs", async () => {
    const [, technician] = callers;
    const future = await create(technician, { name: "future", columns: FIXED_COLUMNS, fixed: { organization: "Future Client Ltd" } });
    expect(future.status).toBe(201);
    for (const c of callers) expect(names(await list(c)).includes("future"), c.label).toBe(!c.limited);
    expect((await remove(technician, "zeb-fixed")).status).toBe(204);
    expect((await remove(admin, "shared-rmm")).status).toBe(204);
    const deleted = await db.auditEvent.findFirstOrThrow({ where: { action: "mapping_delete", target: "zeb-fixed" } });
    expect(JSON.parse(deleted.detail)).toMatchObject({ organization: B });
    // Once the organization exists, the mapping belongs to it like any other.
    expect((await upload(technician, "?mapping=future", Buffer.from("Server;Version;Checked\nFUT-EX;15.1.2176.9;2021-03-10\n"))).status).toBe(201);
    const futureUser = await userCaller("Technician for Future", "technician", ["Future Client Ltd"]);
    expect(names(await list(futureUser))).toEqual(["future"]);
  });
});

describe("a mapping fixed to an organization", () => {
  it("goes when the organization is deleted", async () => {
    await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from("organization,hostname,exchange_build,scanned_at\nGone Ltd,G1,15.1.2176.9,2021-03-08\n")]), fileName: null, origin: "api", maxBytes: 1e6 });
    expect((await createMapping({ name: "gone", columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "gone ltd" } })).json.mapping.fixed).toEqual({ organization: "Gone Ltd" });
    await deleteOrganization(TEST_ACCESS, "gone-ltd", "Gone Ltd");
    expect(await db.columnMapping.count()).toBe(0);
  });
});
