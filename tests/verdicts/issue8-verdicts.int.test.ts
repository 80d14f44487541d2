// Issue 8's verdict defects, end to end: files of the real formats through POST /api/v1/scans, statuses and
// history read back from the database and the server page's data.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { db } from "@/lib/data/db";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { getServer } from "@/lib/data/fleet/server-detail";
import { organizationCounts, serverState } from "../support/server-state";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { TEST_ACCESS } from "../access";
import { call } from "../api/request";
import { resetDatabase } from "../reset-database";

const ORG = "Harbor County";
let token: string;

const upload = (query: string, body: BodyInit, type = "text/csv") =>
  call(POST, `/api/v1/scans${query}`, { method: "POST", token, body, headers: { "content-type": type } });

function form(files: { name: string; text: string }[], fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append("file", new Blob([file.text]), file.name);
  return f;
}
const uploadForm = (files: { name: string; text: string }[], fields: Record<string, string>) =>
  call(POST, "/api/v1/scans", { method: "POST", token, body: form(files, fields) });

const csv = (rows: string[]) =>
  ["organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation", ...rows].join("\n") + "\n";

function nmap(host: string, start: number, script: string): string {
  return `<?xml version="1.0"?>
<nmaprun scanner="nmap" start="${start}">
<host starttime="${start}"><status state="up"/><address addr="10.0.0.5" addrtype="ipv4"/>
<hostnames><hostname name="${host}" type="user"/></hostnames>
<ports><port protocol="tcp" portid="443"><state state="open"/>${script}</port></ports></host>
</nmaprun>
`;
}
const VULNERABLE = `<script id="http-vuln-cve2021-26855" output="&#xa;  VULNERABLE:&#xa;  Microsoft Exchange Server SSRF (CVE-2021-26855)&#xa;    State: VULNERABLE"/>`;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const server = (hostname: string) => serverState(hostname);

function tplRequests(rows: { at: string; stem: string }[]): string {
  const header = `"DateTime","RequestId","ClientIPAddress","UrlHost","UrlStem","RoutingHint","UserAgent","AnchorMailbox","HttpStatus"`;
  return [header, ...rows.map((r, i) => `"${r.at}","req-${i}","86.105.18.116","mail.example","${r.stem}","X-BEResource-Cookie","python","ServerInfo~a]@EXCH01:444/x?#","200"`)].join("\n") + "\n";
}

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("test")).token;
});

describe("issue 8 item 1: a live VULNERABLE probe beats a recorded mitigation, through the real files", () => {
  it("shows an EOMT-mitigated server unpatched after nmap's script finds it vulnerable, and says why", async () => {
    expect((await upload("", csv([`${ORG},EXCH01,10.0.0.5,15.1.2176.2,2021-03-08T10:00:00Z,,eomt`]))).status).toBe(201);
    expect((await server("EXCH01")).status).toBe("mitigated");
    const res = await upload(`?organization=${encodeURIComponent(ORG)}`, nmap("EXCH01", unix("2021-03-12T10:00:00Z"), VULNERABLE), "application/xml");
    expect(res.status).toBe(201);
    const after = await server("EXCH01");
    expect(after.status).toBe("unpatched");
    expect(after.reason).toContain("The EOMT mitigation recorded on 2021-03-08 is not working");
    const spans = await db.statusSpan.findMany({ where: { serverId: after.id, campaign: "proxylogon" }, orderBy: { fromDay: "asc" } });
    expect(spans.map((s) => [s.status, s.fromDay, s.toDay])).toEqual([
      ["mitigated", "2021-03-08", "2021-03-12"],
      ["unpatched", "2021-03-12", null],
    ]);
  });
});

describe("issue 8 item 2: an inconclusive scan keeps the last conclusive verdict, through the real files", () => {
  it("stays unpatched after an nmap run without script output", async () => {
    await upload("", csv([`${ORG},EXCH02,,15.2.792.3,2021-03-05T10:00:00Z,,`]));
    await upload(`?organization=${encodeURIComponent(ORG)}`, nmap("EXCH02", unix("2021-03-10T10:00:00Z"), ""), "application/xml");
    const after = await server("EXCH02");
    expect(after).toMatchObject({ status: "unpatched", build: "15.2.792.3" });
    expect(after.reason).toContain("Last determined on 2021-03-05 from build 15.2.792.3; the nmap scan on 2021-03-10 could not tell.");
    expect(await organizationCounts(ORG)).toMatchObject({ servers: 1, unpatched: 1, unknown: 0 });
  });
});

describe("issue 8 item 4: findings count from their own time, through Test-ProxyLogon re-runs", () => {
  const oldHits = [{ at: "2021-02-27T03:00:00Z", stem: "/ecp/y.js" }];

  it("keeps a remediated server clean when a re-run lists the same old hits, and re-opens for a newer one", async () => {
    await upload("", csv([`${ORG},EXCH01,,15.1.2176.9,2021-03-04T10:00:00Z,,`]));
    const first = await uploadForm([{ name: "EXCH01-Cve-2021-26855.csv", text: tplRequests(oldHits) }], { organization: ORG, scannedAt: "2021-03-05T10:00:00Z" });
    expect(first.status).toBe(201);
    const compromised = await server("EXCH01");
    expect(compromised).toMatchObject({ status: "compromised", indicatorCount: 1 });
    // The hit's own time, not the check's.
    expect(compromised.compromisedAt?.toISOString()).toBe("2021-02-27T03:00:00.000Z");

    await recordRemediation(TEST_ACCESS, { serverId: compromised.id, note: "Rebuilt from scratch", remediatedAt: new Date("2021-03-10T10:00:00Z") });
    // A later run: the same old hits, with more days of logs behind them.
    const logAge = `"Ecp","OwaProxy"\n"30","30"\n`;
    const rerun = await uploadForm(
      [{ name: "EXCH01-Cve-2021-26855.csv", text: tplRequests(oldHits) }, { name: "EXCH01-LogAgeDays.csv", text: logAge }],
      { organization: ORG, scannedAt: "2021-03-20T10:00:00Z" },
    );
    expect(rerun.status).toBe(201);
    const clean = await server("EXCH01");
    expect(clean).toMatchObject({ status: "patched", indicatorCount: 0 });
    expect(clean.reason).toContain("1 finding reported again since then is dated before it, so it stays cleared.");

    const newer = [...oldHits, { at: "2021-03-15T08:00:00Z", stem: "/owa/auth/x.js" }];
    await uploadForm([{ name: "EXCH01-Cve-2021-26855.csv", text: tplRequests(newer) }], { organization: ORG, scannedAt: "2021-03-21T10:00:00Z" });
    const reopened = await server("EXCH01");
    expect(reopened).toMatchObject({ status: "compromised", indicatorCount: 1 });
    expect(reopened.compromisedAt?.toISOString()).toBe("2021-03-15T08:00:00.000Z");

    // The server page shows which finding re-opened it.
    const detail = reopened.detail;
    // One row per indicator: the old hit, listed by all three runs, is one cleared row.
    const open = detail.findings.groups.filter((f) => f.open).map((f) => f.detail);
    expect(open).toEqual([expect.stringContaining("/owa/auth/x.js")]);
    expect(detail.findings.groups.filter((f) => !f.open)).toEqual([expect.objectContaining({ timesSeen: 3, detail: expect.stringContaining("/ecp/y.js") })]);
  });
});

describe("issue 8 item 4: a re-run whose output did not change is still a new check", () => {
  it("imports the same Test-ProxyLogon bytes given another scan time, and is a duplicate given the same one", async () => {
    const files = [{ name: "EXCH01-Cve-2021-26855.csv", text: tplRequests([{ at: "2021-02-27T03:00:00Z", stem: "/ecp/y.js" }]) }];
    const first = await uploadForm(files, { organization: ORG, scannedAt: "2021-03-05T10:00:00Z" });
    expect(first.json.import.duplicate).toBe(false);
    const again = await uploadForm(files, { organization: ORG, scannedAt: "2021-03-05T10:00:00Z" });
    expect(again.json.import).toMatchObject({ duplicate: true, id: first.json.import.id });
    const later = await uploadForm(files, { organization: ORG, scannedAt: "2021-03-20T10:00:00Z" });
    expect(later.json.import.duplicate).toBe(false);
    expect(await db.scan.count({ where: { server: { hostname: "EXCH01" } } })).toBe(2);
  });
});

describe("issue 8 item 5: suspicious archives from Test-ProxyLogon's -other file are leads", () => {
  const other = (rows: string[]) => [`"ComputerName","Type","Path","Name","LastWrite"`, ...rows].join("\n") + "\n";

  it("does not mark a server compromised for an archive alone, and still does for an LSASS dump", async () => {
    const archive = `"EXCH03","SuspiciousArchive","C:\\ProgramData\\VSN\\backup.zip","backup.zip","3/3/2021 3:12:44 AM"`;
    await uploadForm([{ name: "EXCH03-other.csv", text: other([archive]) }], { organization: ORG, scannedAt: "2021-03-12T08:00:00Z" });
    const lead = await server("EXCH03");
    expect(lead).toMatchObject({ status: "unknown", indicatorCount: 0, suspiciousFiles: 1 });
    expect(lead.reason).toContain("a lead to look at, not proof of compromise");

    const dump = `"EXCH04","LsassDump","C:\\root\\lsass.dmp","lsass.dmp","3/3/2021 3:12:44 AM"`;
    await uploadForm([{ name: "EXCH04-other.csv", text: other([archive.replace("EXCH03", "EXCH04"), dump]) }], { organization: ORG, scannedAt: "2021-03-12T08:00:00Z" });
    expect(await server("EXCH04")).toMatchObject({ status: "compromised", indicatorCount: 1, suspiciousFiles: 1 });
  });
});

describe("issue 8 item 6: the server page's guidance comes from the server's product", () => {
  it("tells an Exchange 2010 server to install its update rollup", async () => {
    await upload("", csv([`${ORG},LEGACY01,,14.3.496.0,2021-03-05T10:00:00Z,,`]));
    const detail = (await getServer(TEST_ACCESS, (await server("LEGACY01")).id))!;
    expect(detail.guidance.install.join(" ")).toContain("Update Rollup 32 (KB5000978)");
    expect(JSON.stringify(detail.guidance)).not.toContain("KB5000871");
  });
});

describe("issue 8 item 7: long-form builds", () => {
  it("stores and judges 15.01.2176.009 as 15.1.2176.9", async () => {
    const res = await upload("", csv([`${ORG},EXCH05,,15.01.2176.009,2021-03-05T10:00:00Z,,`]));
    expect(res.status).toBe(201);
    expect(await server("EXCH05")).toMatchObject({ status: "patched", build: "15.1.2176.9", cumulativeUpdate: "CU19" });
    const scan = await db.scan.findFirstOrThrow({ where: { server: { hostname: "EXCH05" } } });
    expect(scan.build).toBe("15.1.2176.9");
  });
});
