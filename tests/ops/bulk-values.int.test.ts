// The values of a bulk statement (rowsSource: PostgreSQL's unnest() of array literals, SQLite's VALUES) come back from
// the database exactly as sent, whatever a hostname or a note holds.
import { describe, expect, it } from "vitest";
import { withReadSession, type SqlScalar } from "@/lib/data/sql-session";
import { rowsSource } from "@/lib/data/sql-rows";

const AWKWARD = ["plain", "", "NULL", "null", 'say "hi"', "C:\\temp\\", "\\\"", "a,b", "{c}", " padded ", "tab\there", "line\nbreak", "é ü 日本", "'; DROP TABLE \"Server\"; --", "=1+2"];

describe("bulk statements' values", () => {
  it("come back as sent: text of any kind, numbers, times and nulls", async () => {
    const rows: SqlScalar[][] = AWKWARD.map((text, i) => [i, text, new Date(Date.UTC(2026, 2, 2, 10, 0, i, 456)), i % 3 === 0 ? null : `n${i}`]);
    const back = await withReadSession(async (s) => {
      const src = rowsSource(s, ["integer", "text", "timestamp(3)", "text"], rows);
      const found = await s.all<{ column1: number; column2: string; column3: string | Date; column4: string | null }>(`SELECT * FROM ${src.sql} ORDER BY 1`, src.params);
      return found.map((r) => [Number(r.column1), r.column2, new Date(r.column3).toISOString(), r.column4]);
    });
    expect(back).toEqual(rows.map(([i, text, at, note]) => [i, text, (at as Date).toISOString(), note]));
  });
});
