import { describe, expect, it } from "vitest";
import type { TrendDay } from "@/lib/views";
import { axisTicks, shownMarkers, spanDays } from "./trend-data";

function days(from: string, count: number): TrendDay[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    patched: i,
    unpatched: 1,
    mitigated: 0,
    compromised: 0,
    unknown: 0,
  }));
}

describe("axisTicks", () => {
  it("labels a long range at month starts, whole steps from January, at most six", () => {
    const data = days("2021-03-03", 700); // to 2023-01-31
    expect(spanDays(data)).toBe(699);
    const ticks = axisTicks(data);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.every((d) => d.endsWith("-01"))).toBe(true);
    expect(ticks).toEqual(["2021-07-01", "2022-01-01", "2022-07-01", "2023-01-01"]);
  });

  it("labels every day of a short range, or every n-th day", () => {
    expect(axisTicks(days("2021-03-01", 5))).toEqual(["2021-03-01", "2021-03-02", "2021-03-03", "2021-03-04", "2021-03-05"]);
    const ticks = axisTicks(days("2021-03-01", 60));
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBe("2021-03-01");
    expect(ticks[1]).toBe("2021-03-15");
  });

  it("is empty without data", () => {
    expect(axisTicks([])).toEqual([]);
  });
});

describe("shownMarkers", () => {
  it("keeps the markers inside the covered days", () => {
    const data = days("2021-03-01", 10);
    const markers = [
      { date: "2021-02-28", label: "before" },
      { date: "2021-03-05", label: "inside" },
      { date: "2021-03-11", label: "after" },
    ];
    expect(shownMarkers(data, markers).map((m) => m.label)).toEqual(["inside"]);
  });
});
