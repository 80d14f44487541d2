import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration, formatRelative } from "./format";

const NOW = Date.parse("2026-12-01T12:00:00Z");

describe("formatRelative", () => {
  it.each([
    ["2026-12-01T11:59:40Z", "just now"],
    ["2026-12-01T11:55:00Z", "5 minutes ago"],
    ["2026-12-01T09:00:00Z", "3 hours ago"],
    ["2026-11-30T10:00:00Z", "yesterday"],
    ["2026-11-28T12:00:00Z", "3 days ago"],
    ["2026-11-10T12:00:00Z", "3 weeks ago"],
    ["2026-08-01T12:00:00Z", "4 months ago"],
    ["2023-01-31T20:00:00Z", "3 years ago"],
    ["2026-12-01T14:00:00Z", "in 2 hours"],
  ])("%s reads %s", (iso, words) => {
    expect(formatRelative(iso, NOW)).toBe(words);
  });
});

describe("formatDuration", () => {
  it.each([
    [3_600_000, "under a day"],
    [86_400_000, "1 day"],
    [17 * 86_400_000, "2 weeks"],
    [160 * 86_400_000, "5 months"],
    [1400 * 86_400_000, "3 years"],
  ])("%i ms is %s", (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });
});

describe("formatDateTime", () => {
  it("is one format, in UTC unless a zone is given", () => {
    expect(formatDateTime("2021-03-04T10:15:00Z")).toBe("Mar 4, 2021, 10:15 UTC");
    expect(formatDateTime("2021-03-04T10:15:00Z", "Europe/Berlin")).toBe("Mar 4, 2021, 11:15 GMT+1");
    expect(formatDateTime("2021-03-04T10:15:00Z", "America/New_York")).toBe("Mar 4, 2021, 05:15 EST");
  });
});
