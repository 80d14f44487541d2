import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as summary } from "@/app/api/v1/summary/route";
import { GET as organizations } from "@/app/api/v1/organizations/route";
import { GET as servers } from "@/app/api/v1/servers/route";
import { GET as trend } from "@/app/api/v1/trend/route";
import { GET as unknownPath } from "@/app/api/v1/[...path]/route";
import { importScanFile } from "@/lib/data/imports/imports";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { findServerId } from "@/lib/data/fleet/servers";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { resetDatabase } from "../reset-database";
import { call } from "./request";
import { TEST_ACCESS } from "../access";

const CSV = `organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation
Alpha Clinic,A1,192.0.2.1,15.1.2176.2,2021-03-03T09:00:00Z,,
Alpha Clinic,A2,192.0.2.2,15.2.792.3,2021-03-03T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,
Beta Law,B1,198.51.100.1,15.0.1497.2,2021-03-04,,eomt
Beta Law,B2,198.51.100.2,15.1.2176,2021-03-04,,
Alpha Clinic,A2,192.0.2.2,15.2.792.10,2021-03-05,,
Alpha Clinic,a1,192.0.2.1,15.1.2176.9,2021-03-06,,
`;
let token: string;
const get = (handler: (req: Request) => Promise<Response>, path: string, t: string | null = token) => call(handler, path, { token: t });

beforeAll(async () => {
  await resetDatabase();
  token = (await createApiToken("reader")).token;
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "t.csv", origin: "api", maxBytes: 1e6 });
  const a2 = await findServerId(TEST_ACCESS, "alpha clinic", "A2");
  await recordRemediation(TEST_ACCESS, { serverId: a2!, note: "Web shell removed, passwords reset.", remediatedAt: new Date("2021-03-07T10:00:00Z") });
});

describe("GET /api/v1/summary", () => {
  it("counts servers by status across the fleet", async () => {
    const res = await get(summary, "/api/v1/summary?campaign=proxylogon");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      campaign: "proxylogon",
      servers: 4,
      organizations: 2,
      statuses: { patched: 2, unpatched: 0, mitigated: 1, compromised: 0, unknown: 1 },
      latestScanAt: "2021-03-06T00:00:00.000Z",
      // ProxyLogon was exploited before its fix: every one of them was exposed and none was checked.
      huntNeeded: 4,
    });
  });
  it("counts one organization", async () => {
    const res = await get(summary, "/api/v1/summary?organization=beta-law&campaign=proxylogon");
    expect(res.json).toEqual({
      campaign: "proxylogon",
      servers: 2,
      organizations: 1,
      statuses: { patched: 0, unpatched: 0, mitigated: 1, compromised: 0, unknown: 1 },
      latestScanAt: "2021-03-04T00:00:00.000Z",
      huntNeeded: 2,
    });
  });
  it("answers 404 for an unknown organization and 401 without a token", async () => {
    expect((await get(summary, "/api/v1/summary?organization=nope&campaign=proxylogon")).status).toBe(404);
    const res = await get(summary, "/api/v1/summary?campaign=proxylogon", null);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });
});

describe("GET /api/v1/organizations", () => {
  it("lists organizations with counts and percentage patched, worst first", async () => {
    const res = await get(organizations, "/api/v1/organizations?campaign=proxylogon");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ page: 1, pageSize: 25, total: 2 });
    // Beta Law has a server that cannot be decided (unknown), Alpha Clinic has only patched ones.
    expect(res.json.data.map((o: { slug: string }) => o.slug)).toEqual(["beta-law", "alpha-clinic"]);
    expect(res.json.data[1]).toEqual({
      slug: "alpha-clinic",
      name: "Alpha Clinic",
      servers: 2,
      statuses: { patched: 2, unpatched: 0, mitigated: 0, compromised: 0, unknown: 0 },
      worstStatus: "patched",
      percentPatched: 100,
    });
    const best = await get(organizations, "/api/v1/organizations?campaign=proxylogon&sort=-status");
    expect(best.json.data.map((o: { slug: string }) => o.slug)).toEqual(["alpha-clinic", "beta-law"]);
  });
  it("filters, sorts and paginates", async () => {
    expect((await get(organizations, "/api/v1/organizations?q=BETA&campaign=proxylogon")).json.data.map((o: { slug: string }) => o.slug)).toEqual(["beta-law"]);
    expect((await get(organizations, "/api/v1/organizations?sort=-name&campaign=proxylogon")).json.data[0].slug).toBe("beta-law");
    expect((await get(organizations, "/api/v1/organizations?status=mitigated&campaign=proxylogon")).json.total).toBe(1);
    expect((await get(organizations, "/api/v1/organizations?status=mitigated,patched&campaign=proxylogon")).json.total).toBe(2);
    const page2 = await get(organizations, "/api/v1/organizations?page=2&pageSize=1&sort=percentPatched&campaign=proxylogon");
    expect(page2.json).toMatchObject({ page: 2, pageSize: 1, total: 2, data: [{ slug: "alpha-clinic" }] });
  });
  it.each(["sort=bogus", "pageSize=5000", "page=0", "status=pwned", "status=patched,pwned", "page=abc"])("answers 400 for %s", async (qs) => {
    const res = await get(organizations, `/api/v1/organizations?${qs}&campaign=proxylogon`);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
  });
});

describe("GET /api/v1/servers", () => {
  it("lists servers with the derived product and CU", async () => {
    const res = await get(servers, "/api/v1/servers?organization=alpha-clinic&sort=hostname&campaign=proxylogon");
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(2);
    expect(res.json.data[0]).toMatchObject({
      hostname: "A1",
      organization: "alpha-clinic",
      ipAddress: "192.0.2.1",
      build: "15.1.2176.9",
      product: "Exchange 2016",
      cumulativeUpdate: "CU19",
      status: "patched",
      lastScanAt: "2021-03-06T00:00:00.000Z",
      indicators: [],
    });
  });
  it("filters by status and text, and sorts", async () => {
    expect((await get(servers, "/api/v1/servers?status=unknown&campaign=proxylogon")).json.data.map((s: { hostname: string }) => s.hostname)).toEqual(["B2"]);
    expect((await get(servers, "/api/v1/servers?q=198.51&campaign=proxylogon")).json.total).toBe(2);
    expect((await get(servers, "/api/v1/servers?sort=-lastScanAt&campaign=proxylogon")).json.data.map((s: { hostname: string }) => s.hostname)).toEqual(["A1", "A2", "B1", "B2"]);
    // An organization that does not exist is a 404, as is one the caller may not see.
    expect((await get(servers, "/api/v1/servers?organization=nope&campaign=proxylogon")).status).toBe(404);
  });
  it("answers 400 for bad parameters", async () => {
    expect((await get(servers, "/api/v1/servers?sort=password&campaign=proxylogon")).status).toBe(400);
  });
});

describe("GET /api/v1/trend", () => {
  it("gives each day's counts from the latest scan on or before that day; a compromise stays until remediated", async () => {
    const res = await get(trend, "/api/v1/trend?to=2021-03-07&campaign=proxylogon");
    expect(res.status).toBe(200);
    const byDay = Object.fromEntries(res.json.days.map((d: { date: string }) => [d.date, d]));
    expect(Object.keys(byDay)).toEqual(["2021-03-03", "2021-03-04", "2021-03-05", "2021-03-06", "2021-03-07"]);
    expect(byDay["2021-03-03"]).toEqual({ date: "2021-03-03", patched: 0, unpatched: 1, mitigated: 0, compromised: 1, unknown: 0 });
    expect(byDay["2021-03-05"]).toMatchObject({ unpatched: 1, mitigated: 1, compromised: 1, unknown: 1 });
    expect(byDay["2021-03-06"]).toMatchObject({ patched: 1, unpatched: 0, compromised: 1 });
    expect(byDay["2021-03-07"]).toMatchObject({ patched: 2, compromised: 0 });
  });
  it("ends by default on the latest scan's day, counting later remediations there so the last day matches the summary", async () => {
    const res = await get(trend, "/api/v1/trend?campaign=proxylogon");
    expect(res.json.days.at(-1)).toEqual({ date: "2021-03-06", patched: 2, unpatched: 0, mitigated: 1, compromised: 0, unknown: 1 });
    expect(res.json.days).toHaveLength(4);
  });
  it("scopes to an organization and a date range", async () => {
    const res = await get(trend, "/api/v1/trend?organization=beta-law&from=2021-03-01&to=2021-03-05&campaign=proxylogon");
    expect(res.json.days).toHaveLength(5);
    expect(res.json.days[0]).toMatchObject({ date: "2021-03-01", mitigated: 0, unknown: 0 });
    expect(res.json.days[4]).toMatchObject({ date: "2021-03-05", mitigated: 1, unknown: 1 });
  });
  it.each(["from=March", "from=2021-03-09&to=2021-03-01", "from=2000-01-01&to=2021-03-01"])("answers 400 for %s", async (qs) => {
    expect((await get(trend, `/api/v1/trend?${qs}&campaign=proxylogon`)).status).toBe(400);
  });
});

describe.each([
  ["summary", summary, "/api/v1/summary"],
  ["organizations", organizations, "/api/v1/organizations"],
  ["servers", servers, "/api/v1/servers"],
  ["trend", trend, "/api/v1/trend"],
] as const)("GET /api/v1/%s without a valid token", (_name, handler, path) => {
  it.each([
    ["no Authorization header", null],
    ["a wrong token", "pb_wrong"],
    ["a malformed header value", "   "],
  ])("answers 401 JSON for %s, with no data", async (_what, t) => {
    const res = await get(handler, path, t);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    expect(res.text).not.toMatch(/Alpha Clinic|Beta Law/);
  });
});

describe("unknown API paths", () => {
  it("answer JSON 404", async () => {
    const res = await get(unknownPath, "/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });
});
