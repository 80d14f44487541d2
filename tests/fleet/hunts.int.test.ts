// Issue 11 on a real database: who still needs a hunt (per campaign, through the API), hunts recorded by hand changing
// the counts, scoped and audited, and time-to-patch figures computed in the database equal to the pure definition.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as servers } from "@/app/api/v1/servers/route";
import { GET as summary } from "@/app/api/v1/summary/route";
import { GET as patchTimes } from "@/app/api/v1/patch-times/route";
import { GET as listHunts, POST as postHunt } from "@/app/api/v1/servers/[id]/hunts/route";
import { importScanFile } from "@/lib/data/imports/imports";
import { listAuditEvents } from "@/lib/data/accounts/audit";
import { db } from "@/lib/data/db";
import { patchTimeFigures } from "@/lib/domain/time-to-patch";
import { resetDatabase } from "../reset-database";
import { call } from "../api/request";
import { TEST_ACCESS } from "../access";
import { tokenCaller, type Caller } from "../api/callers";

// ProxyLogon was exploited from 2021-01-06, before its fix (2021-03-02): every server on an affected build was exposed
// from then, and its window to look at runs from 2020-09-01 to the day it was patched.
const CSV = `organization,hostname,exchange_build,scanned_at
Harbor,H-PATCHED,15.2.792.3,2021-03-04T10:00:00Z
Harbor,H-PATCHED,15.2.792.10,2021-03-09T10:00:00Z
Harbor,H-OPEN,15.2.792.3,2021-03-04T10:00:00Z
Harbor,H-NEW,15.2.858.5,2021-04-01T10:00:00Z
Cove,C-OPEN,15.2.792.3,2021-03-05T10:00:00Z
`;

let admin: Caller;
let coveViewer: Caller;
let coveTechnician: Caller;
const ids = new Map<string, number>();

async function importCsv(csv: string) {
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(csv)]), fileName: "t.csv", origin: "api", maxBytes: 1e7 });
}
const get = (path: string, handler = servers, caller = admin) => call(handler, path, { headers: caller.headers });
const hunts = async (query = "") =>
  Object.fromEntries(((await get(`/api/v1/servers?campaign=proxylogon&sort=hostname&pageSize=200${query}`)).json.data as { hostname: string; hunt: string }[]).map((s) => [s.hostname, s.hunt]));
const huntNeeded = async (query = "?campaign=proxylogon") => (await get(`/api/v1/summary${query}`, summary)).json.huntNeeded as number;
const record = (hostname: string, body: unknown, caller = admin) => {
  const id = ids.get(hostname)!;
  const handler = (req: Request) => postHunt(req, { params: Promise.resolve({ id: String(id) }) });
  return call(handler, `/api/v1/servers/${id}/hunts`, { method: "POST", headers: { ...caller.headers, "content-type": "application/json" }, body: JSON.stringify(body) });
};

beforeAll(async () => {
  await resetDatabase();
  await importCsv(CSV);
  for (const s of await db.server.findMany({ select: { id: true, hostname: true } })) ids.set(s.hostname, s.id);
  admin = await tokenCaller("hunter", "technician", null);
  coveViewer = await tokenCaller("cove viewer", "viewer", ["cove"]);
  coveTechnician = await tokenCaller("cove technician", "technician", ["cove"]);
});

describe("needs a hunt", () => {
  it("says which servers need a hunt for a zero-day: all on an affected build, but one first seen on a CU released after the fix", async () => {
    expect(await hunts()).toEqual({ "C-OPEN": "needed", "H-NEW": "not-needed", "H-OPEN": "needed", "H-PATCHED": "needed" });
    expect(await huntNeeded()).toBe(3);
    const row = (await get("/api/v1/servers?campaign=proxylogon&q=h-patched")).json.data[0];
    expect(row.huntWindow).toMatchObject({ windowFrom: "2020-09-01", windowTo: "2021-03-09", covered: 0, days: 190, exposedSince: "2021-01-06" });
  });

  it("filters by hunt state and orders the queue oldest exposure first", async () => {
    expect(Object.keys(await hunts("&hunt=needed"))).toEqual(["C-OPEN", "H-OPEN", "H-PATCHED"]);
    const queue = (await get("/api/v1/servers?campaign=proxylogon&hunt=needed,partly-hunted&sort=exposure")).json.data as { hostname: string }[];
    expect(queue.map((s) => s.hostname)).toEqual(["C-OPEN", "H-OPEN", "H-PATCHED"]);
    expect((await get("/api/v1/servers?hunt=bogus")).status).toBe(400);
  });

  it("counts a hunt recorded by hand: a clean one covering the whole window makes the server hunted, and the count drops by one", async () => {
    const before = await huntNeeded();
    const res = await record("H-PATCHED", { fromDay: "2020-09-01", toDay: "2021-03-09", tool: "Defender for Endpoint", result: "clean", note: "full timeline review" });
    expect(res.status).toBe(201);
    expect(res.json.hunt).toMatchObject({ fromDay: "2020-09-01", toDay: "2021-03-09", tool: "Defender for Endpoint", result: "clean", recordedBy: "hunter" });
    expect((await hunts())["H-PATCHED"]).toBe("hunted");
    expect(await huntNeeded()).toBe(before - 1);
    const events = await listAuditEvents(TEST_ACCESS, { action: "hunt_record", page: 1, pageSize: 10 });
    expect(JSON.stringify(events)).toContain("H-PATCHED");
  });

  it("a hunt covering part of the window makes the server partly hunted, with the days it covers", async () => {
    expect((await record("H-OPEN", { fromDay: "2021-01-01", toDay: "2021-01-31", tool: "Sysmon", result: "clean" })).status).toBe(201);
    const row = (await get("/api/v1/servers?campaign=proxylogon&q=h-open")).json.data[0];
    expect(row).toMatchObject({ hunt: "partly-hunted", huntWindow: { covered: 31, windowTo: null } });
    const handler = (req: Request) => listHunts(req, { params: Promise.resolve({ id: String(ids.get("H-OPEN")) }) });
    expect((await call(handler, "/api/v1/servers/x/hunts", { headers: admin.headers })).json.hunts).toHaveLength(1);
  });

  it("a hunt that found something makes the server compromised", async () => {
    expect((await record("C-OPEN", { fromDay: "2021-02-01", toDay: "2021-03-01", tool: "Velociraptor", result: "found", note: "web shell in aspnet_client" })).status).toBe(201);
    const row = (await get("/api/v1/servers?campaign=proxylogon&q=c-open")).json.data[0];
    expect(row).toMatchObject({ status: "compromised", hunt: "compromised" });
  });

  it("refuses bad input, client viewers and other tenants' servers", async () => {
    const bad = await record("H-OPEN", { fromDay: "2021-03-09", toDay: "2021-03-01", tool: "x", result: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBeTruthy();
    const hunt = { fromDay: "2021-01-01", toDay: "2021-01-02", tool: "Sysmon", result: "clean" };
    // Another tenant's server is answered like a missing one; a client viewer records nothing anywhere.
    expect((await record("H-OPEN", hunt, coveTechnician)).status).toBe(404);
    expect((await record("C-OPEN", hunt, coveViewer)).status).toBe(403);
    expect((await record("H-OPEN", hunt, coveViewer)).status).toBe(403);
    expect(Object.keys((await get("/api/v1/servers?campaign=proxylogon", servers, coveViewer)).json.data.map((s: { hostname: string }) => s.hostname))).toHaveLength(1);
  });
});

describe("time to patch", () => {
  it("gives each server's exposure and the organization's figures against its target", async () => {
    const row = (await get("/api/v1/servers?campaign=proxylogon&q=h-patched")).json.data[0];
    expect(row.exposure).toEqual({ from: "2021-03-04", patchedOn: "2021-03-09", days: 5, open: false });
    const harbor = (await get("/api/v1/patch-times?campaign=proxylogon&organization=harbor", patchTimes)).json;
    // H-PATCHED 5 days, H-NEW 0 days (patched at its first scan), H-OPEN still open, past the 14-day target.
    expect(harbor).toMatchObject({ targetDays: 14, exposed: 3, patched: 2, open: 1, median: 0, p90: 5, withinTarget: 2, patchedLate: 0, openPastTarget: 1 });
    expect(harbor.pastTarget.map((s: { hostname: string }) => s.hostname)).toEqual(["H-OPEN"]);
    await db.organization.update({ where: { slug: "harbor" }, data: { patchTargetDays: 3 } });
    expect((await get("/api/v1/patch-times?campaign=proxylogon&organization=harbor", patchTimes)).json).toMatchObject({ withinTarget: 1, patchedLate: 1 });
    expect((await get("/api/v1/patch-times?campaign=proxylogon&organization=harbor", patchTimes, coveViewer)).status).toBe(404);
  });

  it("computes median, 90th percentile and share within target in the database exactly as the pure definition does", async () => {
    await resetDatabase();
    admin = await tokenCaller("hunter", "technician", null);
    // 41 servers of one organization: each unpatched on 03-03 and patched d days later, or never.
    const days = Array.from({ length: 41 }, (_, i) => (i % 7 === 6 ? null : 1 + ((i * 37) % 61)));
    const day = (n: number) => new Date(Date.parse("2021-03-03T10:00:00Z") + n * 86_400_000).toISOString();
    const lines = days.flatMap((d, i) => [`Fleet,S${i},15.2.792.3,${day(0)}`, ...(d === null ? [] : [`Fleet,S${i},15.2.792.10,${day(d)}`])]);
    await importCsv(`organization,hostname,exchange_build,scanned_at\n${lines.join("\n")}\n`);
    const today = Math.floor((Date.now() - Date.parse("2021-03-03T00:00:00Z")) / 86_400_000);
    const expected = patchTimeFigures(days.map((d) => ({ patchDays: d, openDays: d === null ? today : null, targetDays: 14 })));
    const got = (await get("/api/v1/patch-times?campaign=proxylogon", patchTimes)).json;
    expect(got).toMatchObject({ exposed: expected.exposed, patched: expected.patched, median: expected.median, p90: expected.p90, withinTarget: expected.withinTarget, patchedLate: expected.patchedLate, openPastTarget: expected.openPastTarget });
    // The curve ends at the share patched.
    expect(got.curve.at(-1).share).toBeCloseTo(expected.patched / expected.exposed);
  });
});
