import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeFormula, neutralise } from "./neutralise";

describe("neutralise", () => {
  it("prefixes a quote to every cell a spreadsheet would read as a formula", () => {
    for (const cell of ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) expect(neutralise(cell)).toBe(`'${cell}`);
  });
  it("leaves ordinary text alone", () => {
    for (const cell of ["", "EX01", "Alpha Clinic", "192.0.2.1", "15.1.2176.9", "a=b", "Zürich 1+1", "'quoted"]) expect(neutralise(cell)).toBe(cell);
  });
  it("never leaves a formula start, keeps the text after the prefix, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = neutralise(text);
        expect(looksLikeFormula(safe)).toBe(false);
        expect(safe.endsWith(text)).toBe(true);
        expect(safe.length - text.length).toBeLessThanOrEqual(1);
        expect(neutralise(safe)).toBe(safe);
      }),
    );
  });
  it("changes exactly the texts that start with = + - @ tab or carriage return", () => {
    fc.assert(
      fc.property(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "a", "1", " ", "'"), fc.string(), (first, rest) => {
        const changed = neutralise(first + rest) !== first + rest;
        expect(changed).toBe("=+-@\t\r".includes(first));
      }),
    );
  });
});
