// Issue 10, the server page: its findings one row per indicator, grouped by the database and read a page at a
// time, and a compromise-check card that agrees with them. Real files through POST /api/v1/scans, and rows
// written directly where a test needs thousands.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { db } from "@/lib/data/db";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { getServer } from "@/lib/data/fleet/server-detail";
import { FINDINGS_PAGE_SIZE, getServerFindings } from "@/lib/data/fleet/server-findings";
import type { Access } from "@/lib/domain/access";
import { TEST_ACCESS } from "../access";
import { call } from "../api/request";
import { resetDatabase } from "../reset-database";

const ORG = "Harbor County";
let token: string;

function form(files: { name: string; text: string }[], fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append("file", new Blob([file.text]), file.name);
  return f;
}
const uploadForm = (files: { name: string; text: string }[], scannedAt: string) =>
  call(POST, "/api/v1/scans", { method: "POST", token, body: form(files, { organization: ORG, scannedAt }) });
const uploadCsv = (rows: string[]) =>
  call(POST, "/api/v1/scans", {
    method: "POST",
    token,
    body: ["organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation", ...rows].join("\n") + "\n",
    headers: { "content-type": "text/csv" },
  });

function requests(rows: { at: string; stem: string }[]) {
  const header = `"DateTime","RequestId","ClientIPAddress","UrlHost","UrlStem","RoutingHint","UserAgent","AnchorMailbox","HttpStatus"`;
  const lines = rows.map((r, i) => `"${r.at}","req-${i}","86.105.18.116","mail.example","${r.stem}","X-BEResource-Cookie","python","ServerInfo~a]@EXCH01:444/x?#","200"`);
  return { name: "EXCH01-Cve-2021-26855.csv", text: [header, ...lines].join("\n") + "\n" };
}
const other = (rows: string[]) => ({ name: "EXCH01-other.csv", text: ['"ComputerName","Type","Path","Name","LastWrite"', ...rows].join("\n") + "\n" });
const logAge = (days: number) => ({ name: "EXCH01-LogAgeDays.csv", text: `"Ecp","OwaProxy"\n"${days}","${days}"\n` });

const HITS = [
  { at: "2021-03-03T02:45:10Z", stem: "/ecp/y.js" },
  { at: "2021-03-03T02:50:00Z", stem: "/owa/auth/x.js" },
];
const serverId = async (hostname = "EXCH01") => (await db.server.findFirstOrThrow({ where: { hostname } })).id;

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("test")).token;
});

describe("issue 10 item 2: one row per indicator, however many scans listed it", () => {
  it("groups the same hit of two Test-ProxyLogon runs, with first and last seen, times seen, tool and campaign", async () => {
    const files = [requests(HITS), other(['"EXCH01","LsassDump","C:\\root\\lsass.dmp","lsass.dmp","3/3/2021 3:12:44 AM"', '"EXCH01","SuspiciousArchive","C:\\ProgramData\\x.7z","x.7z","3/4/2021 1:05:00 PM"'])];
    expect((await uploadForm(files, "2021-03-05T10:00:00Z")).status).toBe(201);
    expect((await uploadForm(files, "2021-03-12T10:00:00Z")).status).toBe(201);
    const detail = (await getServer(TEST_ACCESS, await serverId()))!;
    const { findings } = detail;

    expect(findings).toMatchObject({ total: 4, findings: 8, openIndicators: 3, openLeads: 1, page: 1 });
    expect(detail.findingsTotal).toBe(8);
    const y = findings.groups.find((g) => g.detail.startsWith("/ecp/y.js"))!;
    expect(y).toMatchObject({
      type: "CVE-2021-26855",
      kind: "indicator",
      timesSeen: 2,
      firstSeen: "2021-03-03T02:45:10.000Z",
      lastSeen: "2021-03-03T02:45:10.000Z",
      lastReported: "2021-03-12T10:00:00.000Z",
      tools: ["Test-ProxyLogon"],
      campaigns: [{ id: "proxylogon", name: expect.stringMatching(/ProxyLogon/) }],
      open: true,
    });
    expect(findings.groups.find((g) => g.type === "LsassDump")).toMatchObject({ timesSeen: 2, campaigns: [], open: true });
    expect(findings.groups.find((g) => g.type === "SuspiciousArchive")).toMatchObject({ kind: "suspicious-file", timesSeen: 2 });
    // Latest first: the order of the time each counts from.
    const lastSeen = findings.groups.map((g) => g.lastSeen);
    expect(lastSeen).toEqual([...lastSeen].sort().reverse());
  });

  it("groups our CSV's repeated findings the same way, and names each tool that listed one", async () => {
    const rows = ["2021-03-04", "2021-03-11", "2021-03-18"].map((d) => `${ORG},EXCH01,,15.1.2176.2,${d}T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,`);
    expect((await uploadCsv(rows)).status).toBe(201);
    const id = await serverId();
    const { findings } = (await getServer(TEST_ACCESS, id))!;
    expect(findings.groups).toEqual([
      expect.objectContaining({ type: "reported", timesSeen: 3, tools: ["Patchboard CSV"], firstSeen: "2021-03-04T10:00:00.000Z", lastSeen: "2021-03-18T10:00:00.000Z" }),
    ]);

    // The same indicator from another tool's scan: one row, both tools.
    const scan = await db.scan.create({ data: { serverId: id, scannedAt: new Date("2021-03-19T10:00:00Z"), source: "mapped" } });
    const detail = findings.groups[0].detail;
    await db.indicator.create({ data: { scanId: scan.id, serverId: id, type: "reported", detail, at: scan.scannedAt } });
    const again = (await getServer(TEST_ACCESS, id))!.findings;
    expect(again.groups).toHaveLength(1);
    expect(again.groups[0]).toMatchObject({ timesSeen: 4, tools: ["Patchboard CSV", "CSV with a column mapping"] });
  });

  it("reads thousands of findings a page at a time, counted over them all", async () => {
    const id = await seedManyFindings(60, 40);
    const first = (await getServerFindings(TEST_ACCESS, id, 1))!;
    expect(first).toMatchObject({ total: 60, findings: 2400, openIndicators: 60, page: 1, pageSize: FINDINGS_PAGE_SIZE });
    expect(first.groups).toHaveLength(FINDINGS_PAGE_SIZE);
    expect(first.groups.every((g) => g.timesSeen === 40)).toBe(true);
    // The latest indicator first; the last page holds the rest; a page past the end shows the last.
    expect(first.groups[0].detail).toBe("C:\\inetpub\\shell-59.aspx");
    const last = (await getServerFindings(TEST_ACCESS, id, 3))!;
    expect(last.groups.map((g) => g.detail).at(-1)).toBe("C:\\inetpub\\shell-0.aspx");
    expect(last.groups).toHaveLength(60 - 2 * FINDINGS_PAGE_SIZE);
    expect((await getServerFindings(TEST_ACCESS, id, 99))!.page).toBe(3);
    const seen = new Set([1, 2, 3].map(async (p) => (await getServerFindings(TEST_ACCESS, id, p))!.groups.map((g) => g.detail)));
    expect(new Set((await Promise.all(seen)).flat()).size).toBe(60);
  });

  it("marks what a remediation cleared, and re-opens an indicator listed again with a later time", async () => {
    expect((await uploadForm([requests(HITS)], "2021-03-05T10:00:00Z")).status).toBe(201);
    const id = await serverId();
    await recordRemediation(TEST_ACCESS, { serverId: id, note: "Rebuilt", remediatedAt: new Date("2021-03-10T10:00:00Z") });
    expect((await getServer(TEST_ACCESS, id))!.findings).toMatchObject({ openIndicators: 0, total: 2 });
    await uploadForm([requests([...HITS, { at: "2021-03-15T08:00:00Z", stem: "/ecp/y.js" }])], "2021-03-16T10:00:00Z");
    const { findings } = (await getServer(TEST_ACCESS, id))!;
    expect(findings.openIndicators).toBe(1);
    expect(findings.groups.map((g) => [g.detail.slice(0, 14), g.open, g.timesSeen])).toEqual([
      ["/ecp/y.js, Anc", true, 3],
      ["/owa/auth/x.js", false, 2],
    ]);
  });

  it("answers another tenant's server as missing", async () => {
    expect((await uploadForm([requests(HITS)], "2021-03-05T10:00:00Z")).status).toBe(201);
    const elsewhere = await db.organization.create({ data: { name: "Elsewhere", nameKey: "elsewhere", slug: "elsewhere" } });
    const viewer: Access = { actor: { type: "user", id: "v", label: "viewer" }, role: "viewer", organizationIds: [elsewhere.id], ip: null };
    expect(await getServerFindings(viewer, await serverId(), 1)).toBeNull();
    expect(await getServerFindings(TEST_ACCESS, await serverId(), 1)).not.toBeNull();
  });
});

describe("issue 10 item 4: the compromise check never contradicts the indicators listed beside it", () => {
  it("is not clean after a run that finds nothing while an earlier run's hits are open, and is once they are remediated", async () => {
    expect((await uploadForm([requests(HITS), logAge(30)], "2021-03-05T10:00:00Z")).status).toBe(201);
    // The logs rotated: the next run finds nothing.
    expect((await uploadForm([requests([]), logAge(30)], "2021-03-20T10:00:00Z")).status).toBe(201);
    const id = await serverId();
    const before = (await getServer(TEST_ACCESS, id))!;
    expect(before.status).toBe("compromised");
    expect(before.findings.openIndicators).toBe(2);
    expect(before.compromiseCheck).toMatchObject({ tone: "found", indicatorCount: 0, headline: "Checked for compromise on 2021-03-20: nothing new found" });
    expect(before.compromiseCheck!.note).toMatch(/^2 indicators from earlier scans are still open/);

    await recordRemediation(TEST_ACCESS, { serverId: id, note: "Rebuilt", remediatedAt: new Date("2021-03-21T10:00:00Z") });
    const after = (await getServer(TEST_ACCESS, id))!;
    expect(after.findings.openIndicators).toBe(0);
    expect(after.status).not.toBe("compromised");
    expect(after.compromiseCheck).toMatchObject({ tone: "clean", note: null });
  });

  it("does not call a re-run that lists remediated hits again a compromise", async () => {
    expect((await uploadForm([requests(HITS)], "2021-03-05T10:00:00Z")).status).toBe(201);
    const id = await serverId();
    await recordRemediation(TEST_ACCESS, { serverId: id, note: "Rebuilt", remediatedAt: new Date("2021-03-10T10:00:00Z") });
    expect((await uploadForm([requests(HITS)], "2021-03-20T10:00:00Z")).status).toBe(201);
    const detail = (await getServer(TEST_ACCESS, id))!;
    expect(detail.findings.openIndicators).toBe(0);
    expect(detail.compromiseCheck).toMatchObject({ tone: "clean", indicatorCount: 2 });
    expect(detail.compromiseCheck!.headline).toMatch(/2 earlier findings reported again, dated before the last remediation/);
  });
});

// A server with `indicators` distinct web shells, each listed by every one of `scans` weekly scans.
async function seedManyFindings(indicators: number, scans: number): Promise<number> {
  const org = await db.organization.create({ data: { name: ORG, nameKey: "harbor county", slug: "harbor-county" } });
  const server = await db.server.create({ data: { organizationId: org.id, hostname: "EXCH01", hostnameKey: "exch01" } });
  for (let w = 0; w < scans; w++) {
    const scannedAt = new Date(Date.UTC(2021, 2, 4 + 7 * w, 10));
    const scan = await db.scan.create({ data: { serverId: server.id, scannedAt, source: "canonical" } });
    await db.indicator.createMany({
      data: Array.from({ length: indicators }, (_, n) => ({
        scanId: scan.id,
        serverId: server.id,
        type: "reported",
        detail: `C:\\inetpub\\shell-${n}.aspx`,
        // Each shell has its own time (shell-59 the latest), the same in every scan's listing.
        at: new Date(Date.UTC(2021, 2, 1, 0, n)),
        seenAt: new Date(Date.UTC(2021, 2, 1, 0, n)),
      })),
    });
  }
  return server.id;
}
