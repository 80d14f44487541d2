import { describe, expect, it } from "vitest";
import { parseCanonicalCsv, type ParseCanonicalCsvOptions } from "./canonical-csv";
import type { ParsedRecord } from "./canonical-row";
import { detectDelimiter } from "./csv-header";
import { HEADER, NOW, chunks, errorsOf, row, rowsOf } from "./canonical-csv-test-support";
import { ImportFileError } from "./import-file-error";

async function parse(data: string | Buffer | Buffer[], options: ParseCanonicalCsvOptions = {}): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  const parts = Array.isArray(data) ? data : [Buffer.from(data)];
  for await (const rec of parseCanonicalCsv(chunks(...parts), { now: NOW, ...options })) out.push(rec);
  return out;
}

async function fileError(data: string | Buffer, options: ParseCanonicalCsvOptions = {}): Promise<ImportFileError> {
  const err = await parse(data, options).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFileError);
  return err as ImportFileError;
}

const cp1252 = (text: string) => Buffer.from(text, "latin1"); // the Latin-1 part of windows-1252 is enough here
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const pieces = (data: Buffer, size: number) =>
  Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size));

// An RMM tool's device export, saved by a German Excel: semicolons, windows-1252, CRLF, quoted where needed.
const RMM_EXPORT = [
  "Gerät;Kunde;Standort;IP-Adresse;Betriebssystem;Exchange-Version;Letzter Scan;Befunde",
  "EXCH01;Müller GmbH;Köln;192.168.10.5;Windows Server 2016;15.1.2176.9;2021-03-09T10:15:00+01:00;",
  'EXCH02;"Bäckerei Weiß; Filiale Süd";Düsseldorf;192.168.20.5;Windows Server 2019;15.2.792.10;2021-03-09;"C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx"',
  ";;;;;;;",
  "EXCH03;Müller GmbH;Köln;;Windows Server 2012 R2;15.1;2021-03-10T07:00:00Z;",
  "",
].join("\r\n");
const RMM_MAPPING = {
  columns: {
    hostname: " gerät ", // matched trimmed and case-insensitive
    organization: "KUNDE",
    ip_address: "IP-Adresse",
    exchange_build: "Exchange-Version",
    scanned_at: "Letzter Scan",
    indicators: "Befunde",
  },
};

describe("parseCanonicalCsv with a column mapping", () => {
  it("reads an RMM export with semicolons and windows-1252 names, validating rows as canonical ones", async () => {
    const recs = await parse(cp1252(RMM_EXPORT), { mapping: RMM_MAPPING });
    expect(recs.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(rowsOf(recs).slice(0, 2)).toEqual([
      {
        organization: "Müller GmbH",
        hostname: "EXCH01",
        ipAddress: "192.168.10.5",
        build: "15.1.2176.9",
        scannedAt: new Date("2021-03-09T09:15:00Z"),
        indicators: [],
        mitigation: null,
      },
      {
        organization: "Bäckerei Weiß; Filiale Süd",
        hostname: "EXCH02",
        ipAddress: "192.168.20.5",
        build: "15.2.792.10",
        scannedAt: new Date("2021-03-09T00:00:00Z"),
        indicators: ["C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx"],
        mitigation: null,
      },
    ]);
    expect(errorsOf(recs)).toEqual([{ line: 5, error: 'exchange_build "15.1" is not a build number such as 15.1.2176.9.' }]);
    // The same file in UTF-8, cut anywhere, reads the same.
    expect(await parse(pieces(Buffer.from(RMM_EXPORT), 9), { mapping: RMM_MAPPING })).toEqual(recs);
  });

  it("reads Excel's 'Unicode text' (tab-separated UTF-16LE) and plain tab-separated files", async () => {
    const text =
      "Server Name\tBuild\tLast Check (UTC)\tTenant\tNotes\r\n" +
      "mx1.harbor.example\t15.2.858.5\t2021-03-12T18:00:00Z\tHarbor County\tpatched by \"ops\"\r\n" +
      "mx2.harbor.example\t15.2.792.3\t2021-03-12T18:05:00Z\tHarbor County\t\r\n";
    const mapping = { columns: { hostname: "Server Name", exchange_build: "Build", scanned_at: "Last Check (UTC)", organization: "Tenant" } };
    const plain = await parse(text, { mapping });
    expect(rowsOf(plain).map((r) => [r?.hostname, r?.build, r?.organization])).toEqual([
      ["mx1.harbor.example", "15.2.858.5", "Harbor County"],
      ["mx2.harbor.example", "15.2.792.3", "Harbor County"],
    ]);
    expect(await parse(pieces(utf16le(text), 5), { mapping })).toEqual(plain);
  });

  it("fills organization and scan date from fixed values, which win over mapped columns", async () => {
    // An inventory list with no scan date and a "Site" column that is not the client's name.
    const text = "Server,Site,Version\nEXCH01,HQ,15.1.2176.9\nEXCH02,Branch,15.1.2106.2\n";
    const fixed = { organization: "  Birch & Sons, LLC ", scannedAt: new Date("2021-03-10T12:00:00Z") };
    const recs = await parse(text, { mapping: { columns: { hostname: "Server", exchange_build: "Version", organization: "Site" }, fixed } });
    expect(errorsOf(recs)).toEqual([]);
    expect(rowsOf(recs).map((r) => [r?.organization, r?.hostname, r?.scannedAt.toISOString()])).toEqual([
      ["Birch & Sons, LLC", "EXCH01", "2021-03-10T12:00:00.000Z"],
      ["Birch & Sons, LLC", "EXCH02", "2021-03-10T12:00:00.000Z"],
    ]);
  });

  it("checks fixed values as row values: a fixed scan date in the future rejects every row", async () => {
    const mapping = { columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "Acme", scannedAt: new Date("2021-06-01T00:00:00Z") } };
    const recs = await parse("Server,Version\nEX1,15.1.2176.9\n", { mapping });
    expect(errorsOf(recs)).toEqual([{ line: 2, error: 'scanned_at "2021-06-01T00:00:00.000Z" is in the future.' }]);
  });

  it("rejects a file without a header the mapping names, listing what is missing and what was found", async () => {
    const mapping = { columns: { hostname: "Computer", exchange_build: "ExchangeBuild", organization: "Customer", scanned_at: "Gerät" } };
    const err = await fileError(cp1252(RMM_EXPORT), { mapping });
    expect(err.code).toBe("mapping_mismatch");
    expect(err.message).toMatch(/^The file does not fit the column mapping: it has no column "Customer", "Computer", "ExchangeBuild"\./);
    expect(err.message).toMatch(/The header has the columns "Gerät", "Kunde", "Standort",/);
    expect(err.details).toEqual({
      missing: ["Customer", "Computer", "ExchangeBuild"], // in canonical column order
      header: ["Gerät", "Kunde", "Standort", "IP-Adresse", "Betriebssystem", "Exchange-Version", "Letzter Scan", "Befunde"],
    });
  });

  it("rejects a mapping that leaves a required column without a source, before reading the file", async () => {
    let read = false;
    async function* source() {
      read = true;
      yield Buffer.from("Server,Version\n");
    }
    const incomplete = async (options: ParseCanonicalCsvOptions) => {
      const err = await (async () => {
        for await (const _ of parseCanonicalCsv(source(), { now: NOW, ...options })) void _;
      })().then(() => null, (e: unknown) => e);
      expect(err).toMatchObject({ code: "mapping_incomplete" });
      return (err as ImportFileError).details;
    };
    expect(await incomplete({ mapping: { columns: { exchange_build: "Version" } } })).toEqual({ missing: ["organization", "hostname", "scanned_at"] });
    expect(await incomplete({ mapping: { columns: { hostname: "Server", exchange_build: " " }, fixed: { organization: "Acme", scannedAt: NOW } } })).toEqual({
      missing: ["exchange_build"],
    });
    // A blank fixed organization is no organization.
    expect(await incomplete({ mapping: { columns: { hostname: "Server", exchange_build: "Version", scanned_at: "At" }, fixed: { organization: "  " } } })).toEqual({
      missing: ["organization"],
    });
    expect(read).toBe(false);
  });

  it("takes organization and scan date from the upload's overrides when the mapping has none", async () => {
    const recs = await parse("Server,Version\nEX1,15.1.2176.9\n", {
      mapping: { columns: { hostname: "Server", exchange_build: "Version" } },
      overrides: { organization: "Acme", scannedAt: new Date("2021-03-09T00:00:00Z") },
    });
    expect(rowsOf(recs)).toEqual([
      { organization: "Acme", hostname: "EX1", ipAddress: null, build: "15.1.2176.9", scannedAt: new Date("2021-03-09T00:00:00Z"), indicators: [], mitigation: null },
    ]);
  });

  it("yields nothing for a header without rows, and rejects an empty file", async () => {
    const mapping = { columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "Acme", scannedAt: NOW } };
    expect(await parse("Server;Version\r\n\r\n", { mapping })).toEqual([]);
    for (const empty of ["", "\r\n \r\n", utf16le(""), utf16le("\r\n")]) expect((await fileError(empty, { mapping })).code).toBe("empty_file");
  });

  it("aborts on a record over the size limit, and names the limit when it is the header", async () => {
    const mapping = { columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "Acme", scannedAt: NOW } };
    const text = `Server;Version;Notes\nEX1;15.1.2176.9;ok\nEX2;15.1.2176.9;${"n".repeat(5000)}\nEX3;15.1.2176.9;\n`;
    const err = await fileError(text, { mapping, maxRecordBytes: 1000 });
    expect(err).toMatchObject({ code: "record_too_large", details: { line: 3, maxRecordBytes: 1000 } });
    const header = await fileError(`Server;Version;${"N".repeat(5000)}\nEX1;15.1.2176.9;\n`, { mapping, maxRecordBytes: 1000 });
    expect(header.code).toBe("mapping_mismatch");
    expect(header.message).toMatch(/could not be read as CSV \(it is longer than 1000 bytes\)/);
    expect(header.details).toEqual({ missing: ["Server", "Version"], header: [] });
  });

  it("aborts on an unclosed quote, with the line it starts on", async () => {
    const mapping = { columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "Acme", scannedAt: NOW } };
    const err = await fileError('Server;Version\nEX1;15.1.2176.9\n"EX2;15.1.2176.9\nEX3;15.1.2176.9\n', { mapping });
    expect(err).toMatchObject({ code: "malformed_csv", message: expect.stringMatching(/^Line 3:.*never closed/) });
  });

  it("uses a delimiter given in the options over the detected one", async () => {
    const mapping = { columns: { hostname: "Server;Site", exchange_build: "Version" }, fixed: { organization: "Acme", scannedAt: NOW } };
    const recs = await parse("Server;Site,Version\nEX1;HQ,15.1.2176.9\n", { mapping, delimiter: "," });
    expect(rowsOf(recs)[0]?.hostname).toBe("EX1;HQ");
  });

  it("streams: yields rows before the source ends and stops reading when the consumer stops", async () => {
    let pulled = 0;
    let finished = false;
    async function* endless() {
      try {
        yield "Host|Build|When|Who\n";
        for (;;) {
          pulled++;
          yield "EX1|15.1.2176.9|2021-03-09|Acme\n".repeat(100);
        }
      } finally {
        finished = true;
      }
    }
    const mapping = { columns: { hostname: "Host", exchange_build: "Build", scanned_at: "When", organization: "Who" } };
    let seen = 0;
    for await (const rec of parseCanonicalCsv(endless(), { now: NOW, mapping })) {
      expect(rec).toMatchObject({ row: { hostname: "EX1" } });
      if (++seen === 5000) break;
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(pulled).toBeLessThan(200);
    expect(finished).toBe(true);
  });
});

describe("parseCanonicalCsv: overrides and delimiters of canonical files", () => {
  it("replaces every row's organization and scan date with the upload's overrides", async () => {
    const text = [HEADER, row({ org: "Old Name" }), row({ org: "", at: "", host: "MAIL02" }), row({ build: "x", host: "MAIL03" })].join("\n");
    const overrides = { organization: "Harbor County", scannedAt: new Date("2021-03-11T09:30:00Z") };
    const recs = await parse(text, { overrides });
    expect(rowsOf(recs).map((r) => r && [r.organization, r.hostname, r.scannedAt.toISOString()])).toEqual([
      ["Harbor County", "MAIL01", "2021-03-11T09:30:00.000Z"],
      ["Harbor County", "MAIL02", "2021-03-11T09:30:00.000Z"],
      null,
    ]);
    expect(errorsOf(recs)).toEqual([{ line: 4, error: 'exchange_build "x" is not a build number such as 15.1.2176.9.' }]);
    // Overrides win over a mapping's fixed values too.
    const mapping = { columns: { hostname: "hostname", exchange_build: "exchange_build" }, fixed: { organization: "Fixed", scannedAt: NOW } };
    expect(rowsOf(await parse(text, { mapping, overrides }))[0]).toMatchObject({ organization: "Harbor County", scannedAt: overrides.scannedAt });
  });

  it("still requires the canonical header's organization column when an organization override is given", async () => {
    const err = await fileError("hostname,exchange_build,scanned_at\nMAIL01,15.1.2176.9,2021-03-09\n", { overrides: { organization: "Acme" } });
    expect(err).toMatchObject({ code: "no_header", details: { missing: ["organization"] } });
  });

  it.each([
    [";", "semicolons"],
    ["\t", "tabs"],
  ])("rejects a canonical file separated by %j, naming the header found and the delimiter it seems to use", async (sep, name) => {
    const err = await fileError(`${HEADER.replace(/,/g, sep)}\n${row().replace(/,/g, sep)}\n`);
    expect(err.code).toBe("no_header");
    expect(err.message).toContain(`Found: ${JSON.stringify(HEADER.replace(/,/g, sep))}`);
    expect(err.message).toMatch(new RegExp(`Columns must be separated by commas; this file seems to use ${name}\\.$`));
  });

  it("reads a canonical file with the delimiter given, and says so when the file uses another", async () => {
    const semicolons = `${HEADER.replace(/,/g, ";")}\n${row().replace(/,/g, ";")}\n`;
    expect(rowsOf(await parse(semicolons, { delimiter: ";" }))[0]).toMatchObject({ organization: "Acme Dental", hostname: "MAIL01" });
    const err = await fileError(`${HEADER}\n${row()}\n`, { delimiter: ";" });
    expect(err.message).toMatch(/Columns must be separated by semicolons; this file seems to use commas\.$/);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["organization,hostname,exchange_build", ","],
    ["Gerät;Kunde;Exchange-Version", ";"],
    ["Server Name\tBuild\tLast Check", "\t"],
    ["host|build|date", "|"],
    ['"Name; Inc",Host', ","], // the semicolon is inside quotes
    ['"Kunde, Standort";Gerät;Version', ";"],
    ["a,b;c", ","], // a tie goes to the comma
    ["hostname", ","],
    ["", ","],
    ["a;;;b,c,d", ","], // empty fields do not count
  ])("%j → %j", (line, expected) => {
    expect(detectDelimiter(line)).toBe(expected);
  });
});

describe("parseCanonicalCsv with a column mapping: long-form builds", () => {
  it("issue 8 item 7: accepts an inventory's long-form builds and yields them normalised", async () => {
    const text = "Server;Version\r\nEXCH01;15.01.2176.0009\r\nEXCH02;15.1.2176.09\r\nEXCH03;15.02.0792.010\r\n";
    const mapping = { columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "Acme", scannedAt: NOW } };
    const recs = await parse(text, { mapping });
    expect(errorsOf(recs)).toEqual([]);
    expect(rowsOf(recs).map((r) => r?.build)).toEqual(["15.1.2176.9", "15.1.2176.9", "15.2.792.10"]);
  });
});
