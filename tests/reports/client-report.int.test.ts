// Issue 11 item 3: the client report as a PDF from the server. Scoped like every read (a client viewer gets their
// own organization's report; another's is a 404 exactly like a missing one; the fleet report is refused to them),
// the campaign checked, and the PDF's text read back: names, counts, hostnames, remediation notes.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as organizationReport } from "@/app/api/v1/organizations/[slug]/report.pdf/route";
import { GET as fleetReport } from "@/app/api/v1/report.pdf/route";
import { PUT as putLogo, DELETE as deleteLogo } from "@/app/api/v1/branding/logo/route";
import { db } from "@/lib/data/db";
import { importScanFile } from "@/lib/data/imports/imports";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { findServerId } from "@/lib/data/fleet/servers";
import { buildClientReport } from "@/lib/data/reports/client-report";
import { getBranding, updateBrandingName } from "@/lib/data/settings/branding";
import { renderReportPdf } from "@/lib/reports/render-report-pdf";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { tokenCaller, userCaller, type Caller } from "../api/callers";
import { pdfTextOf } from "../support/pdf-text";
import { tinyPng } from "../support/tiny-png";

const CSV = `organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation
Alpha Clinic,ALPHA-EX1,192.0.2.1,15.1.2176.9,2021-03-06T09:00:00Z,,
Alpha Clinic,ALPHA-EX2,192.0.2.2,15.2.792.3,2021-03-03T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,
Alpha Clinic,ALPHA-EX3,192.0.2.3,15.1.2176.2,2021-03-04T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\other.aspx,
Alpha Clinic,ALPHA-EX4,192.0.2.4,15.0.1497.2,2021-03-04T10:00:00Z,,eomt
Beta Law,BETA-EX1,198.51.100.1,15.1.2176.2,2021-03-04,,
`;
const NOTE = "Web shell removed (shell.aspx), passwords reset";
let admin: Caller;
let viewer: Caller;

async function get(handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, caller: Caller, params: Record<string, string> = {}) {
  const res = await handler(new Request(`http://localhost${path}`, { headers: caller.headers }), { params: Promise.resolve(params) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const isPdf = res.headers.get("content-type") === "application/pdf";
  return { status: res.status, headers: res.headers, bytes, json: isPdf ? null : (JSON.parse(Buffer.from(bytes).toString("utf8")) as Record<string, unknown>) };
}
const orgReport = (slug: string, caller: Caller, query = "") => get(organizationReport, `/api/v1/organizations/${slug}/report.pdf${query}`, caller, { slug });

beforeAll(async () => {
  await resetDatabase();
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "t.csv", origin: "api", maxBytes: 1e6 });
  const ex2 = await findServerId(TEST_ACCESS, "alpha clinic", "ALPHA-EX2");
  await recordRemediation(TEST_ACCESS, { serverId: ex2!, note: NOTE, remediatedAt: new Date("2021-03-07T10:00:00Z") });
  await updateBrandingName(TEST_ACCESS, "Northwind IT Services");
  admin = await tokenCaller("report admin", "admin", null);
  viewer = await userCaller("Alpha viewer", "viewer", ["Alpha Clinic"]);
});

describe("GET /api/v1/organizations/SLUG/report.pdf", () => {
  it("answers a PDF download named for the organization, the campaign and the day", async () => {
    const res = await orgReport("alpha-clinic", admin, "?campaign=proxylogon");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="patchboard-report-alpha-clinic-proxylogon-${today}.pdf"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(res.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("holds the organization, the MSP, the counts, the hostnames and the remediation notes as text", async () => {
    const report = await buildClientReport(TEST_ACCESS, "alpha-clinic", { campaign: "proxylogon" });
    const { statuses, servers } = report.sections[0].summary;
    expect(servers).toBe(4);
    const text = await pdfTextOf((await orgReport("alpha-clinic", admin, "?campaign=proxylogon")).bytes);
    expect(text).toContain("Exchange security report: Alpha Clinic");
    expect(text).toContain("Northwind IT Services");
    expect(text).toContain(`4 Exchange servers: ${statuses.compromised} compromised, ${statuses.unpatched} unpatched, ${statuses.unknown} unknown, ${statuses.mitigated} mitigated, ${statuses.patched} patched.`);
    for (const host of ["ALPHA-EX1", "ALPHA-EX2", "ALPHA-EX3", "ALPHA-EX4"]) expect(text).toContain(host);
    expect(text).not.toContain("BETA-EX1");
    expect(text).toContain(NOTE);
    expect(text).toContain("What remains to do");
    expect(text).toMatch(/Investigate 1 server with open signs of compromise/);
    expect(text).toContain("ProxyLogon");
  });

  it("gives a client viewer their own organization's report", async () => {
    const res = await orgReport("alpha-clinic", viewer);
    expect(res.status).toBe(200);
    expect(await pdfTextOf(res.bytes)).toContain("Alpha Clinic");
  });

  it("answers another organization's report to a client viewer exactly like a missing one", async () => {
    const other = await orgReport("beta-law", viewer);
    const missing = await orgReport("no-such-client", viewer);
    expect(other.status).toBe(404);
    expect(other.json).toEqual(missing.json);
    expect(other.json).toEqual({ error: { code: "not_found", message: "Organization not found." } });
  });

  it("checks the campaign: an unknown one is a 404 naming the known ones, a malformed one a 400", async () => {
    const unknown = await orgReport("alpha-clinic", admin, "?campaign=no-such-campaign");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: "unknown_campaign" } });
    const bad = await orgReport("alpha-clinic", admin, "?campaign=%3Cscript%3E");
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: "invalid_request" } });
  });

  it("needs a token or a session", async () => {
    const res = await organizationReport(new Request("http://localhost/api/v1/organizations/alpha-clinic/report.pdf"), { params: Promise.resolve({ slug: "alpha-clinic" }) });
    expect(res.status).toBe(401);
  });
});

describe("GET /api/v1/report.pdf (the fleet report)", () => {
  it("has a section per client for the MSP", async () => {
    const res = await get(fleetReport, "/api/v1/report.pdf", admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/filename="patchboard-report-fleet-all-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = await pdfTextOf(res.bytes);
    expect(text).toContain("Fleet report: every client");
    expect(text).toContain("2 organizations, 5 Exchange servers");
    for (const name of ["Alpha Clinic", "Beta Law", "ALPHA-EX2", "BETA-EX1", NOTE]) expect(text).toContain(name);
  });

  it("is refused to a client viewer and to a token limited to organizations", async () => {
    const res = await get(fleetReport, "/api/v1/report.pdf", viewer);
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: "forbidden" } });
    const limited = await tokenCaller("limited tech", "technician", ["alpha-clinic"]);
    expect((await get(fleetReport, "/api/v1/report.pdf", limited)).status).toBe(403);
  });
});

describe("the report's bounds and branding", () => {
  it("says when the server cap cut the list, worst first", async () => {
    const report = await buildClientReport(TEST_ACCESS, "alpha-clinic", { maxServers: 2 });
    const section = report.sections[0];
    expect(section.servers.map((s) => s.status)).toEqual(["compromised", "unpatched"]);
    expect(section.serversTotal).toBe(4);
    expect(await pdfTextOf(await renderReportPdf(report))).toContain("This report lists the first 2 of 4 servers");
  });

  it("draws user text as text, whatever it holds", async () => {
    const report = await buildClientReport(TEST_ACCESS, "alpha-clinic");
    report.sections[0].remediations[0].note = "(evil) ) Tj /JavaScript << >> \\ 日本";
    const text = await pdfTextOf(await renderReportPdf(report));
    expect(text).toContain("(evil) ) Tj /JavaScript << >> \\ ??");
  });

  it("takes a PNG logo from an admin, audited, and draws it; refuses anything else and anyone else", async () => {
    const png = tinyPng();
    const put = (caller: Caller, body: Uint8Array) => putLogo(new Request("http://localhost/api/v1/branding/logo", { method: "PUT", headers: caller.headers, body: new Uint8Array(body) }));
    expect((await put(admin, png)).status).toBe(200);
    expect((await getBranding()).logo).toEqual({ contentType: "image/png", bytes: new Uint8Array(png) });
    const svg = await put(admin, new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"));
    expect(svg.status).toBe(422);
    expect(await svg.json()).toMatchObject({ error: { code: "logo_type" } });
    expect((await put(admin, new Uint8Array(256 * 1024 + 1))).status).toBe(413);
    expect((await put(viewer, png)).status).toBe(403);
    const pdf = await renderReportPdf(await buildClientReport(TEST_ACCESS, "alpha-clinic"));
    expect(pdf.includes("/Subtype /Image")).toBe(true);
    const events = await db.auditEvent.findMany({ where: { action: "settings_update" }, orderBy: { id: "asc" } });
    expect(events.map((e) => JSON.parse(e.detail))).toEqual([
      { brandingName: { from: null, to: "Northwind IT Services" } },
      { brandingLogo: { type: "image/png", bytes: png.length } },
    ]);
    expect((await deleteLogo(new Request("http://localhost/api/v1/branding/logo", { method: "DELETE", headers: admin.headers }))).status).toBe(200);
    expect((await getBranding()).logo).toBeNull();
  });
});

describe("issue 11 item 7: the client report carries the week's digest", () => {
  it("states what changed in the seven days before the report, with the servers by name", async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    const csv = `organization,hostname,exchange_build,scanned_at\nGamma Dental,GAMMA-EX1,15.2.792.3,${daysAgo(20)}\nGamma Dental,GAMMA-EX1,15.2.792.10,${daysAgo(2)}\nGamma Dental,GAMMA-EX2,15.2.792.3,${daysAgo(1)}\n`;
    await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(csv)]), fileName: "gamma.csv", origin: "api", maxBytes: 1e6 });
    const report = await buildClientReport(TEST_ACCESS, "gamma-dental", { campaign: "proxylogon" });
    const digest = report.sections[0].digest!;
    expect(digest.week.until).toBe(report.generatedAt.slice(0, 10));
    expect(digest.patched.items.map((c) => c.hostname)).toEqual(["GAMMA-EX1"]);
    expect(digest.exposed.items.map((c) => c.hostname)).toEqual(["GAMMA-EX2"]);
    const text = await pdfTextOf(await renderReportPdf(report));
    expect(text).toContain("This week:");
    expect(text).toContain("1 newly patched, 1 newly exposed, no new findings, 0 hunts done.");
    expect(text).toContain("Newly patched");
    expect(text).toContain("GAMMA-EX1 Newly patched unpatched to patched");
    expect(text).toContain("new: unpatched");
  });
});
