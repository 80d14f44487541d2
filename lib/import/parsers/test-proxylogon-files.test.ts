// Test-ProxyLogon output as it reaches an upload after Windows has had its way with it: other delimiters,
// code pages and empty files, and zips that hold something else or too much.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeZip } from "../make-zip.test-helper";
import type { ObservationRecord, ScanObservation } from "../observation";
import { zipEntries, type ZipLimits } from "../zip-entries";
import { pieces } from "./parser-test-support";
import { parseTestProxyLogon, type TestProxyLogonFile } from "./test-proxylogon";

const DIR = fileURLToPath(new URL("./fixtures/test-proxylogon/", import.meta.url));
const SAMPLES = readdirSync(DIR).sort();
const scannedAt = new Date("2021-03-09T12:00:00Z");
const TYPE_LINE = "#TYPE Selected.System.Management.Automation.PSCustomObject\r\n";

async function run(files: Iterable<TestProxyLogonFile> | AsyncIterable<TestProxyLogonFile>): Promise<ObservationRecord[]> {
  const out: ObservationRecord[] = [];
  for await (const rec of parseTestProxyLogon(files, { scannedAt })) out.push(rec);
  return out;
}
const parse = (input: Record<string, string | Buffer>, size = 5) =>
  run(Object.entries(input).map(([name, data]) => ({ name, stream: pieces(data, size) })));
const parseZip = (zip: Buffer, limits?: ZipLimits) => run(zipEntries(zip, limits));

const observations = (recs: ObservationRecord[]) =>
  recs.filter((r): r is { line: number; observation: ScanObservation } => "observation" in r).map((r) => r.observation);
const errors = (recs: ObservationRecord[]) => recs.flatMap((r) => ("error" in r ? [r.error] : []));
const latin1 = (text: string) => Buffer.from(text, "latin1");

describe("parseTestProxyLogon: delimiters", () => {
  it("reads files re-saved with semicolons (Excel, -UseCulture), with their #TYPE line and decimal commas", async () => {
    const recs = await parse({
      "EXCH01-Cve-2021-26855.csv": `${TYPE_LINE}"DateTime";"ClientIPAddress";"UrlStem";"AnchorMailbox"\r\n"2021-03-03T02:45:10Z";"139.59.56.239";"/ecp/y.js";"ServerInfo~a]@EXCH01:444/x?#"\r\n`,
      "EXCH01-other.csv": 'ComputerName;Type;Path;Name;LastWrite\nEXCH01;LsassDump;C:\\root\\lsass.dmp;lsass.dmp;03.03.2021 03:12:44\n',
      "EXCH01-LogAgeDays.csv": '"Oabgen";"Ecp"\r\n"30";"12,5"\r\n',
    });
    expect(errors(recs)).toEqual([]);
    const [server] = observations(recs);
    expect(server.compromiseCheck).toEqual({ tool: "Test-ProxyLogon", logAgeDays: 12.5 });
    expect(server.indicators).toEqual([
      { type: "CVE-2021-26855", detail: "/ecp/y.js, AnchorMailbox ServerInfo~a]@EXCH01:444/x?#, from 139.59.56.239", seenAt: new Date("2021-03-03T02:45:10Z") },
      { type: "LsassDump", detail: "C:\\root\\lsass.dmp", seenAt: new Date("2021-03-03T03:12:44Z") },
    ]);
  });

  it("reads tab-separated files, and keeps commas as the delimiter when a message holds semicolons", async () => {
    const recs = await parse({
      "EXCH01-Cve-2021-26857.csv": '"TimeCreated","MachineName","Message"\n"3/3/2021 2:00:00 AM","EXCH01","a; b; c"\n',
      "EXCH02-Cve-2021-26857.csv": "TimeCreated\tMachineName\tMessage\n3/3/2021 2:00:00 AM\tEXCH02\tWatson report, E12IIS\n",
    });
    expect(errors(recs)).toEqual([]);
    expect(observations(recs).map((o) => [o.hostname, o.indicators.map((i) => i.detail)])).toEqual([
      ["EXCH01", ["a; b; c"]],
      ["EXCH02", ["Watson report, E12IIS"]],
    ]);
  });
});

describe("parseTestProxyLogon: empty files and encodings", () => {
  it("takes a header alone, a #TYPE line alone or a BOM alone as a check that found nothing", async () => {
    const recs = await parse({
      "EXCH01-Cve-2021-26855.csv": `${TYPE_LINE}"DateTime","RequestId","ClientIPAddress","UrlHost"\r\n`,
      "EXCH02-Cve-2021-26857.csv": TYPE_LINE,
      "EXCH03-other.csv": Buffer.from([0xff, 0xfe]),
      "EXCH04-Cve-2021-27065.log": Buffer.from([0xef, 0xbb, 0xbf]),
      "EXCH05-Cve-2021-26855.csv": `\r\n${TYPE_LINE}"DateTime","RequestId"\r\n`, // #TYPE not on line 1
    });
    expect(errors(recs)).toEqual([]);
    expect(observations(recs).map((o) => [o.hostname, o.indicators.length])).toEqual([
      ["EXCH01", 0], ["EXCH02", 0], ["EXCH03", 0], ["EXCH04", 0], ["EXCH05", 0],
    ]);
  });

  it("reads files in the ANSI code page (Set-Content, Excel) as windows-1252", async () => {
    const recs = await parse({
      "EXCH01-Cve-2021-26857.csv": latin1('"TimeCreated","MachineName","Message"\n"3/3/2021 2:00:00 AM","EXCH01","Fehler f\u00fcr Gen\u00e8ve"\n'),
      "EXCH01-Cve-2021-26858.log": latin1("C:\\Users\\Andr\u00e9\\AppData\\shell.aspx\r\n"),
      "EXCH01-other.csv": latin1('"ComputerName","Type","Path","Name","LastWrite"\n"EXCH01","SuspiciousArchive","C:\\ProgramData\\\u00e9t\u00e9\\","x.7z",""\n'),
    }, 1);
    expect(observations(recs)[0].indicators.map((i) => i.detail)).toEqual([
      "Fehler für Genève",
      "C:\\Users\\André\\AppData\\shell.aspx",
      "C:\\ProgramData\\été\\x.7z",
    ]);
  });
});

describe("parseTestProxyLogon: zips", () => {
  it("rejects a zip that holds only unrelated files, naming them", async () => {
    const zip = makeZip([{ name: "photos/IMG_0001.jpg", data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) }, { name: "readme.txt", data: "hi" }]);
    const err = await parseZip(zip).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "no_test_proxylogon_files", details: { ignored: ["photos/IMG_0001.jpg", "readme.txt"] } });
  });

  it("reads the output files of a zip and reports the unrelated one once", async () => {
    const zip = makeZip([...SAMPLES.map((n) => ({ name: n, data: readFileSync(`${DIR}${n}`) })), { name: "inner.zip", data: makeZip([]) }]);
    const recs = await parseZip(zip);
    expect(errors(recs)).toEqual(["ignored file inner.zip: not a Test-ProxyLogon output file"]);
    expect(observations(recs).map((o) => [o.hostname, o.indicators.length])).toEqual([["EXCH01", 4]]);
  });

  it("lets a zip bomb's size limit fail the whole import, not one file", async () => {
    for (const name of ["EXCH01-Cve-2021-26858.log", "EXCH01-Cve-2021-26855.csv"]) {
      const bomb = makeZip([
        { name: "EXCH01-LogAgeDays.csv", data: '"Oabgen"\n"30"\n' },
        { name, data: Buffer.alloc(4 * 1024 * 1024, 0x41), declaredSize: 1000 },
      ]);
      await expect(parseZip(bomb, { maxUncompressedBytes: 1024 * 1024 }), name).rejects.toMatchObject({ code: "zip_too_large" });
    }
  });
});
