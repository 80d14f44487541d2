// Issue 10 item 6: an import records, for every server it touched, the roll-up status before and after it, and
// answers them in the results' order (new compromises, worse, better, unchanged) with the counts of each.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getImportRoute } from "@/app/api/v1/imports/[id]/route";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { db } from "@/lib/data/db";
import { resetDatabase } from "../reset-database";
import { call } from "./request";

const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
// 15.2.792.3 is Exchange 2019 CU8 without the March 2021 update: unpatched. 15.2.1258.12 (CU13, 2023) has every
// campaign's fix: patched in the roll-up.
const OLD = "15.2.792.3";
const CURRENT = "15.2.1258.12";
const FIRST = HEADER + [
  `Harbor,H-FIXED,,${OLD},2023-06-01T10:00:00Z,,`,
  `Harbor,H-BREACHED,,${CURRENT},2023-06-01T10:00:00Z,,`,
  `Harbor,H-SAME,,${OLD},2023-06-01T10:00:00Z,,`,
  `Harbor,H-REGRESSED,,${CURRENT},2023-06-01T10:00:00Z,,`,
].join("\n");
const SECOND = HEADER + [
  `Harbor,H-FIXED,,${CURRENT},2023-06-02T10:00:00Z,,`,
  `Harbor,H-BREACHED,,${CURRENT},2023-06-02T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,`,
  `Harbor,H-SAME,,${OLD},2023-06-02T10:00:00Z,,`,
  `Harbor,H-REGRESSED,,${OLD},2023-06-02T10:00:00Z,,`,
  `Harbor,H-NEW-OLD,,${OLD},2023-06-02T10:00:00Z,,`,
  `Harbor,H-NEW-CURRENT,,${CURRENT},2023-06-02T10:00:00Z,,`,
].join("\n");

let token: string;
const upload = (csv: string) => call(POST, "/api/v1/scans", { method: "POST", token, body: csv, headers: { "content-type": "text/csv" } });
const getImport = (id: number | string, query = "") =>
  call((req) => getImportRoute(req, { params: Promise.resolve({ id: String(id) }) }), `/api/v1/imports/${id}${query}`, { token });

let firstId: number;
let secondId: number;

beforeAll(async () => {
  await resetDatabase();
  token = (await createApiToken("admin")).token;
  const first = await upload(FIRST);
  expect(first.status).toBe(201);
  firstId = first.json.import.id;
  const second = await upload(SECOND);
  expect(second.status).toBe(201);
  secondId = second.json.import.id;
});

describe("the servers an import touched, before and after", () => {
  it("stores one row per server with its roll-up status before and after, and the counts on the import", async () => {
    const rows = await db.importServer.findMany({ where: { importId: secondId } });
    const hostnames = new Map((await db.server.findMany()).map((s) => [s.id, s.hostname]));
    const byHost = Object.fromEntries(rows.map((r) => [hostnames.get(r.serverId), [r.statusBefore, r.statusAfter, r.change]]));
    expect(byHost).toEqual({
      "H-BREACHED": ["patched", "compromised", 0],
      "H-REGRESSED": ["patched", "unpatched", 1],
      "H-NEW-OLD": [null, "unpatched", 1],
      "H-FIXED": ["unpatched", "patched", 2],
      "H-NEW-CURRENT": [null, "patched", 2],
      "H-SAME": ["unpatched", "unpatched", 3],
    });
    expect(await db.import.findUnique({ where: { id: secondId }, select: { newCompromises: true, worsened: true, improved: true, unchanged: true } })).toEqual({
      newCompromises: 1,
      worsened: 2,
      improved: 2,
      unchanged: 1,
    });
    // The first import created every server it touched: from nothing to its status.
    const first = await db.importServer.findMany({ where: { importId: firstId } });
    expect(first.every((r) => r.statusBefore === null)).toBe(true);
    expect(first).toHaveLength(4);
  });

  it("answers the upload with the counts of each change", async () => {
    const again = await upload(SECOND.replace("2023-06-02", "2023-06-03"));
    expect(again.status).toBe(201);
    expect(again.json.import.changes).toEqual({ "new-compromise": 0, worsened: 0, improved: 0, unchanged: 6 });
  });

  it("pages through them on the server: new compromises first, then worse, better and unchanged, each with its server", async () => {
    const page1 = await getImport(secondId, "?pageSize=4");
    expect(page1.status).toBe(200);
    expect(page1.json.import).toMatchObject({ id: secondId, rows: 6, accepted: 6, serversCreated: 2, serversUpdated: 4, uploadedBy: "admin", newCompromises: 1 });
    expect(page1.json.import.changes).toEqual({ "new-compromise": 1, worsened: 2, improved: 2, unchanged: 1 });
    expect(page1.json.servers).toMatchObject({ page: 1, pageSize: 4, total: 6 });
    const page2 = await getImport(secondId, "?pageSize=4&page=2");
    const all = [...page1.json.servers.data, ...page2.json.servers.data];
    expect(all.map((r: { change: string }) => r.change)).toEqual(["new-compromise", "worsened", "worsened", "improved", "improved", "unchanged"]);
    expect(all[0]).toMatchObject({ hostname: "H-BREACHED", organization: "harbor", organizationName: "Harbor", before: "patched", after: "compromised" });
    const serverId = await db.server.findFirstOrThrow({ where: { hostname: "H-BREACHED" }, select: { id: true } });
    expect(all[0].serverId).toBe(serverId.id);
    expect(all.find((r: { hostname: string }) => r.hostname === "H-NEW-OLD")).toMatchObject({ before: null, after: "unpatched" });
  });

  it("keeps a deleted server's row, without its name", async () => {
    await db.server.delete({ where: { organizationId_hostnameKey: { organizationId: (await db.organization.findFirstOrThrow()).id, hostnameKey: "h-same" } } });
    const res = await getImport(secondId, "?pageSize=10");
    expect(res.json.servers.total).toBe(6);
    expect(res.json.servers.data.at(-1)).toMatchObject({ hostname: null, organization: null, before: "unpatched", after: "unpatched", change: "unchanged" });
  });

  it("validates the page parameters", async () => {
    expect((await getImport(secondId, "?pageSize=5000")).status).toBe(400);
    expect((await getImport(secondId, "?page=0")).status).toBe(400);
  });
});
