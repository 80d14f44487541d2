import { describe, expect, it } from "vitest";
import { readCsvPreview } from "./csv-preview";

const HEAD_BYTES = 64 * 1024;
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

const RMM_EXPORT = [
  "Gerät;Kunde;IP-Adresse;Exchange-Version;Letzter Scan",
  "EXCH01;Müller GmbH;192.168.10.5;15.1.2176.9;09.03.2021 10:15",
  'EXCH02;"Bäckerei Weiß; Filiale Süd";192.168.20.5;15.2.792.10;09.03.2021 11:00',
  "",
].join("\r\n");

describe("readCsvPreview", () => {
  it("reads a semicolon-separated windows-1252 export", () => {
    expect(readCsvPreview(Buffer.from(RMM_EXPORT, "latin1"))).toEqual({
      header: ["Gerät", "Kunde", "IP-Adresse", "Exchange-Version", "Letzter Scan"],
      delimiter: ";",
      rows: [
        ["EXCH01", "Müller GmbH", "192.168.10.5", "15.1.2176.9", "09.03.2021 10:15"],
        ["EXCH02", "Bäckerei Weiß; Filiale Süd", "192.168.20.5", "15.2.792.10", "09.03.2021 11:00"],
      ],
    });
  });

  it("reads UTF-16LE with a BOM, skipping PowerShell's #TYPE line and blank lines", () => {
    const text = '#TYPE System.Management.Automation.PSCustomObject\r\n\r\n"Name","Version"\r\n"EXCH-ZH01","15.1.2176.9"\r\n\r\n"EXCH-ZH02","15.1.2176.9"\r\n';
    expect(readCsvPreview(utf16le(text))).toEqual({ header: ["Name", "Version"], delimiter: ",", rows: [["EXCH-ZH01", "15.1.2176.9"], ["EXCH-ZH02", "15.1.2176.9"]] });
  });

  it("reads tab-separated files and keeps to maxRows", () => {
    const rows = Array.from({ length: 20 }, (_, i) => `mx${i}.example\t15.2.858.5`);
    const preview = readCsvPreview(Buffer.from(`Server Name\tBuild\n${rows.join("\n")}\n`), 3);
    expect(preview).toEqual({ header: ["Server Name", "Build"], delimiter: "\t", rows: [["mx0.example", "15.2.858.5"], ["mx1.example", "15.2.858.5"], ["mx2.example", "15.2.858.5"]] });
    expect(readCsvPreview(Buffer.from("a,b\n1,2\n"), 0)?.rows).toEqual([]);
  });

  it("drops the row the 64 KB head cuts, also inside quotes", () => {
    const body = Array.from({ length: 5000 }, (_, i) => `EX${i},"Note ${i}\nsecond line"`).join("\n");
    const bytes = Buffer.from(`Host,Note\n${body}\n`);
    const head = bytes.subarray(0, HEAD_BYTES);
    const preview = readCsvPreview(head, 10_000)!;
    const last = preview.rows.at(-1)!;
    expect(last[1]).toBe(`Note ${last[0].slice(2)}\nsecond line`);
    // cut inside an unquoted last field
    const cut = Buffer.from(`Host,Note\nEX1,one\nEX2,${"t".repeat(HEAD_BYTES)}`).subarray(0, HEAD_BYTES);
    expect(readCsvPreview(cut)?.rows).toEqual([["EX1", "one"]]);
    // a head shorter than 64 KB is the whole file: its last row has no line break, but is whole
    expect(readCsvPreview(Buffer.from("Host,Note\nEX1,one"))?.rows).toEqual([["EX1", "one"]]);
  });

  it("cuts long fields to 200 characters for display", () => {
    const preview = readCsvPreview(Buffer.from(`Host,Indicators\nEX1,${"C:\\inetpub\\x.aspx;".repeat(40)}\n`))!;
    expect(preview.rows[0][1]).toHaveLength(200);
    expect(preview.rows[0][1].endsWith("…")).toBe(true);
  });

  it("gives null for an empty file, blank lines, or a header longer than the head", () => {
    expect(readCsvPreview(Buffer.alloc(0))).toBeNull();
    expect(readCsvPreview(Buffer.from("\r\n  \r\n"))).toBeNull();
    expect(readCsvPreview(utf16le(""))).toBeNull();
    expect(readCsvPreview(Buffer.from("#TYPE System.Management.Automation.PSCustomObject\r\n"))).toBeNull();
    expect(readCsvPreview(Buffer.from(`${"h".repeat(HEAD_BYTES)},x\n`).subarray(0, HEAD_BYTES))).toBeNull();
  });

  it("shows a header without rows", () => {
    expect(readCsvPreview(Buffer.from("Server|Build|Date\r\n"))).toEqual({ header: ["Server", "Build", "Date"], delimiter: "|", rows: [] });
  });
});
