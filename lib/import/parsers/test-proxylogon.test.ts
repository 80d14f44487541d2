import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "../import-file-error";
import { makeZip } from "../make-zip.test-helper";
import type { ObservationRecord, ScanObservation } from "../observation";
import { zipEntries } from "../zip-entries";
import { isTestProxyLogonFileName, parseTestProxyLogon } from "./test-proxylogon";

const DIR = fileURLToPath(new URL("./fixtures/test-proxylogon/", import.meta.url));
const SAMPLES = readdirSync(DIR).sort();
const sample = (name: string) => readFileSync(`${DIR}${name}`);
const scannedAt = new Date("2021-03-09T12:00:00Z");

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const bytes = (data: string | Buffer) => (typeof data === "string" ? Buffer.from(data, "utf8") : data);

// The bytes cut into pieces of `size` (odd sizes split UTF-16 code units and CRLFs).
async function* pieces(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

type Input = Record<string, string | Buffer>;

async function parse(input: Input, size = 7, options = {}): Promise<ObservationRecord[]> {
  const files = Object.entries(input).map(([name, data]) => ({ name, stream: pieces(bytes(data), size) }));
  const out: ObservationRecord[] = [];
  for await (const rec of parseTestProxyLogon(files, { scannedAt, ...options })) out.push(rec);
  return out;
}

const observations = (recs: ObservationRecord[]) =>
  recs.filter((r): r is { line: number; observation: ScanObservation } => "observation" in r).map((r) => r.observation);
const errors = (recs: ObservationRecord[]) => recs.flatMap((r) => ("error" in r ? [r.error] : []));
const samples = (): Input => Object.fromEntries(SAMPLES.map((n) => [n, sample(n)]));

function expectSampleServer(recs: ObservationRecord[]) {
  expect(errors(recs)).toEqual([]);
  const [server] = observations(recs);
  expect(observations(recs)).toHaveLength(1);
  expect(server).toMatchObject({
    hostname: "EXCH01",
    organization: null,
    ipAddress: null,
    build: null,
    scannedAt,
    mitigation: null,
    patchEvidence: "not-checked",
    toolVerdict: null,
    compromiseCheck: { tool: "Test-ProxyLogon", logAgeDays: 12 },
    online: true,
  });
  expect(server.indicators).toEqual([
    {
      type: "CVE-2021-26855",
      detail: "/ecp/y.js, AnchorMailbox ServerInfo~a]@EXCH01.harbor.local:444/autodiscover/autodiscover.xml?#, from 86.105.18.116",
      seenAt: new Date("2021-03-02T23:10:41.245Z"),
    },
    expect.objectContaining({ type: "CVE-2021-26855", seenAt: new Date("2021-03-03T02:45:10.002Z") }),
    {
      type: "CVE-2021-27065",
      detail: expect.stringMatching(/^C:\\Program Files\\.*ECPServer20210303-1\.LOG:S:TIME=.*<\/script>'''$/),
      seenAt: new Date("2021-03-03T02:46:01.113Z"),
    },
    { type: "LsassDump", detail: "C:\\root\\lsass.dmp", seenAt: new Date("2021-03-03T03:12:44Z") },
  ]);
}

describe("isTestProxyLogonFileName", () => {
  it("knows the script's file names, in any case and folder", () => {
    for (const name of [
      "EXCH01-Cve-2021-26855.csv", "out/EX-02-cve-2021-26857.CSV", "C:\\out\\EXCH01-Cve-2021-26858.log",
      "EXCH01-Cve-2021-26858-DownloadPaths.log", "EXCH01-Cve-2021-27065.log", "EXCH01-Cve-2021-27065-ResetVDir.csv",
      "EXCH01-other.csv", "exch01-logagedays.csv",
    ]) expect(isTestProxyLogonFileName(name), name).toBe(true);
    for (const name of ["EXCH01-Cve-2021-26855.log", "Cve-2021-26855.csv", "EXCH01-Cve-2021-26856.csv", "notes.txt", "EXCH01-other.csv.bak"]) {
      expect(isTestProxyLogonFileName(name), name).toBe(false);
    }
  });
});

describe("parseTestProxyLogon", () => {
  it("reads the samples (with their #TYPE line) into one observation, whatever the chunking", async () => {
    expectSampleServer(await parse(samples()));
    expectSampleServer(await parse(samples(), 1));
  });

  it("reads the same files written by Windows PowerShell 5.1 as UTF-16LE with a BOM, and UTF-8 with a BOM", async () => {
    const asUtf16 = Object.fromEntries(SAMPLES.map((n) => [n, utf16(sample(n).toString("utf8").replace(/\n/g, "\r\n"))]));
    expectSampleServer(await parse(asUtf16, 3));
    const withBom = Object.fromEntries(SAMPLES.map((n) => [n, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sample(n)])]));
    expectSampleServer(await parse(withBom, 2));
  });

  it("reads a zip of the output folder through zipEntries", async () => {
    const zip = makeZip([{ name: "TestProxyLogonOutput/", data: "" }, ...SAMPLES.map((n) => ({ name: `TestProxyLogonOutput/${n}`, data: sample(n) }))]);
    const out: ObservationRecord[] = [];
    for await (const rec of parseTestProxyLogon(zipEntries(zip), { scannedAt })) out.push(rec);
    expectSampleServer(out);
  });

  it("groups several servers case-insensitively, and a server with only LogAgeDays or empty files is clean", async () => {
    const recs = await parse({
      "EXCH01-Cve-2021-26857.csv": '"TimeCreated","MachineName","Message"\r\n"3/4/2021 1:05:00 PM","EXCH01.harbor.local","Watson report"\r\n',
      "exch01-other.csv": '"ComputerName","Type","Path","Name","LastWrite"\n"EXCH01","SuspiciousArchive","C:\\ProgramData\\","x.7z","04.03.2021 13:05:00"\n',
      "EXCH02-LogAgeDays.csv": '"Oabgen","Ecp"\n"30","7.5"\n',
      "EXCH03-Cve-2021-26855.csv": "",
      "EXCH03-Cve-2021-27065.log": "\r\n",
    });
    expect(errors(recs)).toEqual([]);
    const byName = Object.fromEntries(observations(recs).map((o) => [o.hostname, o]));
    expect(Object.keys(byName)).toEqual(["EXCH01", "EXCH02", "EXCH03"]);
    expect(byName.EXCH01.indicators).toEqual([
      { type: "CVE-2021-26857", detail: "Watson report", seenAt: new Date("2021-03-04T13:05:00Z") },
      { type: "SuspiciousArchive", detail: "C:\\ProgramData\\x.7z", seenAt: new Date("2021-03-04T13:05:00Z") },
    ]);
    expect(byName.EXCH01.compromiseCheck).toEqual({ tool: "Test-ProxyLogon", logAgeDays: null });
    expect(byName.EXCH02).toMatchObject({ indicators: [], compromiseCheck: { tool: "Test-ProxyLogon", logAgeDays: 7.5 } });
    expect(byName.EXCH03).toMatchObject({ indicators: [], compromiseCheck: { logAgeDays: null } });
  });

  it("files a row under the machine its ComputerName names when that is another server", async () => {
    const recs = await parse({ "EXCH01-other.csv": '"ComputerName","Type","Path","Name","LastWrite"\n"EXCH09","LsassDump","C:\\a.dmp","a.dmp",""\n' });
    expect(observations(recs).map((o) => [o.hostname, o.indicators.length])).toEqual([["EXCH01", 0], ["EXCH09", 1]]);
  });

  it("keeps a 26857 message spread over quoted lines, and counts lines after it", async () => {
    const message = "Watson report about to be sent for process id: 10000,\r\nwith parameters: E12IIS, c-RTL-AMD64,\r\n15.01.2176.002";
    const recs = await parse({
      "EXCH01-Cve-2021-26857.csv": `#TYPE Selected.System.Diagnostics.Eventing.Reader.EventLogRecord\r\n"TimeCreated","MachineName","Message"\r\n` +
        `"3/3/2021 2:00:00 AM","EXCH01","${message}"\r\n"3/3/2021 2:00:00 AM","EXCH01"\r\n`,
    });
    expect(observations(recs)[0].indicators[0]).toEqual({
      type: "CVE-2021-26857",
      detail: "Watson report about to be sent for process id: 10000, with parameters: E12IIS, c-RTL-AMD64, 15.01.2176.002",
      seenAt: new Date("2021-03-03T02:00:00Z"),
    });
    expect(errors(recs)).toEqual(["EXCH01-Cve-2021-26857.csv line 6: expected 3 fields as in the header, found 2"]);
    // The unreadable row of a CVE file is still a finding.
    expect(observations(recs)[0].indicators[1]).toMatchObject({ type: "CVE-2021-26857", detail: "unreadable row: EXCH01-Cve-2021-26857.csv line 6" });
  });

  it("cuts a huge field in the detail, and reports a record past the limit without losing the finding", async () => {
    const header = '"TimeCreated","MachineName","Message"\n';
    const huge = `${header}"3/3/2021 2:00:00 AM","EXCH01","${"A".repeat(300_000)}"\n`;
    const [server] = observations(await parse({ "EXCH01-Cve-2021-26857.csv": huge }, 4096));
    expect(server.indicators[0].detail).toHaveLength(2001);
    const recs = await parse({ "EXCH01-Cve-2021-26857.csv": huge, "EXCH01-Cve-2021-26858.log": `ok.aspx\n${"B".repeat(300_000)}\nok2.aspx` }, 4096, {
      maxRecordBytes: 100_000,
    });
    expect(errors(recs)).toEqual([
      "EXCH01-Cve-2021-26857.csv line 2: the record is longer than 100000 characters; the rest of the file was not read",
      "EXCH01-Cve-2021-26858.log line 2: the line is longer than 100000 characters",
    ]);
    expect(observations(recs)[0].indicators.map((i) => i.detail)).toEqual([
      "unreadable row: EXCH01-Cve-2021-26857.csv line 2",
      "ok.aspx",
      "unreadable row: EXCH01-Cve-2021-26858.log line 2",
      "ok2.aspx",
    ]);
  });

  it("reports an unrelated file once and ignores it; with no Test-ProxyLogon file at all, rejects the set", async () => {
    const recs = await parse({ ...samples(), "notes.txt": "hello", "EXCH01-Cve-2021-26858-DownloadPaths.log": "C:\\inetpub\\x.aspx\n" });
    expect(errors(recs)).toEqual(["ignored file notes.txt: not a Test-ProxyLogon output file"]);
    expect(observations(recs)[0].indicators.at(-1)).toEqual({ type: "CVE-2021-26858", detail: "C:\\inetpub\\x.aspx", seenAt: null });
    const err = await parse({ "notes.txt": "hello" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe("no_test_proxylogon_files");
  });

  it("keeps at most maxIndicatorsPerServer indicators and says how many were left out", async () => {
    const log = Array.from({ length: 5 }, (_, i) => `C:\\inetpub\\s${i}.aspx`).join("\n");
    const recs = await parse({ "EXCH01-Cve-2021-27065.log": log }, 7, { maxIndicatorsPerServer: 3 });
    expect(observations(recs)[0].indicators).toHaveLength(3);
    expect(errors(recs)).toEqual(["EXCH01: 2 more indicators were not kept (limit 3 per server)"]);
  });

  it("reads a ResetVDir CSV like the 26855 one, and falls back to the whole row without the known columns", async () => {
    const recs = await parse({
      "EXCH01-Cve-2021-27065-ResetVDir.csv": '"DateTime","UrlStem","RoutingHint"\n"2021-03-03T01:00:00","/ecp/x","X-BEResource-Cookie"\n',
      "EXCH01-Cve-2021-26855.csv": '"When","What"\n"yesterday","/owa/auth/x.js"\n',
    });
    expect(observations(recs)[0].indicators).toEqual([
      { type: "CVE-2021-27065", detail: "/ecp/x, RoutingHint X-BEResource-Cookie", seenAt: new Date("2021-03-03T01:00:00Z") },
      { type: "CVE-2021-26855", detail: "yesterday, /owa/auth/x.js", seenAt: null },
    ]);
  });
});
