import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectFormat, readHeaderRow } from "./detect-format";
import { ImportFileError } from "./import-file-error";
import { makeZip } from "./make-zip.test-helper";

const CANONICAL = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\nHarbor,mail01,,15.1.2176.9,2021-03-09,,\n";
const NESSUS = 'Plugin ID,CVE,CVSS,Risk,Host,Protocol,Port,Name,Synopsis,Description,Solution,Plugin Output\n147003,CVE-2021-26855,10.0,Critical,198.51.100.7,tcp,445,"x","y","z","s","\n  Installed version : 15.2.792.3\n"\n';
const NMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner="nmap" start="1615280400">\n</nmaprun>\n';
const HEALTH = '{\n  "VersionReport": "21.03.09",\n  "Organization": "Harbor",\n  "Servers": [{ "Name": "EX01" }]\n}\n';
const PS51_26855 =
  '#TYPE System.Management.Automation.PSCustomObject\r\n"DateTime","RequestId","ClientIPAddress","UrlHost","UrlStem","RoutingHint","UserAgent","AnchorMailbox","HttpStatus"\r\n';

const utf8 = (text: string) => Buffer.from(text, "utf8");
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const SAMPLES = fileURLToPath(new URL("./parsers/fixtures/", import.meta.url));
const sample = (path: string) => readFileSync(`${SAMPLES}${path}`);
const detect = (content: string | Buffer, name?: string | null) => detectFormat(typeof content === "string" ? utf8(content) : content, name);

function rejection(content: string | Buffer, name?: string): ImportFileError {
  let caught: unknown = null;
  try {
    detect(content, name);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ImportFileError);
  expect((caught as ImportFileError).code).toBe("unrecognized_format");
  return caught as ImportFileError;
}

describe("detectFormat: the sample files", () => {
  it("recognises each tool's sample by its content", () => {
    expect(detect(sample("healthchecker-vulnerability-report.json"))).toBe("health-checker");
    expect(detect(sample("nmap-proxylogon.xml"))).toBe("nmap-xml");
    expect(detect(sample("nessus-export.csv"))).toBe("nessus-csv");
  });

  it("recognises every Test-ProxyLogon sample under its own name, and its CSVs by their header alone", () => {
    for (const name of readdirSync(`${SAMPLES}test-proxylogon`)) {
      expect(detect(sample(`test-proxylogon/${name}`), name), name).toBe("test-proxylogon");
    }
    expect(detect(sample("test-proxylogon/EXCH01-Cve-2021-26855.csv"))).toBe("test-proxylogon");
    expect(detect(sample("test-proxylogon/EXCH01-other.csv"))).toBe("test-proxylogon");
  });

  it("recognises them as Windows PowerShell 5.1 writes them: UTF-16LE with a BOM, CRLF, the #TYPE line", () => {
    const crlf = (path: string) => utf16le(sample(path).toString("utf8").replace(/\n/g, "\r\n"));
    expect(detect(crlf("test-proxylogon/EXCH01-Cve-2021-26855.csv"))).toBe("test-proxylogon");
    expect(detect(utf16le(PS51_26855))).toBe("test-proxylogon");
    expect(detect(crlf("healthchecker-vulnerability-report.json"))).toBe("health-checker");
    expect(detect(crlf("nmap-proxylogon.xml"))).toBe("nmap-xml");
  });
});

describe("detectFormat: by content", () => {
  it("recognises a ZIP archive by its magic bytes, whatever it holds", () => {
    expect(detect(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xff, 0xfe]))).toBe("zip");
    expect(detect(makeZip([{ name: "IMG_0001.jpg", data: Buffer.from([0xff, 0xd8, 0xff]) }]), "photos.csv")).toBe("zip");
  });

  it("sends truncated XML to the nmap parser, which says where it stops", () => {
    const nmap = sample("nmap-proxylogon.xml");
    expect(detect(nmap.subarray(0, nmap.indexOf("<address") + 12))).toBe("nmap-xml");
    expect(detect("<?xml version=")).toBe("nmap-xml");
  });

  it("recognises nmap XML, with or without the XML declaration", () => {
    expect(detect(NMAP)).toBe("nmap-xml");
    expect(detect('\n<nmaprun scanner="nmap">\n</nmaprun>')).toBe("nmap-xml");
  });

  it("recognises a Health Checker report by its Servers list", () => {
    expect(detect(HEALTH)).toBe("health-checker");
    expect(detect(`\uFEFF${HEALTH}`)).toBe("health-checker");
  });

  it("recognises the canonical CSV, also with a BOM, CRLF and differently spelled columns", () => {
    expect(detect(CANONICAL)).toBe("canonical-csv");
    expect(detect(`\uFEFFOrganization,Host Name,Exchange Build,Scanned At\r\nHarbor,mail01,15.1.2176.9,2021-03-09\r\n`)).toBe("canonical-csv");
  });

  it("recognises a Nessus export, whose Plugin Output spans lines", () => {
    expect(detect(NESSUS)).toBe("nessus-csv");
  });

  it("recognises Test-ProxyLogon CSV headers, after PowerShell 5.1's #TYPE line", () => {
    expect(detect(PS51_26855)).toBe("test-proxylogon");
    expect(detect('"TimeCreated","MachineName","Message"\n')).toBe("test-proxylogon");
    expect(detect("ComputerName,Type,Path,Name,LastWrite\nEX01,LsassDump,C:\\x,x.dmp,2021-03-02\n")).toBe("test-proxylogon");
  });

  it("calls any other delimited text with a header row unknown-csv", () => {
    expect(detect("Server;Version;Checked\nEX01;15.1.2176.9;2021-03-09\n")).toBe("unknown-csv");
    expect(detect("server\tbuild\nEX01\t15.1.2176.9\n")).toBe("unknown-csv");
    expect(detect("name,build\n")).toBe("unknown-csv");
  });

  it("decodes UTF-16 with a byte-order mark, little- and big-endian", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CANONICAL, "utf16le")]);
    expect(detect(le)).toBe("canonical-csv");
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NESSUS, "utf16le").swap16()]);
    expect(detect(be)).toBe("nessus-csv");
  });

  it("keeps reading a Latin-1 file, whose odd bytes are few, and reads its header as windows-1252", () => {
    const latin1 = Buffer.from("Serveur;Version;Société\nEX01;15.1.2176.9;Genève\n", "latin1");
    expect(detect(latin1)).toBe("unknown-csv");
    const euro = Buffer.concat([Buffer.from("Serveur,Société,Coût ", "latin1"), Buffer.from([0x80, 0x0a])]); // 0x80: € in windows-1252
    expect(readHeaderRow(euro)).toEqual(["Serveur", "Société", "Coût €"]);
    expect(readHeaderRow(utf8("Serveur,Société\n"))).toEqual(["Serveur", "Société"]);
  });

  it("looks at the first 64 KB only", () => {
    const rows = "Harbor,mail01,,15.1.2176.9,2021-03-09,,\n".repeat(2000); // about 80 KB
    expect(detect(Buffer.concat([utf8(CANONICAL + rows), Buffer.alloc(1000, 0)]))).toBe("canonical-csv");
  });
});

describe("detectFormat: the file name is only a hint", () => {
  it("does not let a name override the content", () => {
    expect(detect(CANONICAL, "report.json")).toBe("canonical-csv");
    expect(detect(NESSUS, "EX01-Cve-2021-26855.csv")).toBe("nessus-csv");
    expect(detect(NMAP, "scan.csv")).toBe("nmap-xml");
  });

  it("decides Test-ProxyLogon's files whose content cannot tell", () => {
    expect(detect("C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx\n", "EX01-Cve-2021-26858.log")).toBe("test-proxylogon");
    expect(detect("C:\\temp\\x.aspx\n", "EX01-Cve-2021-27065.log")).toBe("test-proxylogon");
    expect(detect("Oab,Ecp\n30,30\n", "EX01-LogAgeDays.csv")).toBe("test-proxylogon");
    expect(detect("A,B\n1,2\n", "EX01-other.csv")).toBe("test-proxylogon");
    expect(detect("Oab,Ecp\n30,30\n", "LogAgeDays-notes.csv")).toBe("unknown-csv");
  });

  it("accepts a Health Checker report cut before Servers when the name says so", () => {
    const cut = '{ "VersionReport": "21.03.09", "Organization": "Harbor", "Note": "';
    expect(detect(cut, "HealthChecker-VulnerabilityReport-20210309.json")).toBe("health-checker");
    expect(rejection(cut, "other.json").message).toContain('without the "Servers" list');
  });
});

describe("detectFormat: rejected heads", () => {
  it("rejects an empty or blank file, listing the formats it reads", () => {
    const err = rejection(Buffer.alloc(0));
    expect(err.message).toContain("the file is empty");
    expect(err.message).toContain("Nessus / Tenable CSV");
    expect(err.details).toEqual({ formats: expect.arrayContaining(["canonical-csv", "zip"]) });
    rejection(" \r\n\n");
    expect(rejection(Buffer.from([0xff, 0xfe])).message).toContain("the file is empty"); // a UTF-16 BOM alone
  });

  it("rejects binary garbage", () => {
    const garbage = Buffer.alloc(2048);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    expect(rejection(garbage).message).toContain("binary");
    expect(rejection(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])).message).toContain("binary");
    // Without a NUL byte: invalid UTF-8, so read as windows-1252, and still mostly control characters.
    expect(rejection(Buffer.from(garbage.map((b) => b || 1))).message).toContain("binary");
  });

  it("rejects prose without a header row, and a JSON array", () => {
    expect(rejection("This is not a scan.\nJust notes.\n").message).toContain("not a header row");
    rejection('[{"Name": "EX01"}]');
  });
});

describe("readHeaderRow", () => {
  it("returns the trimmed first CSV row, after a BOM and a #TYPE line", () => {
    expect(readHeaderRow(utf8(`\uFEFF${PS51_26855}`))).toEqual(["DateTime", "RequestId", "ClientIPAddress", "UrlHost", "UrlStem", "RoutingHint", "UserAgent", "AnchorMailbox", "HttpStatus"]);
    expect(readHeaderRow(utf8(' Server , "Build, full" ,Date\nx,y,z\n'))).toEqual(["Server", "Build, full", "Date"]);
  });

  it("returns null for an empty head or one cut inside a quoted header", () => {
    expect(readHeaderRow(Buffer.alloc(0))).toBeNull();
    expect(readHeaderRow(utf8("\n\n"))).toBeNull();
    expect(readHeaderRow(utf8('"a,b'))).toBeNull();
  });
});
