import { describe, expect, it } from "vitest";
import { csvRows, parseToolDate, type CsvRow } from "./test-proxylogon-text";

async function* chars(text: string, size = 1): AsyncGenerator<Uint8Array> {
  const all = Buffer.from(text);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function rows(text: string, size = 1): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const row of csvRows(chars(text, size), 1000).rows) out.push(row);
  return out;
}

describe("csvRows", () => {
  it("takes the delimiter from the header row: commas unless it has none and semicolons or tabs", async () => {
    expect(await rows('"a","b;c"\n"1","2;3"\n')).toEqual([{ line: 1, fields: ["a", "b;c"] }, { line: 2, fields: ["1", "2;3"] }]);
    expect(await rows('"a";"b,c"\n"1";"2,3"\n')).toEqual([{ line: 1, fields: ["a", "b,c"] }, { line: 2, fields: ["1", "2,3"] }]);
    expect(await rows("a\tb\n1\t2,5\n", 3)).toEqual([{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["1", "2,5"] }]);
    expect(await rows("Path\nC:\\x;y\n")).toEqual([{ line: 1, fields: ["Path"] }, { line: 2, fields: ["C:\\x;y"] }]);
  });

  it("finds the header after blank lines and the #TYPE line, keeping line numbers", async () => {
    expect(await rows('\r\n#TYPE x, y\r\n"a";"b"\r\n\r\n"1";"2"')).toEqual([
      { line: 2, fields: ["#TYPE x, y"] },
      { line: 3, fields: ["a", "b"] },
      { line: 5, fields: ["1", "2"] },
    ]);
  });

  it("closes its source when the reader stops early", async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        yield Buffer.from("a;b\n1;2\n");
        yield Buffer.from("3;4\n");
      } finally {
        closed = true;
      }
    }
    const csv = csvRows(source(), 1000);
    expect(csv.lineOf()).toBe(1);
    for await (const row of csv.rows) if (row.line === 1) break;
    expect(closed).toBe(true);
  });
});

describe("parseToolDate", () => {
  it("reads ISO times, zoned or not (as UTC), and PowerShell's culture formats", () => {
    expect(parseToolDate("2021-03-02T23:10:41.245Z")).toEqual(new Date("2021-03-02T23:10:41.245Z"));
    expect(parseToolDate("2021-03-02T23:10:41+01:00")).toEqual(new Date("2021-03-02T22:10:41Z"));
    expect(parseToolDate("2021-03-02 23:10:41")).toEqual(new Date("2021-03-02T23:10:41Z"));
    expect(parseToolDate("3/4/2021 3:12:44 AM")).toEqual(new Date("2021-03-04T03:12:44Z"));
    expect(parseToolDate("3/4/2021 12:05:00 AM")).toEqual(new Date("2021-03-04T00:05:00Z"));
    expect(parseToolDate("3/4/2021 12:05:00 PM")).toEqual(new Date("2021-03-04T12:05:00Z"));
    expect(parseToolDate("25/03/2021 13:00")).toEqual(new Date("2021-03-25T13:00:00Z"));
    expect(parseToolDate("04.03.2021 13:05:00")).toEqual(new Date("2021-03-04T13:05:00Z"));
  });

  // Found by fuzzing: PostgreSQL stores no year 0 (a finding dated 0000 failed the import with a 500).
  it("returns null for a time before 2000 or after 9999", () => {
    for (const s of ["0000-03-03T00:00:00Z", "0000-03-03", "1/1/1601 12:00:00 AM", "3/3/0021", "12/31/1999 23:59:59"]) {
      expect(parseToolDate(s), s).toBeNull();
    }
    expect(parseToolDate("9999-12-31T23:59:59.999Z")).toEqual(new Date("9999-12-31T23:59:59.999Z"));
    expect(parseToolDate("1/1/2000 12:00:00 AM")).toEqual(new Date("2000-01-01T00:00:00Z"));
  });

  it("returns null for other text and for dates that do not exist", () => {
    for (const s of ["", "yesterday", "2/30/2021", "3/4/2021 13:00:00 PM", "3/4/2021 24:00", "2021-13-01"]) {
      expect(parseToolDate(s), s).toBeNull();
    }
  });
});
