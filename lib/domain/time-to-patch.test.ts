import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exposureOf, nearestRank, patchCurve, patchTimeFigures, percentileRank } from "./time-to-patch";

describe("exposureOf", () => {
  it("runs from the first span to the start of the current patched run", () => {
    expect(
      exposureOf([
        { status: "unpatched", fromDay: "2021-03-02", toDay: "2021-03-09" },
        { status: "patched", fromDay: "2021-03-09", toDay: null },
      ]),
    ).toEqual({ from: "2021-03-02", patchedOn: "2021-03-09", patchDays: 7 });
  });
  it("is open while the server is not patched, and after a rolled-back update", () => {
    expect(
      exposureOf([
        { status: "unpatched", fromDay: "2021-03-02", toDay: "2021-03-09" },
        { status: "patched", fromDay: "2021-03-09", toDay: "2021-04-01" },
        { status: "unpatched", fromDay: "2021-04-01", toDay: null },
      ]),
    ).toEqual({ from: "2021-03-02", patchedOn: null, patchDays: null });
  });
  it("is zero days for a server patched at its first scan, and none without spans", () => {
    expect(exposureOf([{ status: "patched", fromDay: "2021-05-01", toDay: null }])).toEqual({ from: "2021-05-01", patchedOn: "2021-05-01", patchDays: 0 });
    expect(exposureOf([])).toBeNull();
  });
});

// The brute force: for each value v, the share of values at or below it; the percentile is the smallest v whose share reaches p.
function bruteForcePercentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const candidates = [...new Set(values)].sort((a, b) => a - b);
  return candidates.find((v) => values.filter((x) => x <= v).length / values.length >= p - 1e-12) ?? null;
}

describe("percentiles", () => {
  it("nearest rank equals the brute-force definition for any values and p", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 60 }), fc.integer({ min: 1, max: 100 }), (values, pc) => {
        const p = pc / 100;
        const sorted = [...values].sort((a, b) => a - b);
        expect(nearestRank(sorted, p)).toBe(bruteForcePercentile(values, p));
        if (values.length) expect(sorted[percentileRank(values.length, p) - 1]).toBe(nearestRank(sorted, p));
      }),
    );
  });
  it("the figures count each server once, by its own target", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ patchDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }), openDays: fc.integer({ min: 0, max: 90 }), targetDays: fc.integer({ min: 1, max: 30 }) })),
        (servers) => {
          const rows = servers.map((s) => ({ ...s, openDays: s.patchDays === null ? s.openDays : null }));
          const f = patchTimeFigures(rows);
          expect(f.patched + rows.filter((s) => s.patchDays === null).length).toBe(f.exposed);
          expect(f.withinTarget + f.patchedLate).toBe(f.patched);
          const patched = rows.flatMap((s) => (s.patchDays === null ? [] : [s.patchDays]));
          expect(f.median).toBe(bruteForcePercentile(patched, 0.5));
          expect(f.p90).toBe(bruteForcePercentile(patched, 0.9));
        },
      ),
    );
  });
  it("gives 4 as the median of 1..8 and 9 as the 90th percentile of 1..10", () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8], 0.5)).toBe(4);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});

describe("patchCurve", () => {
  it("is the running share patched by each day", () => {
    expect(patchCurve(new Map([[0, 1], [2, 2]]), 4, 3)).toEqual([
      { day: 0, share: 0.25 },
      { day: 1, share: 0.25 },
      { day: 2, share: 0.75 },
      { day: 3, share: 0.75 },
    ]);
    expect(patchCurve(new Map(), 0, 3)).toEqual([]);
  });
});
