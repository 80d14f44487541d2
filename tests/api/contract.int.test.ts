// Issue 12 item 5: the published contract. Every route file under app/api/v1 is in the API's description, with the
// methods it exports and the query schema it validates with. On a small fleet, every documented operation is called
// through its real handler, and each answer must have a status its operation lists, a media type listed for that
// status, and a body that the description's schema accepts, checked as JSON Schema 2020-12 by a validator that knows
// nothing of zod (as any client reading the document would).
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { apiDocument } from "@/lib/api/openapi/api-document";
import { METHODS } from "@/lib/api/openapi/document";
import { API_OPERATIONS } from "@/lib/api/openapi/routes";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { startImportWorker } from "@/lib/data/imports/import-queue";
import proxyshellFile from "@/lib/domain/campaigns/data/proxyshell.json";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { tinyPng } from "../support/tiny-png";
import { tokenCaller, userCaller, type Caller } from "./callers";
import { callDocumented, doc, pathOf, routeModule, seen, V1, type ApiCall } from "./contract-check";

// The catch-all answers an unknown path with a 404 in the API's error shape: it is no route of the API.
const NOT_ROUTES = new Set(["[...path]"]);

const FIXTURES = new URL("../../lib/import/parsers/fixtures/", import.meta.url);
const TPL_DIR = new URL("test-proxylogon/", FIXTURES);
const CSV = [
  "organization,hostname,ip_address,exchange_build,scanned_at,indicators",
  "Harbor,H-PATCHED,10.0.0.1,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-PATCHED,10.0.0.1,15.2.792.10,2021-03-09T10:00:00Z,",
  "Harbor,H-OPEN,10.0.0.2,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-OLD,,15.1.2176.2,2021-03-04T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\old.aspx",
  "Harbor,EXCH01,,15.2.792.3,2021-03-04T10:00:00Z,",
  "Cove,C-OPEN,,15.2.792.3,2021-03-05T10:00:00Z,",
  "Cove,C-OPEN,,15.2.792.10,2021-03-12T10:00:00Z,",
  "",
].join("\n");

let admin: Caller;
let harborViewer: Caller;
let session: Caller;

const api = (c: ApiCall) => callDocumented(c, admin);
const json = (value: unknown) => ({ body: JSON.stringify(value), type: "application/json" });
async function serverIdOf(hostname: string): Promise<number> {
  const res = await api({ method: "get", path: "/servers", query: `?q=${hostname}` });
  const row = (res.json.data as { id: number; hostname: string }[]).find((r) => r.hostname === hostname);
  if (!row) throw new Error(`no server ${hostname}`);
  return row.id;
}

beforeAll(async () => {
  await resetDatabase();
  admin = await tokenCaller("contract admin", "admin", null);
  session = await userCaller("Contract Owner", "owner", null);
  await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
});

describe("issue 12 item 5: every route is in the description", () => {
  const files = (readdirSync(V1, { recursive: true }) as string[])
    .filter((f) => f.endsWith("route.ts"))
    .map((f) => f.slice(0, -"/route.ts".length))
    .filter((folder) => !NOT_ROUTES.has(folder));

  it("lists every route file under app/api/v1, and no path that has none", () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
    expect(files.map(pathOf).sort()).toEqual(Object.keys(doc.paths).sort());
  });

  it("describes exactly the methods each route exports", async () => {
    for (const path of Object.keys(doc.paths)) {
      const mod = await routeModule(path);
      const exported = METHODS.filter((m) => typeof mod[m.toUpperCase()] === "function");
      expect(exported, path).toEqual(METHODS.filter((m) => doc.paths[path][m]));
    }
  });

  it("shows the very query schema each route validates with", async () => {
    const parsesItself: string[] = [];
    for (const op of API_OPERATIONS) {
      const handler = (await routeModule(op.path))[op.method.toUpperCase()]!;
      if (handler.query) expect(handler.query, op.id).toBe(op.query);
      else if (op.query) parsesItself.push(op.id);
    }
    // The upload reads its options with the parsers of lib/zod/upload-options.ts, after checking them before the body.
    expect(parsesItself).toEqual(["uploadScans"]);
  });
});

describe("issue 12 item 5: every answer is what the description says", () => {
  let firstImport: number;
  let exch01: number;
  let hOpen: number;

  it("uploads: a CSV, a Test-ProxyLogon run as a form, a Health Checker report; a duplicate, a dry run, NDJSON progress", async () => {
    const csv = await api({ method: "post", path: "/scans", body: CSV, type: "text/csv" });
    expect(csv.status).toBe(201);
    firstImport = csv.json.import.id;
    harborViewer = await tokenCaller("harbor viewer", "viewer", ["harbor"]);
    const form = new FormData();
    form.append("organization", "Harbor");
    form.append("scannedAt", "2021-03-12T10:00:00Z");
    for (const name of readdirSync(TPL_DIR)) form.append("file", new Blob([readFileSync(new URL(name, TPL_DIR))]), name);
    expect((await api({ method: "post", path: "/scans", body: form })).status).toBe(201);
    const report = readFileSync(new URL("healthchecker-en-us.json", FIXTURES));
    expect((await api({ method: "post", path: "/scans", query: "?organization=Harbor&scannedAt=2021-03-13T10:00:00Z", body: report, type: "application/json" })).status).toBe(201);

    expect((await api({ method: "post", path: "/scans", body: CSV, type: "text/csv" })).json.import.duplicate).toBe(true);
    const dry = await api({ method: "post", path: "/scans", query: "?dryRun=1&organization=Newport", body: CSV, type: "text/csv" });
    expect(dry.json).toMatchObject({ dryRun: true, newOrganizations: ["Newport"] });
    const progress = await api({ method: "post", path: "/scans", body: "organization,hostname,exchange_build,scanned_at\nCove,C-NEW,15.2.792.3,2021-03-15T10:00:00Z\n", type: "text/csv", headers: { accept: "application/x-ndjson" } });
    expect(progress.lines!.at(-1)).toMatchObject({ type: "result", status: 201 });
    exch01 = await serverIdOf("EXCH01");
    hOpen = await serverIdOf("H-OPEN");
  });

  it("reads the fleet: summary, trend, time to patch, each for the roll-up and a campaign", async () => {
    for (const query of ["", "?campaign=proxylogon&organization=harbor"]) {
      await api({ method: "get", path: "/summary", query });
      await api({ method: "get", path: "/patch-times", query });
    }
    const trend = await api({ method: "get", path: "/trend", query: "?campaign=proxylogon" });
    expect(trend.json.days.length).toBeGreaterThan(0);
  });

  it("lists organizations and servers as JSON pages, CSV and XLSX", async () => {
    for (const path of ["/organizations", "/servers"]) {
      expect((await api({ method: "get", path })).json.total).toBeGreaterThan(0);
      await api({ method: "get", path, query: "?format=csv&campaign=proxylogon" });
      await api({ method: "get", path, query: "?format=xlsx" });
      await api({ method: "get", path, headers: { accept: "text/csv" } });
    }
    const queue = await api({ method: "get", path: "/servers", query: "?campaign=proxylogon&hunt=needed,partly-hunted,compromised&sort=exposure&status=unpatched,compromised" });
    expect(queue.json.data.length).toBeGreaterThan(0);
  });

  it("reads one server, records a hunt and a lifecycle mark on another", async () => {
    const server = await api({ method: "get", path: "/servers/{id}", params: { id: exch01 } });
    expect(server.json.server.compromiseCheck).not.toBeNull();
    expect(server.json.server.campaigns.some((c: { toolVerdicts: unknown[] }) => c.toolVerdicts.length > 0)).toBe(true);
    const hunt = { fromDay: "2020-09-01", toDay: "2021-03-04", tool: "Defender for Endpoint", result: "clean", note: "timeline reviewed" };
    expect((await api({ method: "post", path: "/servers/{id}/hunts", params: { id: hOpen }, ...json(hunt) })).status).toBe(201);
    expect((await api({ method: "get", path: "/servers/{id}/hunts", params: { id: hOpen } })).json.hunts).toHaveLength(1);
    expect((await api({ method: "post", path: "/servers/{id}/lifecycle", params: { id: hOpen }, ...json({ action: "disconnect", note: "off the internet" }) })).status).toBe(201);
    expect((await api({ method: "get", path: "/servers/{id}/lifecycle", params: { id: hOpen } })).json.disconnected).toBe(true);
  });

  it("reads an organization's weekly digest and client report, and the fleet report", async () => {
    const digest = await api({ method: "get", path: "/organizations/{slug}/digest", params: { slug: "harbor" }, query: "?campaign=proxylogon&until=2021-03-14" });
    expect(digest.json.patched.total + digest.json.findings.total).toBeGreaterThan(0);
    await api({ method: "get", path: "/organizations/{slug}/report.pdf", params: { slug: "harbor" }, query: "?campaign=proxylogon" });
    await api({ method: "get", path: "/report.pdf" });
  });

  it("lists imports and reads one with the servers it touched", async () => {
    expect((await api({ method: "get", path: "/imports", query: "?pageSize=2" })).json.data).toHaveLength(2);
    expect((await api({ method: "get", path: "/imports/{id}", params: { id: firstImport } })).json.servers.total).toBeGreaterThan(0);
  });

  it("uploads in the background: 202 with the job, which the worker imports; reads it and lists the jobs", async () => {
    const queued = await api({ method: "post", path: "/scans", body: "organization,hostname,exchange_build,scanned_at\nCove,C-ASYNC,15.2.792.3,2021-03-16T10:00:00Z\n", type: "text/csv", headers: { prefer: "respond-async" } });
    expect(queued.status).toBe(202);
    const id = queued.json.job.id as string;
    expect((await api({ method: "get", path: "/imports/{id}", params: { id } })).json.job.state).toBe("queued");
    const worker = startImportWorker({ thread: false, pollMs: 50 });
    try {
      await worker.idle();
    } finally {
      await worker.stop();
    }
    expect((await api({ method: "get", path: "/imports/{id}", params: { id } })).json.job).toMatchObject({ state: "done", status: 201 });
    expect((await api({ method: "get", path: "/imports/jobs", query: "?limit=5" })).json.data[0].id).toBe(id);
  });

  it("saves, lists, reads and deletes a column mapping", async () => {
    const mapping = { name: "rmm-inventory", columns: { organization: "Client", hostname: "Server", exchange_build: "Version", scanned_at: "Checked" }, fixed: { scanned_at: "2021-03-09" } };
    expect((await api({ method: "post", path: "/mappings", ...json(mapping) })).status).toBe(201);
    expect((await api({ method: "get", path: "/mappings" })).json.mappings).toHaveLength(1);
    await api({ method: "get", path: "/mappings/{name}", params: { name: "rmm-inventory" } });
    expect((await api({ method: "delete", path: "/mappings/{name}", params: { name: "rmm-inventory" } })).status).toBe(204);
  });

  it("lists and adds campaigns", async () => {
    expect((await api({ method: "get", path: "/campaigns" })).json.campaigns.length).toBeGreaterThanOrEqual(5);
    const proxytoken = { ...proxyshellFile, id: "proxytoken", name: "ProxyToken", cves: ["CVE-2021-33766"], fixes: [{ securityUpdate: "Apr21SU", cves: ["CVE-2021-33766"] }], signals: undefined };
    expect((await api({ method: "post", path: "/campaigns", ...json(proxytoken) })).json.servers).toBeGreaterThan(0);
  });

  it("adds and lists webhooks, sets and removes the logo", async () => {
    const created = await api({ method: "post", path: "/webhooks", ...json({ name: "SOC", url: "http://127.0.0.1:9/patchboard", events: ["server.compromised"], organizations: ["harbor"] }) });
    expect(created.status).toBe(201);
    expect((await api({ method: "get", path: "/webhooks" })).json.webhooks).toHaveLength(1);
    expect((await api({ method: "put", path: "/branding/logo", body: new Uint8Array(tinyPng()), type: "image/png" })).json.logo.contentType).toBe("image/png");
    await api({ method: "delete", path: "/branding/logo" });
  });

  it("serves the description itself without credentials, the same document the reference is drawn from", async () => {
    const res = await api({ method: "get", path: "/openapi.json", caller: null });
    expect(res.json).toEqual(JSON.parse(JSON.stringify(apiDocument())));
  });

  it("answers client errors in the shared error shape, with a status each operation lists", async () => {
    const errors: [ApiCall, number, string][] = [
      [{ method: "get", path: "/summary", caller: null }, 401, "unauthorized"],
      [{ method: "get", path: "/servers", query: "?status=nonsense" }, 400, "invalid_request"],
      [{ method: "get", path: "/trend", query: "?from=2021-03-10&to=2021-03-01" }, 400, "invalid_range"],
      [{ method: "get", path: "/summary", query: "?campaign=no-such" }, 404, "unknown_campaign"],
      [{ method: "get", path: "/servers/{id}", params: { id: 999999 } }, 404, "not_found"],
      [{ method: "get", path: "/organizations/{slug}/digest", params: { slug: "cove" }, caller: null }, 401, "unauthorized"],
      [{ method: "get", path: "/organizations/{slug}/report.pdf", params: { slug: "cove" }, caller: harborViewer }, 404, "not_found"],
      [{ method: "get", path: "/report.pdf", caller: harborViewer }, 403, "forbidden"],
      [{ method: "get", path: "/imports/{id}", params: { id: 999999 } }, 404, "not_found"],
      [{ method: "get", path: "/imports/{id}", params: { id: "00000000-0000-4000-8000-000000000000" } }, 404, "not_found"],
      [{ method: "get", path: "/mappings/{name}", params: { name: "nope" } }, 404, "not_found"],
      [{ method: "post", path: "/scans", body: CSV, type: "text/csv", caller: harborViewer }, 403, "forbidden"],
      [{ method: "post", path: "/scans", body: "Client,Server,Version\nHarbor,X1,15.2.792.3\n", type: "text/csv" }, 422, "unmapped_header"],
      [{ method: "post", path: "/scans", body: CSV, type: "image/gif" }, 415, "unsupported_media_type"],
      [{ method: "post", path: "/scans", query: "?dryRun=yes", body: CSV, type: "text/csv" }, 400, "invalid_request"],
      [{ method: "post", path: "/servers/{id}/hunts", params: { id: hOpen }, ...json({ tool: "x" }) }, 400, "invalid_request"],
      [{ method: "post", path: "/servers/{id}/lifecycle", params: { id: hOpen }, ...json({ action: "recommission" }) }, 409, "invalid_state"],
      [{ method: "post", path: "/mappings", body: "{}", type: "text/plain" }, 415, "unsupported_media_type"],
      [{ method: "post", path: "/campaigns", ...json({ ...proxyshellFile }) }, 409, "campaign_exists"],
      [{ method: "post", path: "/campaigns", ...json({ ...proxyshellFile, id: "bad-one", disclosed: "soon" }) }, 422, "invalid_campaign"],
      [{ method: "post", path: "/campaigns", ...json({ ...proxyshellFile, id: "mine" }), caller: { ...session, headers: { ...session.headers, origin: "http://elsewhere.example" } } }, 403, "cross_origin"],
      [{ method: "post", path: "/webhooks", ...json({ name: "x", url: "http://169.254.169.254/", events: ["server.compromised"] }) }, 422, "invalid_url"],
      [{ method: "put", path: "/branding/logo", body: new Uint8Array(300 * 1024), type: "image/png" }, 413, "payload_too_large"],
      [{ method: "put", path: "/branding/logo", body: "GIF89a, not a logo", type: "image/gif" }, 422, "logo_type"],
    ];
    for (const [request, status, code] of errors) {
      const res = await api(request);
      expect([res.status, res.json?.error?.code], `${request.method} ${request.path}${request.query ?? ""}`).toEqual([status, code]);
    }
  });

  it("has seen every success each operation documents", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((m) => Object.keys(item[m]?.responses ?? {}).filter((s) => s.startsWith("2")).map((s) => `${m} ${path} ${s}`)),
    );
    expect(documented.filter((d) => !seen.has(d))).toEqual([]);
  });
});
