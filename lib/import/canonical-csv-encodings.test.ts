import { describe, expect, it } from "vitest";
import { parseCanonicalCsv } from "./canonical-csv";
import type { ParsedRecord } from "./canonical-row";
import { HEADER, NOW, chunks, errorsOf, parseText, row, rowsOf } from "./canonical-csv-test-support";

const HEAD_BYTES = 64 * 1024;

async function parseParts(parts: Array<Buffer | string>): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  for await (const rec of parseCanonicalCsv(chunks(...parts), { now: NOW })) out.push(rec);
  return out;
}

const pieces = (data: Buffer, size: number) =>
  Array.from({ length: Math.ceil(data.length / size) }, (_, i) => data.subarray(i * size, (i + 1) * size));

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);

// windows-1252: Latin-1 plus, in 0x80-0x9F, the euro sign and typographic punctuation.
const CP1252_EXTRA: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96 };
function cp1252(text: string): Buffer {
  return Buffer.from(Array.from(text, (c) => CP1252_EXTRA[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

// Windows PowerShell 5.1: Export-Csv -Encoding Unicode writes a #TYPE line, quotes every field and ends lines with CRLF.
const POWERSHELL_EXPORT = [
  "#TYPE System.Management.Automation.PSCustomObject",
  '"Organization","Hostname","IP_Address","Exchange_Build","Scanned_At","Indicators","Mitigation"',
  '"Zürich Versicherung AG","EXCH-ZH01","10.20.0.5","15.1.2176.9","2021-03-09T16:20:00+01:00","",""',
  '"Société Générale Ré","EXCH-PA02","10.30.0.7","15.2.792.10","2021-03-10T08:00:00Z","C:\\inetpub\\wwwroot\\aspnet_client\\discover.aspx","EOMT"',
  '"東京 Trading","EXCH-TK01","","15.0.1497.12","2021-03-11","",""',
  "",
].join("\r\n");

describe("parseCanonicalCsv: encodings", () => {
  it("reads UTF-16LE with a BOM (Export-Csv -Encoding Unicode), skipping the #TYPE line, cut at every byte", async () => {
    const utf8 = await parseText(POWERSHELL_EXPORT);
    expect(errorsOf(utf8)).toEqual([]);
    expect(utf8.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(rowsOf(utf8).map((r) => r?.organization)).toEqual(["Zürich Versicherung AG", "Société Générale Ré", "東京 Trading"]);
    const bytes = utf16le(POWERSHELL_EXPORT);
    expect(await parseParts([bytes])).toEqual(utf8);
    expect(await parseParts(pieces(bytes, 1))).toEqual(utf8);
    expect(await parseParts(pieces(bytes, 7))).toEqual(utf8);
  });

  it("reads UTF-16BE with a BOM", async () => {
    expect(await parseParts(pieces(utf16be(POWERSHELL_EXPORT), 3))).toEqual(await parseText(POWERSHELL_EXPORT));
  });

  it("reads UTF-16 larger than the head, with line numbers through multi-line quoted fields", async () => {
    const body = Array.from({ length: 3000 }, (_, i) => row({ org: i === 1500 ? '"Ölwerke\r\nNord"' : "Bäckerei Groß", host: `EX${i}` }));
    const text = `${HEADER}\r\n${body.join("\r\n")}\r\n${row({ org: "Überlingen", build: "bad" })}\r\n`;
    const recs = await parseParts(pieces(utf16le(text), 4093));
    expect(recs).toHaveLength(3001);
    expect(rowsOf(recs)[1500]?.organization).toBe("Ölwerke\r\nNord");
    expect(errorsOf(recs)).toEqual([{ line: 3003, error: expect.stringMatching(/^exchange_build "bad"/) }]);
  });

  it("reads windows-1252, with the euro sign and typographic quotes of 0x80-0x9F, in small chunks", async () => {
    const text = `${HEADER}\r\n${row({ org: "Müller “Süd” GmbH – Zweigstelle €" })}\r\n${row({ org: "Crème Brûlée S.à r.l.", host: "MAIL02" })}\r\n`;
    const bytes = cp1252(text);
    for (const parts of [[bytes], pieces(bytes, 5)]) {
      const recs = await parseParts(parts);
      expect(errorsOf(recs)).toEqual([]);
      expect(rowsOf(recs).map((r) => r?.organization)).toEqual(["Müller “Süd” GmbH – Zweigstelle €", "Crème Brûlée S.à r.l."]);
    }
  });

  it("decides windows-1252 from a head of many chunks, and reads every row of a larger file that way", async () => {
    const body = Array.from({ length: 3000 }, (_, i) => row({ org: i % 2 ? "Ørsted Façades" : "Acme", host: `EX${i}` }));
    const bytes = cp1252(`${HEADER}\n${body.join("\n")}\n`);
    expect(bytes.length).toBeGreaterThan(2 * HEAD_BYTES);
    const recs = await parseParts(pieces(bytes, 1000));
    expect(recs.map((r) => r.line)).toEqual(body.map((_, i) => i + 2));
    expect(rowsOf(recs).filter((r) => r?.organization === "Ørsted Façades")).toHaveLength(1500);
  });

  it("stays UTF-8 when a character is cut where the head ends, however the chunks fall", async () => {
    // "é" (C3 A9) starts at the last byte of the first 64 KB.
    const filler = `${HEADER}\n${row({ host: "FILL", ind: "x".repeat(HEAD_BYTES - 300) })}\n`;
    const org = `${"y".repeat(HEAD_BYTES - 1 - Buffer.byteLength(filler))}é`;
    expect(org.length).toBeLessThan(200);
    const text = `${filler}${row({ host: "EDGE", org })}\n${row({ org: "Café" })}\n`;
    const bytes = Buffer.from(text);
    expect(bytes[HEAD_BYTES - 1]).toBe(0xc3);
    for (const parts of [[bytes], pieces(bytes, HEAD_BYTES), pieces(bytes, HEAD_BYTES - 1), pieces(bytes, 10_000)]) {
      const rows = rowsOf(await parseParts(parts));
      expect(rows.map((r) => r?.organization.slice(-4))).toEqual(["ntal", "yyyé", "Café"]);
    }
  });

  it("decides from the first 64 KB only: a stray Latin-1 byte later in a UTF-8 file becomes U+FFFD", async () => {
    const body = Array.from({ length: 1500 }, (_, i) => row({ org: "Zoë Ltd", host: `EX${i}` }));
    const text = Buffer.concat([Buffer.from(`${HEADER}\n${body.join("\n")}\n`), cp1252(`${row({ org: "Zoë Ltd" })}\n`)]);
    const rows = rowsOf(await parseText(text));
    expect(rows[0]?.organization).toBe("Zoë Ltd");
    expect(rows.at(-1)?.organization).toBe("Zo\ufffd Ltd");
  });

  it("trusts a UTF-8 byte order mark over bytes that are not UTF-8", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\n`), cp1252(row({ org: "Zoë Ltd" }))]);
    expect(rowsOf(await parseText(bytes))[0]?.organization).toBe("Zo\ufffd Ltd");
  });

  it("reads Uint8Array chunks that are not Buffers (the importer's peeked upload stream)", async () => {
    const bytes = cp1252(`${HEADER}\n${row({ org: "Ærø Øl" })}\n`);
    const plain = Array.from(pieces(bytes, 10), (b) => new Uint8Array(b));
    expect(rowsOf(await parseParts(plain as Buffer[]))).toEqual(rowsOf(await parseParts([bytes])));
    expect(rowsOf(await parseParts([bytes]))[0]?.organization).toBe("Ærø Øl");
    // UTF-8 past the head goes to csv-parse as it comes.
    const big = Buffer.from(`${HEADER}\n${Array.from({ length: 3000 }, (_, i) => row({ org: "Ærø Øl", host: `EX${i}` })).join("\n")}\n`);
    const recs = await parseParts(Array.from(pieces(big, 4096), (b) => new Uint8Array(b)) as Buffer[]);
    expect(recs).toHaveLength(3000);
    expect(rowsOf(recs).every((r) => r?.organization === "Ærø Øl")).toBe(true);
  });

  it("skips Windows PowerShell's #TYPE line in a UTF-8 file too, keeping line numbers", async () => {
    const recs = await parseText(`#TYPE System.Management.Automation.PSCustomObject\n${HEADER}\n${row()}\n${row({ host: "" })}\n`);
    expect(recs.map((r) => r.line)).toEqual([3, 4]);
    expect(errorsOf(recs)).toEqual([{ line: 4, error: "hostname is missing." }]);
  });
});
