import { describe, expect, it } from "vitest";
import { pgArrayLiteral } from "./pg-array";

describe("pgArrayLiteral", () => {
  it("writes numbers bare and nulls as NULL", () => {
    expect(pgArrayLiteral([1, 22, null, -3, undefined])).toBe("{1,22,NULL,-3,NULL}");
    expect(pgArrayLiteral([])).toBe("{}");
  });

  it("quotes every text element and escapes quotes and backslashes", () => {
    expect(pgArrayLiteral(["a", "", "NULL", 'say "hi"', "C:\\temp", "a,b {c}"])).toBe('{"a","","NULL","say \\"hi\\"","C:\\\\temp","a,b {c}"}');
  });

  it("writes a time as UTC without its zone, as the timestamp columns hold it", () => {
    expect(pgArrayLiteral([new Date("2026-03-02T10:20:30.456Z")])).toBe("{2026-03-02T10:20:30.456}");
  });

  it("refuses bytes", () => {
    expect(() => pgArrayLiteral([new Uint8Array([1])])).toThrow(/bytes/);
  });
});
