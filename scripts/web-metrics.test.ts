import { describe, expect, it } from "vitest";
import { median, totalBlockingTime } from "./web-metrics";

describe("totalBlockingTime", () => {
  it("counts what each task takes over 50 ms, from the first contentful paint on", () => {
    const tasks = [
      { start: 0, duration: 300 }, // ends before the paint: not counted
      { start: 400, duration: 120 }, // straddles it: only the 100 ms after it count, so 50
      { start: 600, duration: 50 }, // not over 50 ms
      { start: 700, duration: 80 }, // 30
    ];
    expect(totalBlockingTime(tasks, 420)).toBe(80);
    expect(totalBlockingTime([], 100)).toBe(0);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
