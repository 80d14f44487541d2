// Issue 11 item 6 on a real database: a server marked disconnected counts as mitigated until reconnected; one marked
// decommissioned leaves the counts, lists and trend from that day, and comes back when a later scan sees it; both
// audited, reversible, scoped, and the same through the API.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as servers } from "@/app/api/v1/servers/route";
import { GET as summary } from "@/app/api/v1/summary/route";
import { GET as trend } from "@/app/api/v1/trend/route";
import { GET as getServer } from "@/app/api/v1/servers/[id]/route";
import { GET as getMarks, POST as postMark } from "@/app/api/v1/servers/[id]/lifecycle/route";
import { importScanFile } from "@/lib/data/imports/imports";
import { listAuditEvents } from "@/lib/data/accounts/audit";
import { db } from "@/lib/data/db";
import { buildClientReport } from "@/lib/data/reports/client-report";
import { renderReportPdf } from "@/lib/reports/render-report-pdf";
import { pdfTextOf } from "../support/pdf-text";
import { resetDatabase } from "../reset-database";
import { call } from "../api/request";
import { TEST_ACCESS } from "../access";
import { tokenCaller, type Caller } from "../api/callers";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const importCsv = (csv: string) => importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(csv)]), fileName: "t.csv", origin: "api", maxBytes: 1e6 });

let tech: Caller;
let viewer: Caller;
let other: Caller;
const ids = new Map<string, number>();
const counts = async () => (await call(summary, "/api/v1/summary?campaign=proxylogon", { headers: tech.headers })).json;
const mark = (hostname: string, action: string, caller = tech) => {
  const id = String(ids.get(hostname));
  return call((req: Request) => postMark(req, { params: Promise.resolve({ id }) }), `/api/v1/servers/${id}/lifecycle`, {
    method: "POST",
    headers: { ...caller.headers, "content-type": "application/json" },
    body: JSON.stringify({ action, note: `${action} by the test` }),
  });
};

beforeAll(async () => {
  await resetDatabase();
  await importCsv(`organization,hostname,exchange_build,scanned_at\nHarbor,LINKED,15.2.792.3,${daysAgo(10)}\nHarbor,RETIRED,15.2.792.3,${daysAgo(10)}\nCove,C-1,15.2.792.3,${daysAgo(10)}\n`);
  for (const s of await db.server.findMany({ select: { id: true, hostname: true } })) ids.set(s.hostname, s.id);
  tech = await tokenCaller("tech", "technician", null);
  viewer = await tokenCaller("viewer", "viewer", ["cove"]);
  other = await tokenCaller("cove tech", "technician", ["cove"]);
});

describe("disconnected", () => {
  it("counts as mitigated until reconnected, audited", async () => {
    expect((await counts()).statuses).toMatchObject({ unpatched: 3, mitigated: 0 });
    expect((await mark("LINKED", "disconnect")).status).toBe(201);
    expect((await counts()).statuses).toMatchObject({ unpatched: 2, mitigated: 1 });
    const id = String(ids.get("LINKED"));
    const detail = (await call((req: Request) => getServer(req, { params: Promise.resolve({ id }) }), `/api/v1/servers/${id}`, { headers: tech.headers })).json.server;
    expect(detail.reason).toMatch(/Disconnected from the internet on/);
    expect((await mark("LINKED", "disconnect")).status).toBe(409);
    expect((await mark("LINKED", "reconnect")).status).toBe(201);
    expect((await counts()).statuses).toMatchObject({ unpatched: 3, mitigated: 0 });
    const marks = (await call((req: Request) => getMarks(req, { params: Promise.resolve({ id }) }), `/api/v1/servers/${id}/lifecycle`, { headers: tech.headers })).json;
    expect(marks).toMatchObject({ disconnected: false, decommissioned: false });
    expect(marks.marks.map((m: { kind: string }) => m.kind)).toEqual(["reconnected", "disconnected"]);
    const audit = await listAuditEvents(TEST_ACCESS, { action: "server_lifecycle", page: 1, pageSize: 10 });
    expect(audit.total).toBe(2);
  });
});

describe("decommissioned", () => {
  it("leaves the counts, the lists and today's trend, and comes back when a later scan sees it", async () => {
    expect((await mark("RETIRED", "decommission")).status).toBe(201);
    expect((await counts()).servers).toBe(2);
    const list = (await call(servers, "/api/v1/servers?organization=harbor&pageSize=50", { headers: tech.headers })).json;
    expect(list.data.map((s: { hostname: string }) => s.hostname)).toEqual(["LINKED"]);
    const days = (await call(trend, "/api/v1/trend?campaign=proxylogon&organization=harbor", { headers: tech.headers })).json.days as { date: string; unpatched: number }[];
    expect(days.at(-1)!.unpatched).toBe(1);
    // Its history stays.
    expect(await db.scan.count({ where: { serverId: ids.get("RETIRED") } })).toBe(1);
    // The client report names it, though it left the counts and the table.
    const report = await buildClientReport(TEST_ACCESS, "harbor", { campaign: "proxylogon" });
    expect(report.sections[0].servers.map((s) => s.hostname)).toEqual(["LINKED"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(report.sections[0].decommissioned).toEqual([{ hostname: "RETIRED", since: expect.stringMatching(new RegExp(`^${today}`)) }]);
    expect(await pdfTextOf(await renderReportPdf(report))).toContain("Decommissioned, so left out of the counts and the table: RETIRED (since");

    await importCsv(`organization,hostname,exchange_build,scanned_at\nHarbor,RETIRED,15.2.792.10,${daysAgo(0)}\n`);
    expect((await counts()).servers).toBe(3);
    const id = String(ids.get("RETIRED"));
    const detail = (await call((req: Request) => getServer(req, { params: Promise.resolve({ id }) }), `/api/v1/servers/${id}`, { headers: tech.headers })).json.server;
    expect(detail.reason).toMatch(/but a scan on .* saw it again: it counts again/);
    expect((await mark("RETIRED", "recommission")).status).toBe(409);
  });

  it("is for technicians of the server's organization only", async () => {
    expect((await mark("C-1", "decommission", viewer)).status).toBe(403);
    expect((await mark("LINKED", "decommission", other)).status).toBe(404);
    const bad = await call((req: Request) => postMark(req, { params: Promise.resolve({ id: String(ids.get("C-1")) }) }), "/x", {
      method: "POST",
      headers: { ...tech.headers, "content-type": "application/json" },
      body: JSON.stringify({ action: "explode" }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBeTruthy();
  });
});

describe("an organization whose last server is decommissioned", () => {
  it("leaves the organizations' counts, which the re-derive keeps by the difference", async () => {
    const cove = (await db.organization.findFirstOrThrow({ where: { slug: "cove" } })).id;
    const rows = () => db.organizationStatus.findMany({ where: { organizationId: cove }, orderBy: { campaign: "asc" } });
    expect((await rows()).length).toBeGreaterThan(0);
    expect(await rows()).toContainEqual(expect.objectContaining({ campaign: "proxylogon", servers: 1, unpatched: 1, percentPatched: 0 }));
    expect((await mark("C-1", "decommission")).status).toBe(201);
    expect(await rows()).toEqual([]);
    await importCsv(`organization,hostname,exchange_build,scanned_at\nCove,C-1,15.2.792.10,${daysAgo(0)}\n`);
    expect(await rows()).toContainEqual(expect.objectContaining({ campaign: "proxylogon", servers: 1, patched: 1, unpatched: 0, percentPatched: 100 }));
  });
});
