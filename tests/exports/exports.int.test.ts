// CSV and XLSX exports of the servers and organizations lists, through the API routes: formula-safe in both formats,
// scoped like the lists, with the lists' filters, campaign and order, and bounded.
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as organizationsRoute } from "@/app/api/v1/organizations/route";
import { GET as serversRoute } from "@/app/api/v1/servers/route";
import { exportServers } from "@/lib/data/fleet/server-export";
import { exportOrganizations } from "@/lib/data/fleet/organization-export";
import { listServers } from "@/lib/data/fleet/servers";
import { listOrganizations } from "@/lib/data/fleet/organizations";
import { importScanFile } from "@/lib/data/imports/imports";
import { organizationListQuery, serverListQuery } from "@/lib/zod/list-queries";
import { TEST_ACCESS } from "../access";
import { tokenCaller, userCaller, type Caller } from "../api/callers";
import { resetDatabase } from "../reset-database";

const HOSTILE_ORG = '=HYPERLINK("http://evil.example","Click")';
const CSV = `organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation
Alpha Clinic,A1,192.0.2.1,15.1.2176.2,2021-03-03T09:00:00Z,,
Alpha Clinic,A2,192.0.2.2,15.2.792.3,2021-03-03T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,
Alpha Clinic,A3,,15.2.792.3,2021-03-02T10:00:00Z,,
Alpha Clinic,A4,192.0.2.4,15.1.2176.9,2021-03-06,,
Beta Law,B1,198.51.100.1,15.0.1497.2,2021-03-04,,eomt
Beta Law,B2,198.51.100.2,15.1.2176,2021-03-04,,
Beta Law,+1,198.51.100.3,15.1.2176.2,2021-03-05,,
"${HOSTILE_ORG.replace(/"/g, '""')}",@x,203.0.113.1,15.2.792.3,2021-03-05,,
"${HOSTILE_ORG.replace(/"/g, '""')}",-cmd,203.0.113.2,15.1.2176.9,2021-03-05,,
"${HOSTILE_ORG.replace(/"/g, '""')}",=1+2,,15.1.2176.2,2021-03-04,,
`;
const FORMULA_START = /^[=+\-@\t\r]/;

let owner: Caller;
let viewer: Caller;
let technician: Caller;
let token: Caller;

type Handler = (req: Request) => Promise<Response>;
async function download(handler: Handler, path: string, caller: Caller, headers: Record<string, string> = {}) {
  const res = await handler(new Request(`http://localhost${path}`, { headers: { ...caller.headers, ...headers } }));
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}
async function csvRows(handler: Handler, path: string, caller: Caller = owner, headers: Record<string, string> = {}): Promise<Record<string, string>[]> {
  const { res, bytes } = await download(handler, path, caller, headers);
  expect(res.status, bytes.toString()).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return parse(bytes, { bom: true, columns: true });
}
async function xlsxRows(handler: Handler, path: string, caller: Caller = owner): Promise<(string | number | null)[][]> {
  const { res, bytes } = await download(handler, path, caller);
  expect(res.status, bytes.toString()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([bytes]));
  const rows: (string | number | null)[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1).map((v) => v ?? null)));
  return rows;
}

beforeAll(async () => {
  await resetDatabase();
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "t.csv", origin: "api", maxBytes: 1e6 });
  owner = await userCaller("Export Owner", "owner", null);
  viewer = await userCaller("Alpha Viewer", "viewer", ["Alpha Clinic"]);
  technician = await userCaller("Two-client Technician", "technician", ["Alpha Clinic", HOSTILE_ORG]);
  token = await tokenCaller("beta reader", "viewer", ["beta-law"]);
});

afterEach(() => {
  delete process.env.PATCHBOARD_EXPORT_MAX_ROWS;
});

describe("formula-safe exports", () => {
  it("neutralises every CSV cell a spreadsheet would read as a formula", async () => {
    const rows = await csvRows(serversRoute, "/api/v1/servers?format=csv");
    expect(rows).toHaveLength(10);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
    const hostnames = rows.map((r) => r.Hostname);
    expect(hostnames).toEqual(expect.arrayContaining(["'+1", "'@x", "'-cmd", "'=1+2"]));
    expect(rows.filter((r) => r.Organization === `'${HOSTILE_ORG}`)).toHaveLength(3);
    const orgs = await csvRows(organizationsRoute, "/api/v1/organizations?format=csv");
    expect(orgs.map((o) => o.Organization)).toContain(`'${HOSTILE_ORG}`);
    for (const row of orgs) for (const cell of Object.values(row)) expect(cell).not.toMatch(FORMULA_START);
  });

  it("neutralises them in XLSX too, and keeps numbers as numbers", async () => {
    const [header, ...rows] = await xlsxRows(serversRoute, "/api/v1/servers?format=xlsx");
    expect(header.slice(0, 5)).toEqual(["Organization", "Hostname", "IP address", "Campaign", "Status"]);
    expect(rows).toHaveLength(10);
    for (const row of rows) for (const cell of row) if (typeof cell === "string") expect(cell).not.toMatch(FORMULA_START);
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(["'+1", "'@x", "'-cmd", "'=1+2"]));
    const openIndicators = header.indexOf("Open indicators");
    expect(rows.every((r) => typeof r[openIndicators] === "number")).toBe(true);
    const [orgHeader, ...orgs] = await xlsxRows(organizationsRoute, "/api/v1/organizations?format=xlsx");
    expect(orgs.map((o) => o[0])).toContain(`'${HOSTILE_ORG}`);
    expect(typeof orgs[0][orgHeader.indexOf("% patched")]).toBe("number");
  });
});

describe("scoped exports", () => {
  it("a client viewer's export holds their organization only", async () => {
    const rows = await csvRows(serversRoute, "/api/v1/servers?format=csv", viewer);
    expect(new Set(rows.map((r) => r.Organization))).toEqual(new Set(["Alpha Clinic"]));
    expect(rows).toHaveLength(4);
    const orgs = await csvRows(organizationsRoute, "/api/v1/organizations?format=csv", viewer);
    expect(orgs.map((o) => o.Slug)).toEqual(["alpha-clinic"]);
    const [, ...xlsx] = await xlsxRows(serversRoute, "/api/v1/servers?format=xlsx", viewer);
    expect(new Set(xlsx.map((r) => r[0]))).toEqual(new Set(["Alpha Clinic"]));
  });

  it("a limited technician's and a limited token's exports hold their organizations only", async () => {
    const rows = await csvRows(serversRoute, "/api/v1/servers?format=csv", technician);
    expect(new Set(rows.map((r) => r.Organization))).toEqual(new Set(["Alpha Clinic", `'${HOSTILE_ORG}`]));
    const tokenRows = await csvRows(serversRoute, "/api/v1/servers?format=csv", token);
    expect(new Set(tokenRows.map((r) => r.Organization))).toEqual(new Set(["Beta Law"]));
    const orgs = await csvRows(organizationsRoute, "/api/v1/organizations?format=csv", technician);
    expect(orgs).toHaveLength(2);
  });

  it("a foreign organization's slug gives no foreign rows (404, like a missing one)", async () => {
    const { res, bytes } = await download(serversRoute, "/api/v1/servers?format=csv&organization=beta-law", viewer);
    expect(res.status).toBe(404);
    expect(JSON.parse(bytes.toString())).toMatchObject({ error: { code: "not_found" } });
    expect(bytes.toString()).not.toContain("B1");
  });
});

describe("filters, campaign and order", () => {
  it("holds the rows of the list with the same filters, campaign and sort, in its order", async () => {
    for (const query of [
      "",
      "campaign=proxylogon",
      "campaign=proxylogon&status=patched,unknown",
      "sort=-lastScanAt",
      "sort=ipAddress&campaign=proxyshell",
      "sort=-organization",
      "sort=build",
      "q=alpha&sort=-hostname",
      "behind=1",
      "organization=beta-law",
    ]) {
      const json = await listServers(TEST_ACCESS, serverListQuery.parse({ ...Object.fromEntries(new URLSearchParams(query)), pageSize: "200" }));
      const rows = await csvRows(serversRoute, `/api/v1/servers?format=csv&${query}`);
      expect(rows.map((r) => r.Hostname.replace(/^'/, "")), query).toEqual(json.data.map((s) => s.hostname));
      expect(rows.map((r) => r.Status), query).toEqual(json.data.map((s) => s.status));
    }
  });

  it("pages through keys with ties and nulls exactly in the list's order", async () => {
    for (const sort of ["status", "-status", "lastScanAt", "-lastScanAt", "ipAddress", "-ipAddress", "build", "-build", "organization", "hostname", "-hostname"]) {
      const query = serverListQuery.parse({ sort, pageSize: "200" });
      const expected = (await listServers(TEST_ACCESS, query)).data.map((s) => s.id);
      const { pages } = await exportServers(TEST_ACCESS, query, { maxRows: 100, pageSize: 2 });
      const ids: number[] = [];
      for await (const page of pages) ids.push(...page.map((r) => r.id));
      expect(ids, sort).toEqual(expected);
    }
    for (const sort of ["status", "-status", "name", "-servers", "percentPatched", "-unpatched"]) {
      const query = organizationListQuery.parse({ sort, campaign: "proxylogon" });
      const expected = (await listOrganizations(TEST_ACCESS, query)).data.map((o) => o.slug);
      const { pages } = await exportOrganizations(TEST_ACCESS, query, { maxRows: 100, pageSize: 1 });
      const slugs: string[] = [];
      for await (const page of pages) slugs.push(...page.map((o) => o.slug));
      expect(slugs, sort).toEqual(expected);
    }
  });

  it("names the campaign in the file name and the rows, and gives organizations' counts and last scan", async () => {
    const { res } = await download(serversRoute, "/api/v1/servers?format=csv&campaign=proxylogon&organization=alpha-clinic", owner);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="patchboard-servers-alpha-clinic-proxylogon-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const orgs = await csvRows(organizationsRoute, "/api/v1/organizations?format=csv&campaign=proxylogon&sort=name");
    const json = await listOrganizations(TEST_ACCESS, organizationListQuery.parse({ campaign: "proxylogon", sort: "name" }));
    expect(orgs.map((o) => o.Slug)).toEqual(json.data.map((o) => o.slug));
    const alpha = orgs.find((o) => o.Slug === "alpha-clinic")!;
    const counts = json.data.find((o) => o.slug === "alpha-clinic")!;
    expect(alpha).toMatchObject({ Campaign: "proxylogon", Servers: "4", Patched: String(counts.statuses.patched), "% patched": String(counts.percentPatched), "Last scan (UTC)": "2021-03-06T00:00:00.000Z" });
  });
});

describe("the API's formats", () => {
  it("answers CSV for Accept: text/csv and JSON by default", async () => {
    const rows = await csvRows(serversRoute, "/api/v1/servers?status=compromised", owner, { accept: "text/csv" });
    expect(rows.map((r) => r.Hostname)).toEqual(["A2"]);
    const { res, bytes } = await download(serversRoute, "/api/v1/servers", owner);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(JSON.parse(bytes.toString()).total).toBe(10);
    const xlsx = await download(organizationsRoute, "/api/v1/organizations?format=xlsx", owner);
    expect(xlsx.res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("answers 400 for an unknown format and 401 without a caller", async () => {
    const { res, bytes } = await download(serversRoute, "/api/v1/servers?format=pdf", owner);
    expect(res.status).toBe(400);
    expect(JSON.parse(bytes.toString()).error.code).toBe("invalid_request");
    const anonymous = await serversRoute(new Request("http://localhost/api/v1/servers?format=csv"));
    expect(anonymous.status).toBe(401);
  });

  it("answers 422 export_too_large over the bound, before streaming anything", async () => {
    process.env.PATCHBOARD_EXPORT_MAX_ROWS = "9";
    const { res, bytes } = await download(serversRoute, "/api/v1/servers?format=csv", owner);
    expect(res.status).toBe(422);
    expect(JSON.parse(bytes.toString()).error).toMatchObject({ code: "export_too_large", details: { total: 10, maxRows: 9 } });
    // A narrower export fits.
    expect(await csvRows(serversRoute, "/api/v1/servers?format=csv&organization=alpha-clinic")).toHaveLength(4);
    const orgs = await download(organizationsRoute, "/api/v1/organizations?format=xlsx", owner);
    expect(orgs.res.status).toBe(200);
  });
});
