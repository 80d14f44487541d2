import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ExportColumn } from "./cells";
import { csvStream } from "./csv";
import { xlsxStream } from "./xlsx";

type Row = { name: string; count: number | null };
const columns: ExportColumn<Row>[] = [
  { header: "Name", value: (r) => r.name },
  { header: "Count", value: (r) => r.count },
];
async function* pagesOf(...pages: Row[][]) {
  yield* pages;
}
const HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1", "-1+2", "@SUM(A1)", "\tx", "\r=1"];

describe("csvStream", () => {
  it("writes a BOM, a header and neutralised text cells, with CRLF and quoting", async () => {
    const text = (await buffer(csvStream(columns, pagesOf([{ name: "Zürich, \"HQ\"", count: 3 }], HOSTILE.map((name) => ({ name, count: null })))))).toString("utf8");
    expect(text.startsWith("\uFEFFName,Count\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[1]).toBe('"Zürich, ""HQ""",3');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(lines[3]).toBe("'+1,");
    expect(lines[5]).toBe("'@SUM(A1),");
  });
  it("ends with the error when reading fails", async () => {
    async function* failing(): AsyncGenerator<Row[]> {
      yield [{ name: "a", count: 1 }];
      throw new Error("database gone");
    }
    await expect(buffer(csvStream(columns, failing()))).rejects.toThrow("database gone");
  });
});

describe("xlsxStream", () => {
  it("writes one sheet with numbers as numbers and text neutralised", async () => {
    const data = await buffer(xlsxStream(columns, pagesOf([{ name: "EX01", count: 5 }], HOSTILE.map((name) => ({ name, count: 1 }))), "Servers"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from([data]));
    const sheet = workbook.getWorksheet("Servers")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Name", "Count"]);
    expect(sheet.getRow(2).getCell(2).value).toBe(5);
    const names = HOSTILE.map((_, i) => sheet.getRow(3 + i).getCell(1).value);
    // An XML reader turns a raw carriage return into a line feed; the quote before it is what matters.
    expect(names).toEqual(HOSTILE.map((h) => `'${h.replace(/\r/g, "\n")}`));
    expect(sheet.rowCount).toBe(2 + HOSTILE.length);
  });
});

describe("a reader that goes away", () => {
  for (const format of ["csv", "xlsx"] as const) {
    it(`stops reading the pages (${format})`, async () => {
      let served = 0;
      let finished = false;
      async function* endless(): AsyncGenerator<Row[]> {
        try {
          for (;;) {
            served++;
            yield Array.from({ length: 500 }, (_, i) => ({ name: `server-${served}-${i}`, count: i }));
          }
        } finally {
          finished = true;
        }
      }
      const stream = format === "csv" ? csvStream(columns, endless()) : xlsxStream(columns, endless(), "Servers");
      const chunks = stream[Symbol.asyncIterator]();
      await chunks.next();
      await chunks.return?.();
      stream.destroy();
      await new Promise((r) => setTimeout(r, 200));
      expect(finished).toBe(true);
      expect(served).toBeLessThan(1000);
    });
  }
});
