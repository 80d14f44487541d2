import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayOf, daysBetween, startOfDay } from "./days";

describe("days", () => {
  it("dayOf and startOfDay agree with the Date methods they memoise, over any instant from 1900 to 9999", () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
    fc.assert(
      fc.property(instant, (ms) => {
        const day = new Date(ms).toISOString().slice(0, 10);
        expect(dayOf(new Date(ms))).toBe(day);
        expect(dayOf(new Date(ms))).toBe(day);
        expect(startOfDay(day)).toBe(Date.parse(`${day}T00:00:00.000Z`));
        expect(startOfDay(day)).toBeLessThanOrEqual(ms);
        expect(ms - startOfDay(day)).toBeLessThan(86_400_000);
      }),
      { numRuns: 2000 },
    );
  });

  it("an invalid date throws as toISOString does", () => {
    expect(() => dayOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("counts and adds whole days across months and years", () => {
    expect(daysBetween("2020-12-31", "2021-03-01")).toBe(60);
    expect(addDays("2021-02-28", 1)).toBe("2021-03-01");
    expect(addDays("2020-02-28", 1)).toBe("2020-02-29");
    expect(addDays("2021-01-01", -1)).toBe("2020-12-31");
  });
});
