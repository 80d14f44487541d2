// Issue 12 item 3: long imports without a long request. POST /api/v1/scans with Prefer: respond-async answers 202
// with the job at its Location; the import worker imports the spooled files (in a worker thread, as the server runs
// it, or on this thread); GET /api/v1/imports/ID answers its state, progress and then the synchronous answer.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getImportRoute } from "@/app/api/v1/imports/[id]/route";
import { GET as listJobsRoute } from "@/app/api/v1/imports/jobs/route";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { db } from "@/lib/data/db";
import { createImportJob, getImportJob } from "@/lib/data/imports/import-jobs";
import { startImportWorker, type ImportWorker } from "@/lib/data/imports/import-queue";
import { spoolFiles } from "@/lib/data/imports/spool";
import { importScans } from "@/lib/data/imports/imports";
import { withWriteTransaction } from "@/lib/data/sql-write-transaction";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { tokenCaller, type Caller } from "./callers";
import { call } from "./request";

const SAMPLE = readFileSync(new URL("../../lib/import/fixtures/canonical-small.csv", import.meta.url), "utf8");
const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
let spool: string;
let admin: Caller;
let worker: ImportWorker | null = null;

const post = (body: BodyInit, caller: Caller, headers: Record<string, string> = {}) =>
  call(POST, "/api/v1/scans", { method: "POST", body, headers: { "content-type": "text/csv", prefer: "respond-async", ...caller.headers, ...headers } });
const getJob = (id: string, caller: Caller) => call((req) => getImportRoute(req, { params: Promise.resolve({ id }) }), `/api/v1/imports/${id}`, { headers: caller.headers });
const bytes = (text: string) => (async function* () {
  yield Buffer.from(text);
})();
const withoutIds = (summary: Record<string, unknown>) => ({ ...summary, id: 0 });

beforeAll(() => {
  spool = mkdtempSync(join(tmpdir(), "patchboard-spool-"));
  process.env.PATCHBOARD_SPOOL_DIR = spool;
});
afterAll(() => {
  delete process.env.PATCHBOARD_SPOOL_DIR;
  rmSync(spool, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDatabase();
  for (const entry of readdirSync(spool)) rmSync(join(spool, entry), { recursive: true, force: true });
  admin = await tokenCaller("admin", "admin", null);
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  delete process.env.PATCHBOARD_SPOOL_MAX_MB;
});

describe("issue 12 item 3: asynchronous imports", () => {
  it("answers 202 with the job at its Location, and the worker thread imports it into the same answer as a synchronous upload", async () => {
    const res = await post(SAMPLE, admin);
    expect(res.status).toBe(202);
    expect(res.headers.get("preference-applied")).toBe("respond-async");
    const id = res.json.job.id as string;
    expect(res.headers.get("location")).toBe(`/api/v1/imports/${id}`);
    expect(res.json.job).toMatchObject({ state: "queued", progress: { phase: "queued", bytes: 0, rows: 0 }, status: null, result: null, bytes: Buffer.byteLength(SAMPLE) });
    expect(readdirSync(spool)).toEqual([id]);
    expect(await db.import.count()).toBe(0);

    worker = startImportWorker({ thread: true, pollMs: 50 });
    await worker.idle();
    const done = await getJob(id, admin);
    expect(done.status).toBe(200);
    expect(done.json.job).toMatchObject({ state: "done", status: 201, progress: { phase: "finished", rows: 8 } });
    expect(readdirSync(spool)).toEqual([]);
    const asyncAnswer = done.json.job.result;

    // The same file uploaded synchronously into an empty fleet answers the same, ids aside.
    await resetDatabase();
    const sync = await call(POST, "/api/v1/scans", { method: "POST", body: SAMPLE, headers: { "content-type": "text/csv", ...(await tokenCaller("admin2", "admin", null)).headers } });
    expect(sync.status).toBe(201);
    expect(asyncAnswer.imports.map(withoutIds)).toEqual(sync.json.imports.map(withoutIds));
    expect(withoutIds(asyncAnswer.import)).toEqual(withoutIds(sync.json.import));
  });

  it("records a failed import's error as the synchronous answer's, and deletes its spooled file too", async () => {
    const res = await post(`${HEADER}Acme,MAIL01,10.0.0.1,15.2.792.3,2021-03-10T00:00:00Z,,\nAcme,MAIL02,10.0.0.2,15.2.792.3,not a date,,\n`, admin);
    expect(res.status).toBe(202);
    worker = startImportWorker({ thread: false, pollMs: 50 });
    await worker.idle();
    const job = (await getJob(res.json.job.id, admin)).json.job;
    const sync = await importScans({ files: [{ name: null, stream: bytes("") }], access: TEST_ACCESS, origin: "api", maxBytes: 1e6 });
    expect(sync.failure?.code).toBe("empty_file");
    expect(job.state === "done" || job.state === "failed").toBe(true);
    expect(readdirSync(spool)).toEqual([]);

    const empty = await post("\n", admin);
    await worker.idle();
    const failed = (await getJob(empty.json.job.id, admin)).json.job;
    expect(failed).toMatchObject({ state: "failed", status: 400, result: { error: { code: "empty_file" } } });
    expect(readdirSync(spool)).toEqual([]);
  });

  it("shows a job only to callers who may see it: another organization's caller gets a 404", async () => {
    await importScans({ files: [{ name: null, stream: bytes(`${HEADER}Acme,MAIL01,10.0.0.1,15.2.792.3,2021-03-10T00:00:00Z,,\nCove,MAIL02,10.0.0.2,15.2.792.3,2021-03-10T00:00:00Z,,\n`) }], access: TEST_ACCESS, origin: "api", maxBytes: 1e6 });
    const acme = await tokenCaller("acme tech", "technician", ["acme"]);
    const cove = await tokenCaller("cove tech", "technician", ["cove"]);
    const res = await post(`${HEADER}Acme,MAIL03,10.0.0.3,15.2.792.3,2021-03-11T00:00:00Z,,\n`, acme);
    expect(res.status).toBe(202);
    const id = res.json.job.id as string;
    expect((await getJob(id, acme)).status).toBe(200);
    expect((await getJob(id, admin)).status).toBe(200);
    const other = await getJob(id, cove);
    expect(other.status).toBe(404);
    expect(other.json).toEqual({ error: { code: "not_found", message: "Import not found." } });
    expect((await getJob("00000000-0000-4000-8000-000000000000", admin)).status).toBe(404);

    const list = (caller: Caller, query = "") => call(listJobsRoute, `/api/v1/imports/jobs${query}`, { headers: caller.headers });
    expect((await list(acme)).json.data.map((j: { id: string }) => j.id)).toEqual([id]);
    expect((await list(cove)).json).toEqual({ data: [], next: null });
    // Keyset pages: one job a page, newest first.
    const second = await post(`${HEADER}Acme,MAIL04,10.0.0.4,15.2.792.3,2021-03-11T00:00:00Z,,\n`, admin);
    const first = await list(admin, "?limit=1");
    expect(first.json.data.map((j: { id: string }) => j.id)).toEqual([second.json.job.id]);
    const next = await list(admin, `?limit=1&after=${first.json.next}`);
    expect(next.json).toMatchObject({ data: [{ id }], next: null });

    // The worker imports with the caller's rights: a file naming another organization is refused whole.
    const refused = await post(`${HEADER}Cove,MAIL09,10.0.0.9,15.2.792.3,2021-03-11T00:00:00Z,,\n`, acme);
    worker = startImportWorker({ thread: false, pollMs: 50 });
    await worker.idle();
    expect((await getJob(refused.json.job.id, acme)).json.job).toMatchObject({ state: "failed", status: 403 });
    expect(await db.server.count({ where: { hostname: "MAIL09" } })).toBe(0);
    // Client viewers cannot upload, in the background either.
    const viewer = await tokenCaller("viewer", "viewer", ["acme"]);
    expect((await post(SAMPLE, viewer)).status).toBe(403);
  });

  it("refuses an upload with 507 when the spool is full, and leaves nothing behind", async () => {
    process.env.PATCHBOARD_SPOOL_MAX_MB = String(200 / 1048576); // 200 bytes
    const big = `${HEADER}${"Acme,MAIL01,10.0.0.1,15.2.792.3,2021-03-10T00:00:00Z,,\n".repeat(10)}`;
    const withLength = await post(big, admin, { "content-length": String(Buffer.byteLength(big)) });
    expect(withLength.status).toBe(507);
    expect(withLength.json.error.code).toBe("spool_full");
    const streamed = await post(new Blob([big]).stream(), admin);
    expect(streamed.status).toBe(507);
    expect(readdirSync(spool)).toEqual([]);
    expect(await db.importJob.count()).toBe(0);
  });

  it("re-runs a job a stopped server left running, from its spooled file", async () => {
    const id = "11111111-2222-4333-8444-555555555555";
    const spooled = await spoolFiles(id, [{ name: "left.csv", stream: bytes(SAMPLE) }], { dir: spool, maxBytes: 1e9 });
    await createImportJob({ id, access: TEST_ACCESS, origin: "api", tokenId: null, options: {}, spooled });
    // As the server left it: claimed, its lease run out (nothing of the import was committed: it is one transaction).
    await withWriteTransaction((s) => s.run(`UPDATE "ImportJob" SET "state" = 'running', "attempts" = 1, "lockedUntil" = ? WHERE "id" = ?`, [new Date(Date.now() - 1000), id]));
    worker = startImportWorker({ thread: false, pollMs: 50 });
    await worker.idle();
    const job = await getImportJob(TEST_ACCESS, id);
    expect(job).toMatchObject({ state: "done", status: 201, files: ["left.csv"] });
    expect(await db.server.count()).toBe(8);
    expect(existsSync(join(spool, id))).toBe(false);
  });

  it("answers a job whose spooled files are gone as failed", async () => {
    const id = "11111111-2222-4333-8444-666666666666";
    const spooled = await spoolFiles(id, [{ name: "gone.csv", stream: bytes(SAMPLE) }], { dir: spool, maxBytes: 1e9 });
    await createImportJob({ id, access: TEST_ACCESS, origin: "api", tokenId: null, options: {}, spooled });
    rmSync(spooled.path, { recursive: true });
    worker = startImportWorker({ thread: false, pollMs: 50 });
    await worker.idle();
    expect(await getImportJob(TEST_ACCESS, id)).toMatchObject({ state: "failed", result: { error: { code: "spool_missing" } } });
  });

  it("keeps a synchronous upload synchronous (no Prefer header): no job", async () => {
    const res = await call(POST, "/api/v1/scans", { method: "POST", body: SAMPLE, headers: { "content-type": "text/csv", ...admin.headers } });
    expect(res.status).toBe(201);
    expect(await db.importJob.count()).toBe(0);
    void createApiToken;
  });
});
