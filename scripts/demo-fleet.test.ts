import { describe, expect, it } from "vitest";
import { BUILT_IN_CAMPAIGNS } from "../lib/domain/campaigns/built-in";
import { parseCanonicalCsv } from "../lib/import/canonical-csv";
import type { CanonicalRow, ParsedRecord } from "../lib/import/canonical-row";
import { DEMO_ORGANIZATION_COUNT, DEMO_REMEDIATIONS, demoFleetCsv, demoFleetRows } from "./demo-fleet";

const rows = [...demoFleetRows()];
const serverKey = (r: { organization: string; hostname: string }) => `${r.organization}\n${r.hostname}`;
const byServer = new Map<string, CanonicalRow[]>();
for (const r of rows) byServer.set(serverKey(r), [...(byServer.get(serverKey(r)) ?? []), r]);
const PROXYLOGON = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxylogon")!;
const verdict = (r: CanonicalRow) => PROXYLOGON.judgeBuild(r.build).status;

describe("demo fleet", () => {
  it("is the same on every run and differs with another seed", () => {
    expect(demoFleetCsv()).toBe(demoFleetCsv());
    expect([...demoFleetRows()]).toEqual(rows);
    expect(demoFleetCsv({ seed: 7 })).not.toBe(demoFleetCsv());
  });

  it("has about 40 organizations with 1-30 servers each and 300-500 servers in all", () => {
    const orgs = new Map<string, number>();
    for (const key of byServer.keys()) orgs.set(key.split("\n")[0], (orgs.get(key.split("\n")[0]) ?? 0) + 1);
    expect(DEMO_ORGANIZATION_COUNT).toBeGreaterThanOrEqual(35);
    expect(DEMO_ORGANIZATION_COUNT).toBeLessThanOrEqual(45);
    expect(orgs.size).toBe(DEMO_ORGANIZATION_COUNT);
    expect(byServer.size).toBeGreaterThanOrEqual(300);
    expect(byServer.size).toBeLessThanOrEqual(500);
    expect(Math.min(...orgs.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...orgs.values())).toBeLessThanOrEqual(30);
    expect([...orgs.keys()]).toEqual(expect.arrayContaining(["Birch & Sons, LLC", "Café Lumière"]));
  });

  it("parses back through the canonical CSV parser without a rejected row", async () => {
    async function* body() {
      yield Buffer.from(demoFleetCsv(), "utf8");
    }
    const parsed: ParsedRecord[] = [];
    for await (const rec of parseCanonicalCsv(body(), { now: new Date("2021-05-01T00:00:00Z") })) parsed.push(rec);
    expect(parsed.filter((r) => "error" in r)).toEqual([]);
    expect(parsed.map((r) => ("row" in r ? r.row : null))).toEqual(rows);
  });

  it("scans between 2021-03-03 and 2021-04-30, oldest first, with documentation IP addresses", () => {
    const times = rows.map((r) => r.scannedAt.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2021, 2, 3));
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2021, 4, 1));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const r of rows) if (r.ipAddress !== null) expect(r.ipAddress).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
  });

  it("shows the fleet being patched, with some servers left unpatched and a few unknown builds", () => {
    const servers = [...byServer.values()];
    const first = servers.map((scans) => verdict(scans[0]));
    const last = servers.map((scans) => verdict(scans[scans.length - 1]));
    const share = (list: string[], status: string) => list.filter((s) => s === status).length / list.length;
    expect(share(first, "unpatched")).toBeGreaterThan(0.7);
    expect(share(last, "patched")).toBeGreaterThan(0.6);
    expect(last.filter((s) => s === "unpatched").length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.build.split(".").length === 3)).toBe(true);
    // Patching is one-way: no server goes back to an unpatched build.
    for (const scans of servers) {
      const firstPatched = scans.findIndex((r) => verdict(r) === "patched");
      if (firstPatched >= 0) for (const r of scans.slice(firstPatched)) expect(verdict(r)).not.toBe("unpatched");
    }
  });

  it("has about 10% of servers on EOMT before they are patched", () => {
    const mitigated = [...byServer.values()].filter((scans) => scans.some((r) => r.mitigation === "eomt"));
    expect(mitigated.length / byServer.size).toBeGreaterThan(0.05);
    expect(mitigated.length / byServer.size).toBeLessThan(0.16);
    for (const scans of mitigated) {
      const firstMitigated = scans.find((r) => r.mitigation === "eomt")!;
      expect(verdict(firstMitigated)).not.toBe("patched");
      expect(firstMitigated.scannedAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(2021, 2, 15));
    }
  });

  it("has 6-12 compromised servers, mostly found in early March", () => {
    const compromised = [...byServer.values()].filter((scans) => scans.some((r) => r.indicators.length > 0));
    expect(compromised.length).toBeGreaterThanOrEqual(6);
    expect(compromised.length).toBeLessThanOrEqual(12);
    const foundEarly = compromised.filter((scans) => scans.find((r) => r.indicators.length > 0)!.scannedAt < new Date("2021-03-13"));
    expect(foundEarly.length / compromised.length).toBeGreaterThan(0.5);
    for (const r of rows) for (const i of r.indicators) expect(i).toMatch(/\.aspx$|^lsass\.dmp in /);
  });

  it("remediates 2-3 compromised servers in April, after the last scan that found indicators", () => {
    expect(DEMO_REMEDIATIONS.length).toBeGreaterThanOrEqual(2);
    expect(DEMO_REMEDIATIONS.length).toBeLessThanOrEqual(3);
    for (const rem of DEMO_REMEDIATIONS) {
      const scans = byServer.get(serverKey(rem))!;
      const infected = scans.filter((r) => r.indicators.length > 0);
      expect(infected.length).toBeGreaterThan(0);
      expect(rem.remediatedAt.getUTCMonth()).toBe(3);
      expect(rem.remediatedAt > infected[infected.length - 1].scannedAt).toBe(true);
      expect(scans.filter((r) => r.scannedAt > rem.remediatedAt).every((r) => r.indicators.length === 0)).toBe(true);
      expect(rem.note).not.toBe("");
    }
  });
});
