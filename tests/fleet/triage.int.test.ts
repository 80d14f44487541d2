// Issue 10 on a real database: worst first, several statuses at once, how fresh each number is, how long an
// exposure has been open, and the stale threshold as an audited setting.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as servers } from "@/app/api/v1/servers/route";
import { GET as summary } from "@/app/api/v1/summary/route";
import { importScanFile } from "@/lib/data/imports/imports";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { listAuditEvents } from "@/lib/data/accounts/audit";
import { getAppSettings, updateAppSettings } from "@/lib/data/settings/app-settings";
import { resetDatabase } from "../reset-database";
import { call } from "../api/request";
import { TEST_ACCESS } from "../access";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
// Exchange 2019 CU12 (15.2.1118.7) without Nov22SU is unpatched against ProxyNotShell; 15.2.792.3 (CU8, no SU)
// is unpatched against ProxyLogon; the web shell makes one compromised; a three-part build cannot tell CU from SU
// (unknown against ProxyLogon; unpatched in the roll-up, as CU8 never got a later campaign's fix).
const CSV = `organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation
Gamma Care,FRESH,192.0.2.10,15.2.792.3,${daysAgo(1)},,
Gamma Care,OLD,192.0.2.11,15.2.792.3,${daysAgo(40)},,
Gamma Care,SHELL,192.0.2.12,15.2.792.3,${daysAgo(20)},C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,
Delta Farms,UNKNOWN,198.51.100.9,15.2.792,${daysAgo(3)},,
`;
let token: string;
const get = (path: string, handler = servers) => call(handler, path, { token });
const hostnames = (json: Record<string, unknown>) => (json.data as { hostname: string }[]).map((s) => s.hostname);

beforeAll(async () => {
  await resetDatabase();
  token = (await createApiToken("reader")).token;
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "t.csv", origin: "api", maxBytes: 1e6 });
});

describe("worst first", () => {
  it("lists servers compromised, unpatched, unknown, mitigated, patched by default; -status reverses it", async () => {
    const all = await get("/api/v1/servers?campaign=proxylogon");
    expect(all.json.data[0]).toMatchObject({ hostname: "SHELL", status: "compromised" });
    const statuses = (json: Record<string, unknown>) => (json.data as { status: string }[]).map((s) => s.status);
    expect(statuses(all.json)).toEqual(["compromised", "unpatched", "unpatched", "unknown"]);
    const reversed = await get("/api/v1/servers?sort=-status&campaign=proxylogon");
    expect(statuses(reversed.json)).toEqual(["unknown", "unpatched", "unpatched", "compromised"]);
  });
  it("filters by several statuses at once", async () => {
    const either = await get("/api/v1/servers?status=compromised,unknown&sort=hostname&campaign=proxylogon");
    expect(hostnames(either.json)).toEqual(["SHELL", "UNKNOWN"]);
    expect((await get("/api/v1/servers?status=compromised,bogus")).status).toBe(400);
  });
});

describe("how fresh", () => {
  it("gives the latest scan in the summary", async () => {
    const res = await get("/api/v1/summary", summary);
    expect(Date.parse(res.json.latestScanAt)).toBeGreaterThan(Date.now() - 2 * DAY);
  });
  it("marks servers stale past the threshold, and filters those not scanned in N days", async () => {
    const rows = (await get("/api/v1/servers?sort=hostname")).json.data as { hostname: string; stale: boolean }[];
    expect(Object.fromEntries(rows.map((r) => [r.hostname, r.stale]))).toEqual({ FRESH: false, OLD: true, SHELL: true, UNKNOWN: false });
    expect(hostnames((await get("/api/v1/servers?notScannedDays=30&sort=hostname")).json)).toEqual(["OLD"]);
    expect(hostnames((await get("/api/v1/servers?notScannedDays=2&sort=hostname")).json)).toEqual(["OLD", "SHELL", "UNKNOWN"]);
    expect((await get("/api/v1/servers?notScannedDays=0")).status).toBe(400);
  });
  it("says since when each open exposure has lasted, and nothing for a patched server", async () => {
    const rows = (await get("/api/v1/servers?sort=hostname")).json.data as { hostname: string; exposedSince: string | null }[];
    const since = Object.fromEntries(rows.map((r) => [r.hostname, r.exposedSince]));
    expect(since.FRESH).toBe(daysAgo(1).slice(0, 10));
    expect(since.OLD).toBe(daysAgo(40).slice(0, 10));
    // Unpatched, then compromised: exposed since it was first seen unpatched.
    expect(since.SHELL).toBe(daysAgo(20).slice(0, 10));
  });
});

describe("the stale threshold is a setting", () => {
  it("only an admin changes it, within 1 to 365 days, and each change is audited", async () => {
    expect((await getAppSettings()).staleAfterDays).toBe(7);
    await expect(updateAppSettings({ ...TEST_ACCESS, role: "technician" }, { staleAfterDays: 30 })).rejects.toMatchObject({ status: 403 });
    await expect(updateAppSettings(TEST_ACCESS, { staleAfterDays: 0 })).rejects.toThrow();
    await expect(updateAppSettings(TEST_ACCESS, { staleAfterDays: 366 })).rejects.toThrow();
    await updateAppSettings(TEST_ACCESS, { staleAfterDays: "60" });
    expect((await getAppSettings()).staleAfterDays).toBe(60);
    const rows = (await get("/api/v1/servers?sort=hostname")).json.data as { hostname: string; stale: boolean }[];
    expect(rows.filter((r) => r.stale).map((r) => r.hostname)).toEqual([]);
    const audit = await listAuditEvents(TEST_ACCESS, { action: "settings_update", page: 1, pageSize: 10 } as Parameters<typeof listAuditEvents>[1]);
    expect(audit.data[0].detail).toMatchObject({ staleAfterDays: { from: 7, to: 60 } });
    await updateAppSettings(TEST_ACCESS, { staleAfterDays: 7 });
  });
});
