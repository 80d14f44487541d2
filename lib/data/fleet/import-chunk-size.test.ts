import { describe, expect, it } from "vitest";
import { importChunkSize } from "./status-recompute";

describe("importChunkSize", () => {
  it("holds about 5,000 of an import's new scans a chunk, between 100 and 1,000 servers", () => {
    // a daily file: one scan per server
    expect(importChunkSize(50_000, 50_000)).toBe(1000);
    // a first import of the bench's fleet: ten scans per server
    expect(importChunkSize(1_000_000, 100_000)).toBe(500);
    expect(importChunkSize(1_000_000, 1_000)).toBe(100);
    expect(importChunkSize(0, 10)).toBe(1000);
  });
});
