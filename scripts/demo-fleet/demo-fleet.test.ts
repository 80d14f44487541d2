import { describe, expect, it } from "vitest";
import { BUILT_IN_CAMPAIGNS } from "../../lib/domain/campaigns/built-in";
import { identifyRelease } from "../../lib/domain/exchange";
import { thresholdOf, updateBuilds, updatesOnRelease } from "../../lib/domain/exchange/catalog";
import { parseCanonicalCsv } from "../../lib/import/canonical-csv";
import type { ParsedRecord } from "../../lib/import/canonical-row";
import { DEMO_NOW, DEMO_ORGANIZATION_COUNT, DEMO_REMEDIATIONS, demoFleetCsv, demoFleetRows, type DemoFleetRow } from "./index";

const rows = [...demoFleetRows()];
const serverKey = (r: { organization: string; hostname: string }) => `${r.organization}\n${r.hostname}`;
const byServer = new Map<string, DemoFleetRow[]>();
for (const r of rows) byServer.set(serverKey(r), [...(byServer.get(serverKey(r)) ?? []), r]);
const servers = [...byServer.values()];
const campaign = (id: string) => BUILT_IN_CAMPAIGNS.find((c) => c.id === id)!;
const judge = (id: string, r: DemoFleetRow) => campaign(id).judgeBuild(r.build).status;
const verdict = (r: DemoFleetRow) => judge("proxylogon", r);
/** A server's latest scan on or before the day (end of that UTC day), if any. */
const latestBy = (scans: DemoFleetRow[], day: string) => scans.filter((r) => r.scannedAt.getTime() < Date.parse(`${day}T00:00:00Z`) + 86_400_000).at(-1);
/** Each server's verdict for a campaign at the end of a day, from its latest scan then. */
function statusesOn(day: string, id: string): string[] {
  return servers.flatMap((scans) => {
    const last = latestBy(scans, day);
    return last ? [judge(id, last)] : [];
  });
}
const share = (list: string[], status: string) => list.filter((s) => s === status).length / list.length;
const firstIndicators = (scans: DemoFleetRow[]) => scans.find((r) => r.indicators.length > 0)?.scannedAt;
const compromised = servers.filter((scans) => firstIndicators(scans) !== undefined);
const proxyLogonEra = compromised.filter((scans) => firstIndicators(scans)! < new Date("2021-05-01"));
const proxyShellEra = compromised.filter((scans) => firstIndicators(scans)! >= new Date("2021-08-01") && firstIndicators(scans)! < new Date("2021-10-01"));

describe("demo fleet", () => {
  it("is the same on every run and differs with another seed", () => {
    expect(demoFleetCsv()).toBe(demoFleetCsv());
    expect([...demoFleetRows()]).toEqual(rows);
    expect(demoFleetCsv({ seed: 7 })).not.toBe(demoFleetCsv());
  });

  it("has about 40 organizations with 1-30 servers each and 300-500 servers in all, the e2e tests' among them", () => {
    const orgs = new Map<string, number>();
    for (const scans of servers) orgs.set(scans[0].organization, (orgs.get(scans[0].organization) ?? 0) + 1);
    expect(DEMO_ORGANIZATION_COUNT).toBeGreaterThanOrEqual(35);
    expect(DEMO_ORGANIZATION_COUNT).toBeLessThanOrEqual(45);
    expect(orgs.size).toBe(DEMO_ORGANIZATION_COUNT);
    expect(byServer.size).toBeGreaterThanOrEqual(300);
    expect(byServer.size).toBeLessThanOrEqual(500);
    expect(Math.min(...orgs.values())).toBeGreaterThanOrEqual(1);
    expect(Math.max(...orgs.values())).toBeLessThanOrEqual(30);
    const named = ["Birch & Sons, LLC", "Café Lumière", "Lakeside Clinic", "Harbor County", "Acme Dental", "Pine Hollow School District"];
    expect([...orgs.keys()]).toEqual(expect.arrayContaining(named));
  });

  it("parses back through the canonical CSV parser without a rejected row", async () => {
    async function* body() {
      yield Buffer.from(demoFleetCsv(), "utf8");
    }
    const parsed: ParsedRecord[] = [];
    for await (const rec of parseCanonicalCsv(body(), { now: DEMO_NOW })) parsed.push(rec);
    expect(parsed.filter((r) => "error" in r)).toEqual([]);
    expect(parsed.map((r) => ("row" in r ? r.row : null))).toEqual(rows);
  });

  it("scans from 2021-03-03 to the demo's now (the end of January 2023), oldest first, 6,000-15,000 rows", () => {
    const times = rows.map((r) => r.scannedAt.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2021, 2, 3));
    expect(Math.max(...times)).toBeLessThanOrEqual(DEMO_NOW.getTime());
    expect(Math.max(...times)).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 15));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.length).toBeGreaterThanOrEqual(6_000);
    expect(rows.length).toBeLessThanOrEqual(15_000);
    // Every server is still scanned in the ProxyNotShell months, and no server goes unscanned for half a year.
    for (const scans of servers) {
      expect(scans.at(-1)!.scannedAt >= new Date("2022-11-01")).toBe(true);
      const gaps = scans.slice(1).map((r, i) => r.scannedAt.getTime() - scans[i].scannedAt.getTime());
      expect(Math.max(...gaps)).toBeLessThan(180 * 86_400_000);
    }
    for (const r of rows) if (r.ipAddress !== null) expect(r.ipAddress).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
  });

  it("takes every build from the build table, and moves servers only to CUs that were current in 2021-2022", () => {
    const known = new Set<string>(["14.3.496.0", "14.3.509.0", campaign("proxylogon").definition.updateRollups[0].build]);
    const allowed = new Set(["Exchange 2010 SP3", "Exchange 2013 CU23", ...[19, 20, 21, 22, 23].map((n) => `Exchange 2016 CU${n}`), ...[8, 9, 10, 11, 12].map((n) => `Exchange 2019 CU${n}`)]);
    for (const scans of servers) {
      const start = identifyRelease(scans[0].build).release;
      for (const r of scans) {
        const { product, release } = identifyRelease(r.build);
        expect(release, r.build).not.toBeNull();
        if (release!.name !== start?.name) expect(allowed.has(`${product} ${release!.name}`), `${r.hostname}: ${r.build}`).toBe(true);
        if (r.build.split(".").length === 3 || product === "Exchange 2010") continue;
        const fromTable = release!.baseBuild === r.build || updatesOnRelease(release!).some((u) => thresholdOf(updateBuilds(release!, u.name))?.text === r.build);
        expect(fromTable, r.build).toBe(true);
      }
      if (scans[0].build.startsWith("14.")) for (const r of scans) expect(known.has(r.build), r.build).toBe(true);
    }
  });

  it("March-April 2021: the fleet is patched against ProxyLogon, with some servers left unpatched and a few unknown builds", () => {
    const first = servers.map((scans) => verdict(scans[0]));
    const endOfApril = statusesOn("2021-04-30", "proxylogon");
    expect(share(first, "unpatched")).toBeGreaterThan(0.7);
    expect(share(endOfApril, "patched")).toBeGreaterThan(0.75);
    expect(endOfApril.filter((s) => s === "unpatched").length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.build.split(".").length === 3)).toBe(true);
  });

  it("patching is one-way: no server goes back to a build unpatched against a campaign it was patched against", () => {
    for (const id of ["proxylogon", "proxyshell", "cve-2021-42321", "proxynotshell"]) {
      for (const scans of servers) {
        const firstPatched = scans.findIndex((r) => judge(id, r) === "patched");
        if (firstPatched >= 0) for (const r of scans.slice(firstPatched)) expect(judge(id, r), `${id} ${r.hostname}`).not.toBe("unpatched");
      }
    }
  });

  it("September 2021: a clear share is patched against ProxyShell, and some organizations patched ProxyLogon but not ProxyShell", () => {
    expect(share(statusesOn("2021-09-30", "proxyshell"), "patched")).toBeGreaterThan(0.5);
    const byOrganization = new Map<string, { proxylogon: string; proxyshell: string }[]>();
    for (const scans of servers) {
      const last = latestBy(scans, "2021-09-30")!;
      const list = byOrganization.get(last.organization) ?? [];
      list.push({ proxylogon: verdict(last), proxyshell: judge("proxyshell", last) });
      byOrganization.set(last.organization, list);
    }
    // Patched one emergency, missed the next: most servers safe from ProxyLogon, none from ProxyShell.
    const missedProxyShell = [...byOrganization].filter(
      ([, list]) => share(list.map((s) => s.proxylogon), "patched") >= 0.5 && list.every((s) => s.proxyshell !== "patched"),
    );
    expect(missedProxyShell.length).toBeGreaterThanOrEqual(5);
  });

  it("end of 2022: servers patched against ProxyShell but not against ProxyNotShell, others patched against everything", () => {
    const patchedOneMissedNext = servers.filter((scans) => {
      const last = latestBy(scans, "2022-12-31")!;
      return judge("proxyshell", last) === "patched" && judge("proxynotshell", last) === "unpatched";
    });
    expect(patchedOneMissedNext.length).toBeGreaterThanOrEqual(50);
    const upToDate = servers.filter((scans) => ["proxylogon", "proxyshell", "cve-2021-42321", "proxynotshell"].every((id) => judge(id, scans.at(-1)!) === "patched"));
    expect(upToDate.length).toBeGreaterThanOrEqual(50);
    // Some moved to a 2021 CU that never got the November 2022 update.
    const cuWithoutNov22 = servers.filter((scans) => ["Exchange 2016 CU21", "Exchange 2019 CU10"].includes(releaseName(scans.at(-1)!.build)));
    expect(cuWithoutNov22.length).toBeGreaterThan(0);
    // The e2e tests open an Exchange 2016 CU19 server still below the March 2021 update.
    expect(servers.some((scans) => scans.at(-1)!.build.startsWith("15.1.2176.") && verdict(scans.at(-1)!) === "unpatched")).toBe(true);
  });

  it("has about 10% of servers on EOMT before they are patched against ProxyLogon", () => {
    const mitigated = servers.filter((scans) => scans.some((r) => r.mitigation === "eomt"));
    expect(mitigated.length / byServer.size).toBeGreaterThan(0.05);
    expect(mitigated.length / byServer.size).toBeLessThan(0.16);
    for (const scans of mitigated) {
      const firstMitigated = scans.find((r) => r.mitigation === "eomt")!;
      expect(verdict(firstMitigated)).not.toBe("patched");
      expect(firstMitigated.scannedAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(2021, 2, 15));
      expect(firstMitigated.scannedAt.getTime()).toBeLessThan(Date.UTC(2021, 4, 1));
    }
  });

  it("has servers on ProxyNotShell's URL Rewrite rule (eomtv2) from October 2022, some patched later and some never", () => {
    const stopgap = servers.filter((scans) => scans.some((r) => r.mitigation === "eomtv2"));
    expect(stopgap.length).toBeGreaterThanOrEqual(10);
    expect(stopgap.length / byServer.size).toBeLessThan(0.4);
    for (const scans of stopgap) {
      const first = scans.find((r) => r.mitigation === "eomtv2")!;
      expect(judge("proxynotshell", first)).not.toBe("patched");
      expect(first.scannedAt >= new Date("2022-10-03")).toBe(true);
      expect(first.scannedAt < new Date("2022-12-01")).toBe(true);
    }
    const patchedLater = stopgap.filter((scans) => judge("proxynotshell", scans.at(-1)!) === "patched");
    expect(patchedLater.length).toBeGreaterThan(0);
    expect(stopgap.length - patchedLater.length).toBeGreaterThan(0);
    // Some waited until after 2023-01-10, when the rule stopped counting.
    expect(patchedLater.some((scans) => judge("proxynotshell", latestBy(scans, "2023-01-10")!) === "unpatched")).toBe(true);
  });

  it("has compromises in both eras: ProxyLogon (mostly found in early March 2021) and ProxyShell (August-September 2021)", () => {
    expect(proxyLogonEra.length).toBeGreaterThanOrEqual(6);
    expect(proxyLogonEra.length).toBeLessThanOrEqual(12);
    const foundEarly = proxyLogonEra.filter((scans) => firstIndicators(scans)! < new Date("2021-03-13"));
    expect(foundEarly.length / proxyLogonEra.length).toBeGreaterThan(0.5);
    expect(proxyShellEra.length).toBeGreaterThanOrEqual(2);
    expect(proxyShellEra.length).toBeLessThanOrEqual(8);
    expect(compromised.length).toBe(proxyLogonEra.length + proxyShellEra.length);
    // ProxyShell victims were missing its updates when the attacks began.
    for (const scans of proxyShellEra) expect(judge("proxyshell", latestBy(scans, "2021-07-31")!)).toBe("unpatched");
    for (const r of rows) for (const i of r.indicators) expect(i).toMatch(/\.aspx$|^lsass\.dmp in /);
    // Some are still open at the end: the e2e tests mark one remediated.
    expect(compromised.filter((scans) => scans.at(-1)!.indicators.length > 0).length).toBeGreaterThan(0);
  });

  it("remediates compromises of both eras after the last scan that found indicators, with notes, by the demo's now", () => {
    expect(DEMO_REMEDIATIONS.filter((r) => r.remediatedAt < new Date("2021-05-01")).length).toBeGreaterThanOrEqual(2);
    expect(DEMO_REMEDIATIONS.filter((r) => r.remediatedAt < new Date("2021-05-01")).length).toBeLessThanOrEqual(3);
    const remediated = new Set(DEMO_REMEDIATIONS.map(serverKey));
    expect(proxyLogonEra.some((scans) => remediated.has(serverKey(scans[0])))).toBe(true);
    expect(proxyShellEra.some((scans) => remediated.has(serverKey(scans[0])))).toBe(true);
    const times = DEMO_REMEDIATIONS.map((r) => r.remediatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const rem of DEMO_REMEDIATIONS) {
      const scans = byServer.get(serverKey(rem))!;
      const infected = scans.filter((r) => r.indicators.length > 0);
      expect(infected.length).toBeGreaterThan(0);
      expect(rem.remediatedAt > infected[infected.length - 1].scannedAt).toBe(true);
      expect(rem.remediatedAt <= DEMO_NOW).toBe(true);
      expect(scans.filter((r) => r.scannedAt > rem.remediatedAt).every((r) => r.indicators.length === 0)).toBe(true);
      expect(rem.note).not.toBe("");
    }
  });
});

function releaseName(build: string): string {
  const { product, release } = identifyRelease(build);
  return `${product} ${release?.name}`;
}
