// Adding a campaign judges only the new campaign and re-derives the roll-up from what is stored. Proof: on a varied
// fleet, every derived table afterwards is row for row what a full re-derive with the same campaigns makes.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { addCampaign } from "@/lib/data/campaigns/add-campaign";
import { campaignsIn } from "@/lib/data/campaigns/registry";
import { db } from "@/lib/data/db";
import { importScanFile } from "@/lib/data/imports/imports";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { rederiveAll, rederiveIfRulesChanged, rulesFingerprint } from "@/lib/data/fleet/rules-version";
import { recomputeServers } from "@/lib/data/fleet/status-recompute";
import { type SqlSession } from "@/lib/data/sql-session";
import { withWriteTransaction } from "@/lib/data/sql-write-transaction";
import proxylogonFile from "@/lib/domain/campaigns/data/proxylogon.json";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

// Alpha: A1 patched step by step up to Nov22SU (patched against every built-in campaign), A2 under EOMT until nmap
// found it vulnerable, A3 under the ProxyNotShell rule that OWASSRF later got past, A4 on Nov23SU (past Aug23SU). Beta: B1
// compromised and remediated, B2 compromised, B3 a build that cannot tell CU from SU. Gamma: G1 scanned lately, G2
// never scanned. Delta: Exchange 2010 with its update rollup.
const CSV = `organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation
Alpha,A1,,15.2.792.3,2021-03-04T10:00:00Z,,
Alpha,A1,,15.2.792.10,2021-03-09T10:00:00Z,,
Alpha,A1,,15.2.858.12,2021-08-20T10:00:00Z,,
Alpha,A1,,15.2.1118.20,2022-12-01T10:00:00Z,,
Alpha,A2,10.0.0.5,15.1.2176.2,2021-03-04T10:00:00Z,,eomt
Alpha,A3,,15.2.1118.7,2022-10-05T10:00:00Z,,eomtv2
Alpha,A4,,15.2.1118.40,2023-12-01T10:00:00Z,,
Beta,B1,,15.2.792.10,2021-03-05T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,
Beta,B1,,15.2.858.12,2021-08-20T10:00:00Z,,
Beta,B2,,15.2.792.3,2021-03-06T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\other.aspx,
Beta,B3,,15.2.792,2021-04-01T10:00:00Z,,
Gamma,G1,,15.2.792.3,${daysAgo(40)},,
Gamma,G1,,15.2.1118.20,${daysAgo(1)},,
Delta,D1,,14.3.513.0,2021-03-20T10:00:00Z,,
`;
const NMAP = `<?xml version="1.0"?>
<nmaprun scanner="nmap" start="${Date.parse("2021-03-12T10:00:00Z") / 1000}">
<host starttime="${Date.parse("2021-03-12T10:00:00Z") / 1000}"><status state="up"/><address addr="10.0.0.5" addrtype="ipv4"/>
<hostnames><hostname name="A2" type="user"/></hostnames>
<ports><port protocol="tcp" portid="443"><state state="open"/><script id="http-vuln-cve2021-26855" output="&#xa;  VULNERABLE:&#xa;  Microsoft Exchange Server SSRF (CVE-2021-26855)&#xa;    State: VULNERABLE"/></port></ports></host>
</nmaprun>
`;

const upload = (text: string, fileName: string, organization: string | null = null) =>
  importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(text)]), fileName, origin: "api", maxBytes: 1e6, options: { organization } });

// ProxyLogon (its EOMT mitigation, its nmap probe) and a CVE that Aug23SU fixed: a server on Nov22SU, patched
// against every built-in campaign, is unpatched against it.
const withAug23 = (id: string, disclosed: string) => ({
  ...proxylogonFile,
  id,
  name: `Campaign ${id}`,
  cves: [...proxylogonFile.cves, "CVE-2023-38181"],
  updateRollups: [],
  fixes: [...proxylogonFile.fixes, { securityUpdate: "Aug23SU", cves: ["CVE-2023-38181"] }],
  disclosed,
  exploitedFrom: disclosed,
  lookBackFrom: disclosed,
});

type Dump = Record<"statuses" | "spans" | "deltas" | "counts", string[]>;

// Every derived row, without StatusSpan's own id, sorted.
async function dumpIn(s: SqlSession): Promise<Dump> {
  const rows = async (sql: string) => (await s.all<Record<string, unknown>>(sql)).map((r) => JSON.stringify(Object.values(r).map((v) => (typeof v === "bigint" ? Number(v) : v)))).sort();
  return {
    statuses: await rows(`SELECT "serverId", "campaign", "organizationId", "status", "severity", "hostnameKey" FROM "ServerCampaign"`),
    spans: await rows(`SELECT "serverId", "organizationId", "campaign", "status", "fromDay", "toDay" FROM "StatusSpan"`),
    deltas: await rows(`SELECT "campaign", "scope", "day", "status", "delta" FROM "StatusDelta"`),
    counts: await rows(`SELECT "campaign", "organizationId", "servers", "patched", "unpatched", "mitigated", "compromised", "unknown", "percentPatched" FROM "OrganizationStatus"`),
  };
}
const dump = () => withWriteTransaction(dumpIn);
const rederived = () => withWriteTransaction(async (s) => (await rederiveAll(s, await campaignsIn(s)), dumpIn(s)));
const rollupOnly = (d: Dump) => ({ statuses: d.statuses.filter((r) => r.includes(`"all"`)), spans: d.spans.filter((r) => r.includes(`"all"`)) });
const spanIds = async (campaign: string) => (await db.statusSpan.findMany({ where: { campaign }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);

async function add(id: string, disclosed: string) {
  const progress: [number, number][] = [];
  const result = await addCampaign(TEST_ACCESS, withAug23(id, disclosed), (done, total) => progress.push([done, total]));
  expect(result.servers).toBe(await db.server.count());
  expect(progress.at(-1)).toEqual([result.servers, result.servers]);
}

beforeAll(async () => {
  await resetDatabase();
  // As a start does before the app serves: the rules the stored statuses are derived with.
  await rederiveIfRulesChanged();
  await upload(CSV, "fleet.csv");
  await upload(NMAP, "probe.xml", "Alpha");
  const b1 = await db.server.findFirstOrThrow({ where: { hostname: "B1" } });
  await recordRemediation(TEST_ACCESS, { serverId: b1.id, note: "Rebuilt from scratch", remediatedAt: new Date("2021-03-10T10:00:00Z") });
  // A server known by name that no scan has reached yet.
  const gamma = await db.organization.findFirstOrThrow({ where: { name: "Gamma" } });
  const g2 = await db.server.create({ data: { organizationId: gamma.id, hostname: "G2", hostnameKey: "g2" } });
  await withWriteTransaction(async (s) => recomputeServers(s, [g2.id], await campaignsIn(s)));
});

describe("adding a campaign judges only it and re-derives the roll-up from what is stored", () => {
  it("seeds a fleet in every state", async () => {
    const all = await db.serverCampaign.findMany({ where: { campaign: "proxylogon" }, include: { server: { select: { hostname: true } } } });
    const status = Object.fromEntries(all.map((r) => [r.server.hostname, r.status]));
    expect(status).toMatchObject({ A1: "patched", A2: "unpatched", B1: "patched", B2: "compromised", B3: "unknown", G2: "unknown" });
    expect(await db.organization.count()).toBe(4);
    expect(await db.scan.count({ where: { server: { hostname: "G2" } } })).toBe(0);
  });

  it("adds a campaign disclosed in the future: not active yet, but the roll-up's days from its disclosure change", async () => {
    const before = await dump();
    const proxylogonSpans = await spanIds("proxylogon");
    await add("not-yet", "2099-01-01");
    const after = await dump();
    // Only the new campaign was judged: the other campaigns' rows were not rewritten.
    expect(await spanIds("proxylogon")).toEqual(proxylogonSpans);
    expect(rollupOnly(after).statuses).toEqual(rollupOnly(before).statuses);
    expect(rollupOnly(after).spans).not.toEqual(rollupOnly(before).spans);
    expect(after).toEqual(await rederived());
  });

  it("adds a campaign disclosed in the past: the roll-up's status and days change", async () => {
    const before = await dump();
    const proxylogonSpans = await spanIds("proxylogon");
    await add("long-ago", "2021-05-01");
    const after = await dump();
    expect(await spanIds("proxylogon")).toEqual(proxylogonSpans);
    // A1 was patched against everything; Nov22SU does not fix the new one, so a stale roll-up would differ here.
    expect(rollupOnly(after).statuses).not.toEqual(rollupOnly(before).statuses);
    expect(rollupOnly(after).spans).not.toEqual(rollupOnly(before).spans);
    const a1 = await db.server.findFirstOrThrow({ where: { hostname: "A1" } });
    expect(await db.serverCampaign.findUnique({ where: { serverId_campaign: { serverId: a1.id, campaign: "all" } } })).toMatchObject({ status: "unpatched" });
    expect(after).toEqual(await rederived());
    expect(after.counts.some((r) => r.startsWith(`["long-ago",`))).toBe(true);
  });

  it("re-derives every server instead when the stored statuses were made by other rules", async () => {
    await db.setting.update({ where: { key: "statusRules" }, data: { value: "rules of an older version" } });
    const proxylogonSpans = await spanIds("proxylogon");
    await add("after-upgrade", "2021-06-01");
    expect(await spanIds("proxylogon")).not.toEqual(proxylogonSpans);
    expect(await dump()).toEqual(await rederived());
  });

  it("stores the rules the statuses are now derived with, so the next start re-derives nothing", async () => {
    await add("one-more", "2022-01-01");
    const campaigns = await withWriteTransaction(campaignsIn);
    expect((await db.setting.findUniqueOrThrow({ where: { key: "statusRules" } })).value).toBe(rulesFingerprint(campaigns));
    expect(await rederiveIfRulesChanged()).toBe(0);
  });
});
