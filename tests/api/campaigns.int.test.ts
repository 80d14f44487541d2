// Issue 9: every read route by campaign, the campaigns list, adding a campaign while the app runs (the fleet is
// re-judged at once), and one server's verdicts per campaign with its patch level.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as campaignsGet, POST as campaignsPost } from "@/app/api/v1/campaigns/route";
import { GET as organizationsGet } from "@/app/api/v1/organizations/route";
import { GET as serverGet } from "@/app/api/v1/servers/[id]/route";
import { GET as serversGet } from "@/app/api/v1/servers/route";
import { GET as summaryGet } from "@/app/api/v1/summary/route";
import { GET as trendGet } from "@/app/api/v1/trend/route";
import { db } from "@/lib/data/db";
import { importScanFile } from "@/lib/data/imports/imports";
import { findServerId } from "@/lib/data/fleet/servers";
import { createApiToken } from "@/lib/data/accounts/tokens";
import proxyshellFile from "@/lib/domain/campaigns/data/proxyshell.json";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { call } from "./request";

// Two clients. Alpha patched ProxyLogon in March 2021 and ProxyShell in August; Beta patched ProxyLogon and then
// stayed on its March build, so it missed ProxyShell and everything after.
const CSV = `organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation
Alpha,A1,,15.2.792.3,2021-03-04T10:00:00Z,,
Alpha,A1,,15.2.792.10,2021-03-09T10:00:00Z,,
Alpha,A1,,15.2.858.12,2021-08-20T10:00:00Z,,
Beta,B1,,15.2.792.3,2021-03-04T10:00:00Z,,
Beta,B1,,15.2.792.10,2021-03-10T10:00:00Z,,
Beta,B2,,15.1.2176.2,2021-03-04T10:00:00Z,,eomt
`;
let admin: string;
let technician: string;
let viewerOfBeta: string;
const get = (handler: (req: Request) => Promise<Response>, path: string, token = admin) => call(handler, path, { token });
// Next gives a dynamic route its segments; here they come from the path.
const getServer = (id: string | number | null, token = admin) =>
  call((req) => serverGet(req, { params: Promise.resolve({ id: String(id) }) }), `/api/v1/servers/${id}`, { token });

beforeAll(async () => {
  await resetDatabase();
  await db.campaign.deleteMany();
  admin = (await createApiToken("admin")).token;
  technician = (await createApiToken("tech", { role: "technician" })).token;
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "fleet.csv", origin: "api", maxBytes: 1e6 });
  viewerOfBeta = (await createApiToken("beta viewer", { role: "viewer", organizationSlugs: ["beta"] })).token;
});

describe("issue 9: campaign= on every read route", () => {
  it("answers the summary per campaign, and the roll-up without one", async () => {
    const proxylogon = (await get(summaryGet, "/api/v1/summary?campaign=proxylogon")).json;
    expect(proxylogon).toMatchObject({ campaign: "proxylogon", servers: 3, statuses: { patched: 2, mitigated: 1, unpatched: 0 } });
    const proxyshell = (await get(summaryGet, "/api/v1/summary?campaign=proxyshell")).json;
    expect(proxyshell).toMatchObject({ campaign: "proxyshell", statuses: { patched: 1, unpatched: 2 } });
    const rollup = (await get(summaryGet, "/api/v1/summary")).json;
    expect(rollup).toMatchObject({ campaign: "all", servers: 3, statuses: { patched: 0, unpatched: 3 } });
    expect((await get(summaryGet, "/api/v1/summary?campaign=all")).json).toEqual(rollup);
  });

  it("answers 404 for an unknown campaign, naming the known ones", async () => {
    const res = await get(summaryGet, "/api/v1/summary?campaign=heartbleed");
    expect(res.status).toBe(404);
    expect(res.json.error).toMatchObject({ code: "unknown_campaign" });
    expect(res.json.error.message).toContain("proxynotshell");
    expect((await get(summaryGet, "/api/v1/summary?campaign=Bad%20Id")).status).toBe(400);
  });

  it("lists organizations, servers and the trend per campaign", async () => {
    const orgs = (await get(organizationsGet, "/api/v1/organizations?campaign=proxyshell&sort=name")).json.data;
    expect(orgs.map((o: { slug: string; statuses: { unpatched: number } }) => [o.slug, o.statuses.unpatched])).toEqual([["alpha", 0], ["beta", 2]]);
    const servers = (await get(serversGet, "/api/v1/servers?campaign=proxylogon&sort=hostname")).json.data;
    expect(servers.map((s: { hostname: string; status: string }) => [s.hostname, s.status])).toEqual([["A1", "patched"], ["B1", "patched"], ["B2", "mitigated"]]);
    const unpatched = (await get(serversGet, "/api/v1/servers?campaign=proxyshell&status=unpatched")).json;
    expect(unpatched.total).toBe(2);
    const trend = (await get(trendGet, "/api/v1/trend?campaign=proxyshell&from=2021-07-12&to=2021-07-14")).json.days;
    // ProxyShell counts from its disclosure: nothing before 2021-07-13.
    expect(trend.map((d: { date: string; unpatched: number }) => [d.date, d.unpatched])).toEqual([["2021-07-12", 0], ["2021-07-13", 3], ["2021-07-14", 3]]);
  });

  it("filters servers behind on updates and by an open CVE, from the build table", async () => {
    const behind = (await get(serversGet, "/api/v1/servers?behind=1&sort=hostname")).json.data;
    expect(behind.map((s: { hostname: string }) => s.hostname)).toEqual(["A1", "B1", "B2"]);
    expect(behind[0].updatesBehind).toBeGreaterThan(0);
    const openProxyShell = (await get(serversGet, "/api/v1/servers?cve=CVE-2021-34473&sort=hostname")).json.data;
    expect(openProxyShell.map((s: { hostname: string }) => s.hostname)).toEqual(["B1", "B2"]);
    expect((await get(serversGet, "/api/v1/servers?cve=not-a-cve")).status).toBe(400);
  });
});

describe("issue 9: GET /api/v1/servers/ID", () => {
  it("gives each campaign's verdict with its reason, the patch level and the open CVEs, known-exploited first", async () => {
    const id = await findServerId(TEST_ACCESS, "Beta", "B1");
    const res = await getServer(id);
    expect(res.status).toBe(200);
    const server = res.json.server;
    const byId = Object.fromEntries(server.campaigns.map((c: { id: string; status: string }) => [c.id, c]));
    expect(byId.proxylogon).toMatchObject({ status: "patched" });
    expect(byId.proxyshell).toMatchObject({ status: "unpatched" });
    expect(byId.proxyshell.reason).toMatch(/^Unpatched against ProxyShell: /);
    expect(byId.proxyshell.install).toContain("KB500");
    expect(server.patchLevel).toMatchObject({ product: "Exchange 2019", release: "CU8", determined: true });
    expect(server.patchLevel.updatesBehind).toBeGreaterThan(10);
    const cves = server.patchLevel.openCves;
    expect(cves.map((c: { cve: string }) => c.cve)).toEqual(expect.arrayContaining(["CVE-2021-34473", "CVE-2022-41082"]));
    const firstNotKev = cves.findIndex((c: { kev: unknown }) => c.kev === null);
    expect(cves.slice(firstNotKev).every((c: { kev: unknown }) => c.kev === null)).toBe(true);
  });

  it("is a 404 for another tenant's server and for ids that are not ids", async () => {
    const alpha = await findServerId(TEST_ACCESS, "Alpha", "A1");
    expect((await getServer(alpha, viewerOfBeta)).status).toBe(404);
    expect((await getServer("abc")).status).toBe(404);
    expect((await getServer(alpha)).status).toBe(200);
  });
});

describe("issue 9: campaigns", () => {
  it("lists the five built-in campaigns", async () => {
    const res = await get(campaignsGet, "/api/v1/campaigns");
    expect(res.json.rollup).toBe("all");
    expect(res.json.campaigns.map((c: { id: string }) => c.id)).toEqual(["cve-2020-0688", "proxylogon", "proxyshell", "cve-2021-42321", "proxynotshell"]);
    expect(res.json.campaigns.find((c: { id: string }) => c.id === "proxynotshell").mitigations[0]).toMatchObject({ bypassedFrom: "2023-01-10" });
  });

  const post = (body: unknown, token = admin) =>
    call(campaignsPost, "/api/v1/campaigns", { method: "POST", token, body: JSON.stringify(body), headers: { "content-type": "application/json" } });

  it("adds one at run time and judges every server against it at once", async () => {
    // ProxyToken (CVE-2021-33766) was fixed by the April 2021 update, like two of ProxyShell's CVEs.
    const proxytoken = { ...proxyshellFile, id: "proxytoken", name: "ProxyToken", cves: ["CVE-2021-33766"], fixes: [{ securityUpdate: "Apr21SU", cves: ["CVE-2021-33766"] }], signals: undefined };
    const res = await post(proxytoken);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ campaign: { id: "proxytoken", builtIn: false }, servers: 3 });
    expect(await db.serverCampaign.count({ where: { campaign: "proxytoken" } })).toBe(3);
    expect((await get(summaryGet, "/api/v1/summary?campaign=proxytoken")).json).toMatchObject({ servers: 3, statuses: { patched: 1, unpatched: 2 } });
    expect((await get(campaignsGet, "/api/v1/campaigns")).json.campaigns.at(-1)).toMatchObject({ id: "proxytoken", builtIn: false });
  });

  it("refuses a bad definition with 422 naming each field, a taken id with 409, and anyone but an admin with 403", async () => {
    const bad = await post({ ...proxyshellFile, id: "bad-one", disclosed: "soon", fixes: [{ securityUpdate: "Jun99SU", cves: ["CVE-2021-34473"] }] });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(["disclosed", "fixes.0.securityUpdate"]));
    expect((await post({ ...proxyshellFile })).status).toBe(409);
    expect((await post({ ...proxyshellFile, id: "another" }, technician)).status).toBe(403);
    expect(await db.campaign.count({ where: { id: { in: ["bad-one", "another"] } } })).toBe(0);
  });
});
