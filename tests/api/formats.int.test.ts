import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { db } from "@/lib/data/db";
import { getServer } from "@/lib/data/fleet/server-detail";
import { serverState } from "../support/server-state";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { makeZip } from "@/lib/import/make-zip.test-helper";
import { resetDatabase } from "../reset-database";
import { call } from "./request";
import { TEST_ACCESS } from "../access";

const FIXTURES = new URL("../../lib/import/parsers/fixtures/", import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const TPL_DIR = new URL("test-proxylogon/", FIXTURES);
const TPL_FILES = readdirSync(TPL_DIR).map((name) => ({ name, bytes: readFileSync(new URL(name, TPL_DIR)) }));
let token: string;

const upload = (query: string, body: BodyInit, type?: string) =>
  call(POST, `/api/v1/scans${query}`, { method: "POST", token, body, headers: type ? { "content-type": type } : {} });

function form(files: { name: string; bytes: Buffer | string }[], fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append("file", new Blob([typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes)]), file.name);
  return f;
}

const serverBy = (hostname: string) => serverState(hostname);

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("test")).token;
});

describe("Test-ProxyLogon output", () => {
  it("imports a run's files from one multipart form as one import, with indicators and log age", async () => {
    const res = await upload("", form(TPL_FILES, { organization: "Harbor County", scannedAt: "2021-03-12T08:00:00Z" }));
    expect(res.status).toBe(201);
    expect(res.json.imports).toHaveLength(1);
    const summary = res.json.import;
    expect(summary).toMatchObject({ format: "test-proxylogon", serversCreated: 1, rejected: 0, duplicate: false });
    expect(summary.indicators).toBeGreaterThanOrEqual(3);
    expect(summary.fileName).toContain("(4 files)");

    const server = await serverBy("EXCH01");
    expect(server.status).toBe("compromised");
    // The first hit's own time (the log line), not the check's.
    expect(server.compromisedAt?.toISOString()).toBe("2021-03-02T23:10:41.245Z");
    const scan = await db.scan.findFirstOrThrow({ where: { serverId: server.id } });
    expect(scan).toMatchObject({ source: "test-proxylogon", patchEvidence: "not-checked", logAgeDays: 12 });
    const findings = await db.indicator.findMany({ where: { serverId: server.id } });
    expect(findings.length).toBe(summary.indicators);
    expect(findings.map((f) => f.type)).toContain("CVE-2021-26855");
    expect(findings.find((f) => f.type === "CVE-2021-26855")?.seenAt).not.toBeNull();

    const detail = (await getServer(TEST_ACCESS, server.id))!;
    expect(detail.compromiseCheck).toMatchObject({ logAgeDays: 12, logsTooShort: true });
    expect(detail.compromiseCheck?.logCoverage).toMatch(/only 12 days.*January 6, 2021/);
    expect(detail.findingsTotal).toBe(findings.length);
  });

  it("rejects the run whole without an organization, and stores nothing", async () => {
    const res = await upload("", form(TPL_FILES));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("organization_required");
    expect(res.json.error.message).toMatch(/organization=/);
    expect(await db.scan.count()).toBe(0);
    expect(await db.import.count()).toBe(0);
  });

  it("reads a zip of the output folder the same way, and answers the same zip again as a duplicate", async () => {
    const zip = new Uint8Array(makeZip(TPL_FILES.map((f) => ({ name: `TestProxyLogonOutput/${f.name}`, data: f.bytes }))));
    const res = await upload("?organization=Harbor%20County", zip, "application/zip");
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "test-proxylogon", serversCreated: 1 });
    expect((await serverBy("EXCH01")).status).toBe("compromised");
    const again = await upload("?organization=Harbor%20County", zip, "application/zip");
    expect(again.status).toBe(200);
    expect(again.json.import.duplicate).toBe(true);
    expect(await db.scan.count()).toBe(1);
  });

  it("rejects a zip that holds no Test-ProxyLogon file", async () => {
    const zip = new Uint8Array(makeZip([{ name: "notes/readme.txt", data: Buffer.from("hello") }]));
    const res = await upload("?organization=Acme", zip, "application/zip");
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("no_test_proxylogon_files");
    expect(await db.organization.count()).toBe(0);
  });

  it("records a clean run as a compromise check that keeps the build verdict of the other scans", async () => {
    const csv = "organization,hostname,exchange_build,scanned_at\nHarbor County,EXCH09,15.2.792.10,2021-03-10T00:00:00Z\n";
    expect((await upload("", csv, "text/csv")).status).toBe(201);
    const clean = [{ name: "EXCH09-LogAgeDays.csv", bytes: '"Ecp","Owa"\n"400","400"\n' }, { name: "EXCH09-Cve-2021-26855.csv", bytes: "" }];
    const res = await upload("", form(clean, { organization: "Harbor County", scannedAt: "2021-03-12T00:00:00Z" }));
    expect(res.status).toBe(201);
    const server = await serverBy("EXCH09");
    expect(server).toMatchObject({ status: "patched", build: "15.2.792.10" });
    const detail = (await getServer(TEST_ACCESS, server.id))!;
    expect(detail.compromiseCheck).toMatchObject({ indicatorCount: 0, logsTooShort: false });
    expect(detail.compromiseCheck?.headline).toBe("Checked for compromise on 2021-03-12: nothing found");
  });
});

describe("Exchange Health Checker report", () => {
  it("takes the report's organization and date, keeps the tool's verdict, and records offline servers as not scanned", async () => {
    const res = await upload("", fixture("healthchecker-vulnerability-report.json"), "application/json");
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "health-checker", serversCreated: 3 });
    expect(await db.server.count({ where: { organization: { slug: "harbor-county" } } })).toBe(3);
    const [one, two, three] = await Promise.all(["EXCH01", "EXCH02", "EXCH03"].map(serverBy));
    expect(one.status).toBe("unpatched");
    expect(two.status).toBe("patched");
    expect(three).toMatchObject({ status: "unknown", lastScanAt: null });
    expect(three.reason).toMatch(/could not reach/i);
    const scan = await db.scan.findFirstOrThrow({ where: { serverId: one.id } });
    expect(scan.scannedAt.toISOString()).toBe("2021-03-09T10:15:02.000Z");
    expect(JSON.parse(scan.toolVerdict!)).toMatchObject({ vulnerable: true });
    const detail = (await getServer(TEST_ACCESS, one.id))!;
    expect(detail.campaigns.find((c) => c.id === "proxylogon")!.toolVerdicts[0]).toMatchObject({ tool: "Health Checker", vulnerable: true, ours: "unpatched", agrees: true });
  });

  it("lets organization= win over the report's own", async () => {
    const res = await upload("?organization=Other%20Client", fixture("healthchecker-vulnerability-report.json"), "application/json");
    expect(res.status).toBe(201);
    expect(await db.organization.findMany({ select: { name: true } })).toEqual([{ name: "Other Client" }]);
  });
});

describe("Exchange Health Checker report: dates, organization and verdict", () => {
  // As Health Checker writes it on an en-US server: ReportDate "3/9/2021 10:15:02 AM", Organization a DN.
  const EN_US = fixture("healthchecker-en-us.json");
  const NAMED = "HealthChecker-VulnerabilityReport-20210309101300.json";

  it("issue 8 item 3: an ambiguous ReportDate is decided by the file name's time; the organization is the DN's name", async () => {
    const res = await upload("", form([{ name: NAMED, bytes: Buffer.from(EN_US) }]));
    expect(res.status).toBe(201);
    expect(await db.organization.findMany({ select: { name: true } })).toEqual([{ name: "Harbor County" }]);
    const server = await serverBy("EXCH01");
    expect(server.lastScanAt?.toISOString()).toBe("2021-03-09T10:15:02.000Z");
  });

  it("issue 8 item 3: without a file name or scannedAt the upload is rejected with 422 and nothing is stored", async () => {
    const res = await upload("", EN_US, "application/json");
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("scan_time_unknown");
    expect(res.json.error.message).toMatch(/scannedAt=/);
    expect(await db.scan.count()).toBe(0);
    const given = await upload("?scannedAt=2021-03-10T08:00:00Z", EN_US, "application/json");
    expect(given.status).toBe(201);
    expect((await serverBy("EXCH02")).lastScanAt?.toISOString()).toBe("2021-03-10T08:00:00.000Z");
  });

  it("issue 8 item 3: the tool's verdict beside ours is for ProxyLogon's CVEs only", async () => {
    const report = {
      ReportDate: "19/03/2021 10:15:02",
      Organization: "CN=Smith\\, Jones,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=sj,DC=local",
      Servers: [{ Name: "EXCH05", BuildVersion: "15.1.2176.9", HasVulnerability: true, Vulnerabilities: ["CVE-2021-34473", "CVE-2021-31207"], Online: true }],
    };
    const res = await upload("", JSON.stringify(report), "application/json");
    expect(res.status).toBe(201);
    const server = await serverBy("EXCH05");
    expect(server.status).toBe("patched");
    expect(await db.organization.findMany({ select: { name: true } })).toEqual([{ name: "Smith, Jones" }]);
    const detail = (await getServer(TEST_ACCESS, server.id))!;
    expect(detail.campaigns.find((c) => c.id === "proxylogon")!.toolVerdicts[0]).toMatchObject({ vulnerable: false, ours: "patched", agrees: true });
  });
});

describe("limits", () => {
  it("issue 8 item 14: a report whose organization is longer than 200 characters is rejected, unless organization= is given", async () => {
    const report = JSON.stringify({ ReportDate: "2021-03-09T10:15:02", Organization: `CN=${"A".repeat(300)},CN=Microsoft Exchange`, Servers: [{ Name: "EX1", BuildVersion: "15.1.2176.9" }] });
    const res = await upload("", report, "application/json");
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("organization_too_long");
    expect(await db.organization.count()).toBe(0);
    expect((await upload("?organization=Acme", report, "application/json")).status).toBe(201);
  });

  it("issue 8 item 14: a huge field is a 422 with its line, and the server keeps answering", async () => {
    const xml = `<?xml version="1.0"?>\n<nmaprun>\n<host><address addr="198.51.100.9" addrtype="ipv4"/>\n<ports><port protocol="tcp" portid="443"><script id="x" output="${"x".repeat(5 * 1024 * 1024)}"/></port></ports></host></nmaprun>\n`;
    const res = await upload("?organization=Acme", xml, "application/xml");
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({ code: "field_too_large", message: expect.stringMatching(/^Line 4: /) });
    expect(await db.scan.count()).toBe(0);
    expect((await upload("?organization=Acme", fixture("nmap-proxylogon.xml"), "application/xml")).status).toBe(201);
  });
});

describe("nmap XML", () => {
  it("marks a VULNERABLE host unpatched and a host without script output unknown, at the time nmap scanned it", async () => {
    const res = await upload("?organization=Harbor%20County", fixture("nmap-proxylogon.xml"), "application/xml");
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "nmap-xml", serversCreated: 2 });
    const vulnerable = await serverBy("mail.harborcounty.example");
    const undetermined = await serverBy("webmail.harborcounty.example");
    expect(vulnerable.status).toBe("unpatched");
    expect(undetermined.status).toBe("unknown");
    // The host's own starttime (one second into the run that started at 09:00:00).
    expect(vulnerable.lastScanAt?.toISOString()).toBe("2021-03-09T09:00:01.000Z");
  });

  it("needs an organization", async () => {
    const res = await upload("", fixture("nmap-proxylogon.xml"), "application/xml");
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("organization_required");
  });
});

describe("Nessus CSV export", () => {
  it("makes a host with plugin 147003 unpatched", async () => {
    const res = await upload("?organization=Harbor%20County&scannedAt=2021-03-15T00:00:00Z", fixture("nessus-export.csv"), "text/csv");
    expect(res.status).toBe(201);
    expect(res.json.import.format).toBe("nessus-csv");
    const host = await serverBy("198.51.100.7");
    expect(host).toMatchObject({ status: "unpatched", build: "15.2.792.3" });
    expect(host.lastScanAt?.toISOString()).toBe("2021-03-15T00:00:00.000Z");
  });
});

describe("Nessus CSV export: builds from any plugin", () => {
  const HEADER = "Plugin ID,CVE,Risk,Host,Port,Name,Synopsis,Plugin Output";
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const row = (plugin: string, host: string, name: string, output: string) => [plugin, "", "Critical", host, "445", q(name), q(""), q(output)].join(",");
  const UNSUPPORTED = "Microsoft Exchange Server Unsupported Version Detection";

  it("issue 8 item 2: an installed build below the fix is unpatched without plugin 147003, and a patched old CU called unsupported is patched", async () => {
    const csv = [
      HEADER,
      row("22313", "cu17-unpatched", UNSUPPORTED, "  Installed version   : 15.01.2044.004\n  Supported versions  : 15.1.2176 / 15.1.2242\n"),
      row("22313", "cu17-patched", UNSUPPORTED, "  Installed version   : 15.1.2044.13\n  Supported versions  : 15.1.2176.2 / 15.1.2242.4\n  End of support date : 2021/03/16\n"),
      "",
    ].join("\n");
    const res = await upload("?organization=Harbor%20County&scannedAt=2021-03-20T00:00:00Z", csv, "text/csv");
    expect(res.status).toBe(201);
    expect(await serverBy("cu17-unpatched")).toMatchObject({ status: "unpatched", build: "15.1.2044.4" });
    expect(await serverBy("cu17-patched")).toMatchObject({ status: "patched", build: "15.1.2044.13" });
    const scan = await db.scan.findFirstOrThrow({ where: { server: { hostname: "cu17-patched" } } });
    expect(scan.patchEvidence).toBe("build");
    expect(JSON.parse(scan.toolVerdict!)).toMatchObject({ tool: "nessus", vulnerable: "unknown" });
  });
});

describe("format=", () => {
  it("overrides detection: a CSV read as nmap XML is rejected whole", async () => {
    const res = await upload("?format=nmap-xml&organization=Acme", "organization,hostname\nA,B\n", "text/csv");
    expect(res.status).toBe(422);
    expect(await db.scan.count()).toBe(0);
  });

  it("rejects an unknown format name with 400", async () => {
    const res = await upload("?format=excel", "a,b\n", "text/csv");
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe("format");
  });
});

describe("several files in one upload", () => {
  it("imports a Test-ProxyLogon run and a canonical CSV as two imports", async () => {
    const csv = "organization,hostname,exchange_build,scanned_at\nHarbor County,EXCH02,15.2.792.10,2021-03-10\n";
    const files = [...TPL_FILES, { name: "scan.csv", bytes: csv }];
    const res = await upload("", form(files, { organization: "Harbor County" }));
    expect(res.status).toBe(201);
    expect(res.json.imports.map((i: { format: string }) => i.format)).toEqual(["test-proxylogon", "canonical-csv"]);
    expect(res.json.import).toBeUndefined();
  });
});
