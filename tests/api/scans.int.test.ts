import { readdirSync, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken, registerApiToken } from "@/lib/data/accounts/tokens";
import { db } from "@/lib/data/db";
import { importScans } from "@/lib/data/imports/imports";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { tokenCaller, type Caller } from "./callers";
import { call } from "./request";

const SAMPLE = readFileSync(new URL("../../lib/import/fixtures/canonical-small.csv", import.meta.url), "utf8");
const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
const FIXTURES = new URL("../../lib/import/parsers/fixtures/", import.meta.url);
const NMAP = readFileSync(new URL("nmap-proxylogon.xml", FIXTURES));
const TPL_DIR = new URL("test-proxylogon/", FIXTURES);
const TPL_FILES = readdirSync(TPL_DIR).map((name) => ({ name, bytes: readFileSync(new URL(name, TPL_DIR)) }));
let token: string;

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "text/csv" }, t: string | null = token) =>
  call(POST, "/api/v1/scans", { method: "POST", token: t, body, headers });

async function counts() {
  const [orgs, servers, scans, imports] = await Promise.all([db.organization.count(), db.server.count(), db.scan.count(), db.import.count()]);
  return { orgs, servers, scans, imports };
}

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("test")).token;
});

describe("POST /api/v1/scans", () => {
  it("imports the canonical sample and decides each server's status", async () => {
    const res = await post(SAMPLE);
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "canonical-csv", rows: 8, accepted: 8, rejected: 0, errors: [], duplicate: false, serversCreated: 8 });
    const servers = await db.serverCampaign.findMany({ where: { campaign: "proxylogon" }, select: { status: true, server: { select: { hostname: true } } } });
    const status = Object.fromEntries(servers.map((s) => [s.server.hostname, s.status]));
    expect(status).toEqual({
      MAIL01: "patched",
      MAIL02: "unpatched",
      EXCH01: "mitigated",
      EXCH02: "compromised",
      "SRV-EX": "patched",
      "SRV-EX2": "unknown",
      EX2010: "patched",
      OLDEX: "unpatched",
    });
    const acme = await db.organizationStatus.findFirst({ where: { campaign: "proxylogon", organization: { slug: "acme-dental" } } });
    expect(acme).toMatchObject({ servers: 2, patched: 1, unpatched: 1, percentPatched: 50 });
  });

  it("answers a repeated identical upload with duplicate: true and changes nothing", async () => {
    expect((await post(SAMPLE)).status).toBe(201);
    const before = await counts();
    const again = await post(SAMPLE);
    expect(again.status).toBe(200);
    expect(again.json.import.duplicate).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("accepts a multipart form with field file", async () => {
    const form = new FormData();
    form.append("file", new Blob([SAMPLE], { type: "text/csv" }), "scan.csv");
    const res = await call(POST, "/api/v1/scans", { method: "POST", token, body: form });
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ accepted: 8, fileName: "scan.csv" });
  });

  it("reports rejected rows with their line numbers and imports the rest", async () => {
    const csv = HEADER + "Acme,MAIL01,,15.1.2176.9,2021-03-08,,\nAcme,,,15.1.2176.9,2021-03-08,,\nAcme,MAIL03,,banana,2021-03-08,,\nAcme,MAIL04,,15.1.2176.9,2999-01-01,,\n";
    const res = await post(csv);
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ rows: 4, accepted: 1, rejected: 3 });
    expect(res.json.import.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(await db.server.count()).toBe(1);
  });

  it.each([
    ["a missing token", null, 401],
    ["a wrong token", "pb_not-a-real-token", 401],
  ])("refuses %s", async (_what, t, status) => {
    const res = await post(SAMPLE, { "content-type": "text/csv" }, t);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe("unauthorized");
    expect((await counts()).scans).toBe(0);
  });

  it("accepts the operator's registered admin token", async () => {
    await registerApiToken("admin", "operator-chosen-secret-token-7f3a9c1e5b");
    expect((await post(SAMPLE, { "content-type": "text/csv" }, "operator-chosen-secret-token-7f3a9c1e5b")).status).toBe(201);
  });

  it("answers an empty body with 400", async () => {
    const res = await post("");
    expect(res.status).toBe(400);
    expect(res.json.error.code).toMatch(/empty/);
  });

  it("answers a wrong content type with 415", async () => {
    const res = await post(SAMPLE, { "content-type": "image/png" });
    expect(res.status).toBe(415);
    expect(res.json.error).toMatchObject({ code: "unsupported_media_type" });
  });

  it("rejects binary garbage whole with 422", async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const res = await post(garbage);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("unrecognized_format");
    expect(res.json.error.message).toMatch(/binary/);
    expect(await counts()).toEqual({ orgs: 0, servers: 0, scans: 0, imports: 0 });
  });

  it("rejects a 10 MB line without crashing, and keeps the database as it was", async () => {
    const res = await post(HEADER + "Acme,MAIL01,,15.1.2176.9,2021-03-08,,\n" + `Acme,BIG,,15.1.2176.9,2021-03-08,${"x".repeat(10 * 1024 * 1024)},\n`);
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/line 3/i);
    expect(await counts()).toEqual({ orgs: 0, servers: 0, scans: 0, imports: 0 });
  });

  it("leaves the database as it was when a file fails halfway (atomic per file)", async () => {
    await post(SAMPLE);
    const before = await counts();
    const rows = Array.from({ length: 5000 }, (_, i) => `Bulk Org,HOST${i},,15.1.2176.9,2021-03-08,,`).join("\n");
    const res = await post(`${HEADER}${rows}\n"unterminated,quote\n`);
    expect(res.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("imports two files sent at the same time, one after the other", async () => {
    const other = SAMPLE.replace(/2021-03-/g, "2021-04-");
    const [a, b] = await Promise.all([post(SAMPLE), post(other)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json.import.serversUpdated + b.json.import.serversCreated).toBe(8);
    expect(await counts()).toMatchObject({ servers: 8, scans: 16, imports: 2 });
  });

  it("answers 413 for a file over the limit, detected while streaming", async () => {
    process.env.PATCHBOARD_MAX_UPLOAD_MB = "1";
    try {
      const line = "Acme,MAIL01,,15.1.2176.9,2021-03-08,,\n";
      const encoder = new TextEncoder();
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent > 3 * 1024 * 1024) return controller.close();
          const chunk = encoder.encode((sent === 0 ? HEADER : "") + line.repeat(1000));
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const res = await post(stream);
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe("payload_too_large");
      expect(await counts()).toEqual({ orgs: 0, servers: 0, scans: 0, imports: 0 });
    } finally {
      delete process.env.PATCHBOARD_MAX_UPLOAD_MB;
    }
  });
});

describe("the upload limit", () => {
  it("issue 8 item 15: counts the whole request: several files each below it, together above it, get 413", async () => {
    process.env.PATCHBOARD_MAX_UPLOAD_MB = "1";
    try {
      // Three files of about 600 KB: each is below 1 MB, the first two together are not.
      const file = (n: number) => HEADER + Array.from({ length: 13_000 }, (_, i) => `Org ${n},HOST-${n}-${i},,15.1.2176.9,2021-03-08,,`).join("\n") + "\n";
      expect(file(1).length).toBeGreaterThan(1024 * 1024 / 2);
      expect(file(1).length).toBeLessThan(1024 * 1024);
      const form = new FormData();
      for (const n of [1, 2, 3]) form.append("file", new Blob([file(n)], { type: "text/csv" }), `part-${n}.csv`);
      // Sent as the network delivers it: in 64 KB pieces, without a Content-Length.
      const encoded = new Response(form);
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 65_536) controller.enqueue(bytes.subarray(at, at + 65_536));
          controller.close();
        },
      });
      const res = await call(POST, "/api/v1/scans", { method: "POST", token, body, headers: { "content-type": encoded.headers.get("content-type")! } });
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe("payload_too_large");
      // The first file was committed before the limit was passed; the second passed it and is not stored, nor the third.
      expect(res.json.error.details.imports.map((i: { fileName: string }) => i.fileName)).toEqual(["part-1.csv"]);
      expect(await db.import.count()).toBe(1);
      expect(await db.organization.count({ where: { name: { in: ["Org 2", "Org 3"] } } })).toBe(0);
      // The data layer counts an upload's files together too (scripts call it without a request).
      const files = [4, 5, 6].map((n) => ({ name: `part-${n}.csv`, stream: Readable.from([Buffer.from(file(n))]) }));
      const outcome = await importScans({ access: TEST_ACCESS, files, origin: "api", maxBytes: 1024 * 1024 });
      expect(outcome.failure?.status).toBe(413);
      expect(outcome.imports.map((i) => i.fileName)).toEqual(["part-4.csv"]);
    } finally {
      delete process.env.PATCHBOARD_MAX_UPLOAD_MB;
    }
    // Two 13,000-row imports on PostgreSQL: well under a minute on a quiet machine, not on a loaded one.
  }, 180_000);
});

// Tenants A and B, each with a token limited to it, and an admin token.
describe("the same bytes uploaded in different scopes", () => {
  const A = "Acme Dental";
  const B = "Zebulon Freight Co";
  let forA: Caller;
  let forB: Caller;
  let admin: Caller;

  const send = (c: Caller, query: string, body: BodyInit, type?: string) =>
    call(POST, `/api/v1/scans${query}`, { method: "POST", body, headers: { ...c.headers, ...(type ? { "content-type": type } : {}) } });
  const nmapFor = (c: Caller, org: string) => send(c, `?organization=${encodeURIComponent(org)}`, new Uint8Array(NMAP), "application/xml");
  function tplFor(c: Caller, org: string) {
    const form = new FormData();
    form.append("organization", org);
    for (const f of TPL_FILES) form.append("file", new Blob([new Uint8Array(f.bytes)]), f.name);
    return send(c, "", form);
  }
  const serversOf = async (org: string) =>
    (await db.server.findMany({ where: { organization: { name: org } }, select: { hostname: true }, orderBy: { hostname: "asc" } })).map((s) => s.hostname);

  beforeEach(async () => {
    expect((await post(`${HEADER}${A},A-EX,,15.1.2176.9,2021-03-08,,\n${B},B-EX,,15.1.2176.9,2021-03-08,,\n`)).status).toBe(201);
    forA = await tokenCaller("token for A", "technician", ["acme-dental"]);
    forB = await tokenCaller("token for B", "technician", ["zebulon-freight-co"]);
    admin = await tokenCaller("admin token", "admin", null);
  });

  it("issue 8 item 15: a limited caller uploading a file another tenant imported first imports it into their own organization, untold", async () => {
    expect((await nmapFor(forB, B)).status).toBe(201);
    const res = await nmapFor(forA, A);
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "nmap-xml", duplicate: false, serversCreated: 2 });
    expect(res.text.toLowerCase()).not.toContain("zebulon");
    expect((await serversOf(A)).length).toBe(3);
    // The same again is now a duplicate of A's own import, which changes nothing.
    const again = await nmapFor(forA, A);
    expect(again.status).toBe(200);
    expect(again.json.import).toMatchObject({ id: res.json.import.id, duplicate: true });
  });

  it("issue 8 item 15: a file a limited tenant imported first does not keep an admin from importing it for another organization", async () => {
    expect((await tplFor(forB, B)).status).toBe(201);
    const res = await tplFor(admin, A);
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "test-proxylogon", duplicate: false, serversCreated: 1 });
    expect(await serversOf(A)).toEqual(["A-EX", "EXCH01"]);
    expect(await serversOf(B)).toEqual(["B-EX", "EXCH01"]);
  });

  it("answers a caller who sees everything the earlier import touched with the earlier import, changing nothing", async () => {
    const first = await nmapFor(forA, A);
    expect(first.status).toBe(201);
    const before = await counts();
    for (const c of [admin, forA]) {
      const again = await nmapFor(c, A);
      expect(again.status, c.label).toBe(200);
      expect(again.json.import).toMatchObject({ id: first.json.import.id, duplicate: true });
    }
    expect(await counts()).toEqual(before);
  });

  it("ends identical uploads sent at the same time with one import", async () => {
    const answers = await Promise.all([nmapFor(forA, A), nmapFor(admin, A), nmapFor(forA, A)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((r) => r.json.import.id)).size).toBe(1);
    expect(await db.import.count()).toBe(2);
  });
});
