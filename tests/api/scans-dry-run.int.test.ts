// Issue 10 item 6: POST /api/v1/scans?dryRun=1 reads and checks an upload exactly as the import would and writes
// nothing; it names the organizations the upload would create.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { db } from "@/lib/data/db";
import { resetDatabase } from "../reset-database";
import { call } from "./request";

const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
const KNOWN = HEADER + "Harbor,H1,,15.2.792.3,2021-03-04T10:00:00Z,,\n";
const MIXED = HEADER + [
  "Harbor,H1,,15.2.792.10,2021-03-09T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\a.aspx;C:\\temp\\b.aspx,",
  "Harbor,H2,,15.2.792.10,2021-03-09T10:00:00Z,,",
  "New Client,N1,,15.2.792.3,2021-03-09T10:00:00Z,,",
  "new client,N2,,15.2.792.3,2021-03-09T10:00:00Z,,",
  "Other Newcomer,O1,,banana,2021-03-09T10:00:00Z,,",
  "Other Newcomer,O2,,15.2.792.3,2021-03-09T10:00:00Z,,",
  "Harbor,,,15.2.792.3,2021-03-09T10:00:00Z,,",
].join("\n") + "\n";

let token: string;
const post = (body: BodyInit, query = "?dryRun=1", headers: Record<string, string> = { "content-type": "text/csv" }, t = token) =>
  call(POST, `/api/v1/scans${query}`, { method: "POST", token: t, body, headers });

async function snapshot() {
  const [organizations, servers, scans, indicators, imports, importServers, statuses, audit, mappings] = await Promise.all([
    db.organization.count(), db.server.count(), db.scan.count(), db.indicator.count(), db.import.count(), db.importServer.count(),
    db.serverCampaign.findMany({ orderBy: [{ serverId: "asc" }, { campaign: "asc" }] }), db.auditEvent.count(), db.columnMapping.count(),
  ]);
  return { organizations, servers, scans, indicators, imports, importServers, statuses, audit, mappings };
}

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("admin")).token;
  expect((await post(KNOWN, "")).status).toBe(201);
});

describe("POST /api/v1/scans?dryRun=1", () => {
  it("writes nothing and answers the would-be summary with the organizations it would create", async () => {
    const before = await snapshot();
    const dry = await post(MIXED);
    expect(dry.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    expect(dry.json.dryRun).toBe(true);
    expect(dry.json.newOrganizations).toEqual(["New Client", "Other Newcomer"]);
    expect(dry.json.import).toMatchObject({
      id: null,
      dryRun: true,
      rows: 7,
      accepted: 5,
      rejected: 2,
      serversCreated: 4,
      serversUpdated: 1,
      indicators: 2,
      duplicate: false,
      newOrganizations: ["New Client", "Other Newcomer"],
    });

    // The real upload then does what the dry run said, and rejects the same rows for the same reasons.
    const real = await post(MIXED, "");
    expect(real.status).toBe(201);
    const { id: _id, dryRun: _dry, newOrganizations, ...would } = dry.json.import;
    expect(real.json.import).toMatchObject(would);
    expect(real.json.import.newOrganizations).toEqual(newOrganizations);
    expect((await db.organization.findMany({ orderBy: { id: "asc" } })).map((o) => o.name)).toEqual(["Harbor", "New Client", "Other Newcomer"]);
  });

  it("lists none when every organization exists, and the organization field decides for the whole file", async () => {
    const none = await post(HEADER + "Harbor,H9,,15.2.792.3,2021-03-09T10:00:00Z,,\n");
    expect(none.json).toMatchObject({ dryRun: true, newOrganizations: [], import: { serversCreated: 1, newOrganizations: [] } });
    const named = await post(MIXED, "?dryRun=1&organization=Lighthouse%20Ltd");
    expect(named.json.newOrganizations).toEqual(["Lighthouse Ltd"]);
    const existing = await post(MIXED, "?dryRun=1&organization=harbor");
    expect(existing.json.newOrganizations).toEqual([]);
  });

  it("answers an upload imported before as the duplicate it would be", async () => {
    const dry = await post(KNOWN);
    expect(dry.status).toBe(200);
    expect(dry.json.import).toMatchObject({ duplicate: true, dryRun: true, newOrganizations: [] });
    expect(dry.json.import.id).toBe((await db.import.findFirstOrThrow()).id);
  });

  it("refuses what the import would refuse, the same way, and still writes nothing", async () => {
    await db.organization.create({ data: { slug: "zebra", name: "Zebra", nameKey: "zebra" } });
    const limited = (await createApiToken("harbor tech", { role: "technician", organizationSlugs: ["harbor"] })).token;
    const before = await snapshot();
    const forbidden = await post(MIXED, "?dryRun=1", { "content-type": "text/csv" }, limited);
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error.code).toBe("organization_forbidden");
    expect(JSON.stringify(forbidden.json)).not.toMatch(/New Client|Other Newcomer/);
    const other = await post(HEADER + "Zebra,Z1,,15.2.792.3,2021-03-09T10:00:00Z,,\n", "?dryRun=1", { "content-type": "text/csv" }, limited);
    expect(other.status).toBe(403);
    const viewer = (await createApiToken("viewer", { role: "viewer", organizationSlugs: ["harbor"] })).token;
    expect((await post(KNOWN, "?dryRun=1", { "content-type": "text/csv" }, viewer)).status).toBe(403);
    const unmapped = await post("Client;Server\nA;B\n");
    expect(unmapped.status).toBe(422);
    expect(unmapped.json.error.code).toBe("unmapped_header");
    expect(await snapshot()).toEqual(before);
  });

  it("does not save a mapping it is asked to save", async () => {
    const form = new FormData();
    form.append("mappingSpec", JSON.stringify({ columns: { organization: "Client", hostname: "Server", exchange_build: "Version", scanned_at: "Checked" } }));
    form.append("saveMappingAs", "rmm");
    form.append("file", new Blob(["Client;Server;Version;Checked\nNew Client;N1;15.2.792.3;2021-03-09\n"], { type: "text/csv" }), "rmm.csv");
    const dry = await post(form, "?dryRun=1&format=mapped-csv", {});
    expect(dry.status).toBe(200);
    expect(dry.json.newOrganizations).toEqual(["New Client"]);
    expect(await db.columnMapping.count()).toBe(0);
  });

  it("takes dryRun as a form field too, and refuses a value it does not know rather than importing", async () => {
    const before = await snapshot();
    const form = new FormData();
    form.append("dryRun", "1");
    form.append("file", new Blob([MIXED], { type: "text/csv" }), "mixed.csv");
    const dry = await post(form, "", {});
    expect(dry.status).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    const typo = await post(MIXED, "?dryRun=yes");
    expect(typo.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("streams progress and then the result to the upload page", async () => {
    const res = await post(MIXED, "?dryRun=1", { "content-type": "text/csv", accept: "application/x-ndjson" });
    const lines = res.text.trim().split("\n").map((l) => JSON.parse(l) as { type: string; dryRun?: boolean; newOrganizations?: string[] });
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ type: "result", status: 200, dryRun: true, newOrganizations: ["New Client", "Other Newcomer"] });
    expect(await db.organization.count()).toBe(1);
  });
});
