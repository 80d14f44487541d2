// The isolation matrix for the API and the data layer, generated: every caller limited to tenant A asks for
// tenant B's organization, servers, scans, imports and remediations in every way the API and the data layer
// offer, and must get 404/403 (targeted) or an answer without any trace of B (lists, searches, aggregates).
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postSession } from "@/app/api/session/route";
import { DELETE as deleteMappingRoute, GET as getMappingRoute } from "@/app/api/v1/mappings/[name]/route";
import { GET as getMappings } from "@/app/api/v1/mappings/route";
import { GET as getOrganizations } from "@/app/api/v1/organizations/route";
import { POST as postScans } from "@/app/api/v1/scans/route";
import { GET as getServers } from "@/app/api/v1/servers/route";
import { GET as getSummary } from "@/app/api/v1/summary/route";
import { GET as getTrend } from "@/app/api/v1/trend/route";
import { db } from "@/lib/data/db";
import { getFleetSummary } from "@/lib/data/fleet/summary";
import { importScanFile } from "@/lib/data/imports/imports";
import { createMapping, getMapping, listMappings } from "@/lib/data/imports/mappings";
import { deleteOrganization, getOrganization, listOrganizations } from "@/lib/data/fleet/organizations";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { accessFromSession } from "@/lib/data/accounts/sign-in";
import { getServer } from "@/lib/data/fleet/server-detail";
import { listServers } from "@/lib/data/fleet/servers";
import { createApiToken, verifyApiToken } from "@/lib/data/accounts/tokens";
import { createAccountDirectly } from "@/lib/data/accounts/users";
import type { Access } from "@/lib/domain/access";
import { organizationListQuery, serverListQuery } from "@/lib/zod/list-queries";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";

const ORIGIN = "http://localhost";
// Tenant B's words: none may appear in an answer to a caller limited to A.
const B = { name: "Zebulon Freight Co", slug: "zebulon-freight-co", hosts: ["ZEB-MAIL-01", "ZEB-MAIL-02"], ip: "203.0.113.77" };
const A = { name: "Acme Dental", slug: "acme-dental" };
const CSV = [
  "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation",
  `${A.name},ACME-EX,192.0.2.5,15.1.2176.2,2021-03-08T00:00:00Z,,`,
  `${B.name},${B.hosts[0]},${B.ip},15.1.2176.9,2021-03-08T00:00:00Z,,`,
  `${B.name},${B.hosts[1]},203.0.113.78,15.1.2176.2,2021-03-09T00:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\zebshell.aspx,`,
].join("\n");
const FORBIDDEN_WORDS = [B.name, B.slug, ...B.hosts, B.ip, "zebshell"];

type Principal = { label: string; headers: Record<string, string>; access: Access };
const principals: Principal[] = [];
let bServerIds: number[] = [];
let cases = 0;

async function sessionCookie(email: string, password: string): Promise<string> {
  const res = await postSession(
    new Request(`${ORIGIN}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "localhost" },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

beforeAll(async () => {
  await resetDatabase();
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "both.csv", origin: "api", maxBytes: 1e6 });
  bServerIds = (await db.server.findMany({ where: { organization: { slug: B.slug } }, select: { id: true } })).map((s) => s.id);
  await recordRemediation(TEST_ACCESS, { serverId: bServerIds[1], note: "Zebulon shell removed" });
  // The MSP's mapping for B's RMM export: its fixed organization is B's name.
  await createMapping(TEST_ACCESS, { name: "zeb-rmm", columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: B.name } });

  for (const [role, label] of [["viewer", "client viewer (user)"], ["technician", "technician limited to A (user)"]] as const) {
    const email = `${role}@a.example.test`;
    await createAccountDirectly({ name: label, email, password: "a long enough password", role, organizations: [A.name] });
    await db.user.update({ where: { email }, data: { allOrganizations: false } });
    const cookie = await sessionCookie(email, "a long enough password");
    const headers = { cookie, origin: ORIGIN, host: "localhost" };
    principals.push({ label, headers, access: (await accessFromSession(new Headers(headers), null))! });
  }
  for (const role of ["technician", "viewer"] as const) {
    const { token } = await createApiToken(`${role} token for A`, { role, organizationSlugs: [A.slug] });
    principals.push({ label: `${role} token limited to A`, headers: { authorization: `Bearer ${token}` }, access: (await verifyApiToken(token))! });
  }
});

afterAll(() => {
  console.log(`isolation matrix (API and data layer): ${cases} cases, ${principals.length} callers limited to one tenant`);
});

function expectNoTrace(body: string, where: string) {
  for (const word of FORBIDDEN_WORDS) expect(body.toLowerCase(), `${where} mentions "${word}"`).not.toContain(word.toLowerCase());
}

type Handler = (req: Request) => Promise<Response>;
// Requests for B's records by slug, by name and by hostname: each must be refused, or answered without B.
const TARGETED: { name: string; handler: Handler; path: string; refused?: number[] }[] = [
  { name: "summary of B by slug", handler: getSummary, path: `/api/v1/summary?organization=${B.slug}`, refused: [404] },
  { name: "servers of B by slug", handler: getServers, path: `/api/v1/servers?organization=${B.slug}`, refused: [404] },
  { name: "trend of B by slug", handler: getTrend, path: `/api/v1/trend?organization=${B.slug}`, refused: [404] },
  { name: "organizations searched by B's name", handler: getOrganizations, path: `/api/v1/organizations?q=zebulon` },
  { name: "servers searched by B's hostname", handler: getServers, path: `/api/v1/servers?q=zeb-mail` },
  { name: "servers searched by B's address", handler: getServers, path: `/api/v1/servers?q=203.0.113.77` },
  { name: "compromised servers", handler: getServers, path: `/api/v1/servers?status=compromised` },
  { name: "the whole fleet's summary", handler: getSummary, path: `/api/v1/summary` },
  { name: "every organization", handler: getOrganizations, path: `/api/v1/organizations?pageSize=200` },
  { name: "every server", handler: getServers, path: `/api/v1/servers?pageSize=200` },
  { name: "the fleet's trend", handler: getTrend, path: `/api/v1/trend` },
  { name: "column mappings", handler: getMappings, path: `/api/v1/mappings`, refused: [200, 403] },
];

describe("API: callers limited to tenant A never see tenant B", () => {
  it.each(TARGETED)("$name", async ({ handler, path, refused }) => {
    for (const p of principals) {
      cases++;
      const res = await handler(new Request(`${ORIGIN}${path}`, { headers: p.headers }));
      const body = await res.text();
      if (refused) expect(refused, `${p.label}: ${path} answered ${res.status}`).toContain(res.status);
      else expect(res.status, `${p.label}: ${path}`).toBe(200);
      expectNoTrace(body, `${p.label}: ${path}`);
    }
  });

  it("counts only tenant A in the summary", async () => {
    for (const p of principals) {
      cases++;
      const res = await getSummary(new Request(`${ORIGIN}/api/v1/summary`, { headers: p.headers }));
      // Tenant B's newer scan (03-09) does not show through as the latest scan either.
      expect(await res.json()).toEqual({
        campaign: "all",
        servers: 1,
        organizations: 1,
        statuses: { patched: 0, unpatched: 1, mitigated: 0, compromised: 0, unknown: 0 },
        latestScanAt: "2021-03-08T00:00:00.000Z",
        huntNeeded: 1,
      });
    }
  });

  it("refuses an upload naming tenant B whole, with 403 (and 403 for viewers at all)", async () => {
    const file = `organization,hostname,exchange_build,scanned_at\n${A.name},ACME-NEW,15.1.2176.9,2021-04-01\n${B.name},${B.hosts[0]},15.1.2176.9,2021-04-01\n`;
    const before = await db.scan.count();
    for (const p of principals) {
      cases++;
      const res = await postScans(new Request(`${ORIGIN}/api/v1/scans`, { method: "POST", headers: { ...p.headers, "content-type": "text/csv" }, body: file }));
      expect(res.status, p.label).toBe(403);
      const body = await res.text();
      expect(body).not.toContain(B.hosts[0]);
    }
    expect(await db.scan.count()).toBe(before);
  });

  it("answers B's earlier import, uploaded again, with 403 and nothing of it", async () => {
    for (const p of principals) {
      cases++;
      const res = await postScans(new Request(`${ORIGIN}/api/v1/scans`, { method: "POST", headers: { ...p.headers, "content-type": "text/csv" }, body: CSV }));
      expect(res.status, p.label).toBe(403);
      expectNoTrace(await res.text(), `${p.label}: re-upload`);
    }
  });
});

describe("column mappings of tenant B", () => {
  const RMM = "Server,Version\nACME-RMM,15.1.2176.9\n";
  const request = (p: Principal, path: string, init: RequestInit = {}) => new Request(`${ORIGIN}${path}`, { ...init, headers: { ...p.headers, ...(init.headers as Record<string, string>) } });
  const withName = (name: string) => ({ params: Promise.resolve({ name }) });

  it("issue 8 item 8: are not listed, read, deleted, used nor offered to callers limited to A", async () => {
    for (const p of principals) {
      cases += 5;
      const writer = p.access.role !== "viewer";
      const answers = [
        await getMappingRoute(request(p, "/api/v1/mappings/zeb-rmm"), withName("zeb-rmm")),
        await deleteMappingRoute(request(p, "/api/v1/mappings/zeb-rmm", { method: "DELETE" }), withName("zeb-rmm")),
        await postScans(request(p, "/api/v1/scans?mapping=zeb-rmm&organization=Acme%20Dental", { method: "POST", body: RMM, headers: { "content-type": "text/csv" } })),
        await postScans(request(p, "/api/v1/scans", { method: "POST", body: RMM, headers: { "content-type": "text/csv" } })),
      ];
      expect(answers.map((r) => r.status), p.label).toEqual(writer ? [404, 404, 422, 422] : [403, 403, 403, 403]);
      for (const res of answers) expectNoTrace(await res.text(), `${p.label}: mappings`);
      if (writer) {
        expect(JSON.stringify(await listMappings(p.access))).not.toContain("zeb-rmm");
        await expect(getMapping(p.access, "zeb-rmm")).rejects.toMatchObject({ status: 404 });
      }
    }
    expect(await db.columnMapping.count({ where: { name: "zeb-rmm" } })).toBe(1);
  });
});

describe("data layer: every function scopes by the caller", () => {
  it("answers B's organization, servers (with their scans, findings, remediations) as missing", async () => {
    for (const p of principals) {
      cases += 2 + bServerIds.length;
      expect(await getOrganization(p.access, B.slug)).toBeNull();
      for (const id of bServerIds) expect(await getServer(p.access, id)).toBeNull();
      await expect(listServers(p.access, serverListQuery.parse({ organization: B.slug }))).rejects.toMatchObject({ status: 404 });
    }
  });

  it("refuses to remediate or delete in tenant B", async () => {
    for (const p of principals) {
      cases += 2;
      await expect(recordRemediation(p.access, { serverId: bServerIds[1], note: "not mine" })).rejects.toMatchObject({ status: expect.any(Number) });
      await expect(deleteOrganization(p.access, B.slug, B.name)).rejects.toMatchObject({ status: 403 });
    }
    expect(await db.remediation.count()).toBe(1);
    expect(await db.organization.count({ where: { slug: B.slug } })).toBe(1);
  });

  it("lists and aggregates tenant A alone", async () => {
    for (const p of principals) {
      cases += 3;
      const orgs = await listOrganizations(p.access, organizationListQuery.parse({}));
      expect(orgs.data.map((o) => o.slug)).toEqual([A.slug]);
      expect((await getFleetSummary(p.access)).servers).toBe(1);
      expect(JSON.stringify(await listServers(p.access, serverListQuery.parse({})))).not.toContain("ZEB");
    }
  });
});
