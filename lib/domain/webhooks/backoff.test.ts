import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAt, retryDelayMs } from "./backoff";

describe("retry backoff", () => {
  it("doubles from 30 seconds up to six hours, with up to a fifth less at random", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, () => 0)).toBe(6 * 3600_000);
    expect(retryDelayMs(1, () => 1)).toBe(24_000);
    for (let i = 0; i < 50; i++) {
      const d = retryDelayMs(3);
      expect(d).toBeGreaterThanOrEqual(96_000);
      expect(d).toBeLessThanOrEqual(120_000);
    }
  });

  it("gives up after the last attempt", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    expect(nextAttemptAt(1, now, () => 0)).toEqual(new Date("2026-12-02T00:00:30Z"));
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });
});
