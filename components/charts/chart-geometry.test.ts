import { describe, expect, it } from "vitest";
import { bandPath, linePath, nearestIndex, niceTicks } from "./chart-geometry";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten, from 0 to at least the maximum", () => {
    expect(niceTicks(354)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(12_500)).toEqual([0, 5_000, 10_000, 15_000]);
  });

  it("counts whole servers: never a fractional step", () => {
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(1)).toEqual([0, 1]);
  });

  it("has an axis for an empty chart", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("linePath", () => {
  it("goes through every point", () => {
    const d = linePath([
      { x: 0, y: 10 },
      { x: 10, y: 0 },
      { x: 20, y: 5 },
    ]);
    expect(d.startsWith("M0,10C")).toBe(true);
    expect(d).toContain(",10,0C");
    expect(d.endsWith(",20,5")).toBe(true);
  });

  it("never overshoots a flat stretch (monotone)", () => {
    const d = linePath([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 20, y: 100 },
      { x: 30, y: 100 },
    ]);
    const ys = [...d.matchAll(/[C,]?(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(100);
  });

  it("is empty without points, a single move for one", () => {
    expect(linePath([])).toBe("");
    expect(linePath([{ x: 5, y: 5 }])).toBe("M5,5");
  });
});

describe("bandPath", () => {
  it("closes the top curve back along the bottom one", () => {
    const top = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ];
    const bottom = [
      { x: 0, y: 10 },
      { x: 10, y: 10 },
    ];
    expect(bandPath(top, bottom)).toBe("M0,0C3.33,0,6.67,0,10,0L10,10C6.67,10,3.33,10,0,10Z");
  });
});

describe("nearestIndex", () => {
  it("picks the nearest of evenly spaced points, within bounds", () => {
    expect(nearestIndex(0, 5)).toBe(0);
    expect(nearestIndex(0.49, 5)).toBe(2);
    expect(nearestIndex(1, 5)).toBe(4);
    expect(nearestIndex(-1, 5)).toBe(0);
    expect(nearestIndex(2, 5)).toBe(4);
    expect(nearestIndex(0.7, 1)).toBe(0);
  });
});
