import { describe, expect, it } from "vitest";
import { parseToolDate } from "./test-proxylogon-text";

describe("parseToolDate", () => {
  it("reads ISO times, zoned or not (as UTC), and PowerShell's culture formats", () => {
    expect(parseToolDate("2021-03-02T23:10:41.245Z")).toEqual(new Date("2021-03-02T23:10:41.245Z"));
    expect(parseToolDate("2021-03-02T23:10:41+01:00")).toEqual(new Date("2021-03-02T22:10:41Z"));
    expect(parseToolDate("2021-03-02 23:10:41")).toEqual(new Date("2021-03-02T23:10:41Z"));
    expect(parseToolDate("3/4/2021 3:12:44 AM")).toEqual(new Date("2021-03-04T03:12:44Z"));
    expect(parseToolDate("3/4/2021 12:05:00 AM")).toEqual(new Date("2021-03-04T00:05:00Z"));
    expect(parseToolDate("3/4/2021 12:05:00 PM")).toEqual(new Date("2021-03-04T12:05:00Z"));
    expect(parseToolDate("25/03/2021 13:00")).toEqual(new Date("2021-03-25T13:00:00Z"));
    expect(parseToolDate("04.03.2021 13:05:00")).toEqual(new Date("2021-03-04T13:05:00Z"));
  });

  it("returns null for other text and for dates that do not exist", () => {
    for (const s of ["", "yesterday", "2/30/2021", "3/4/2021 13:00:00 PM", "3/4/2021 24:00", "2021-13-01"]) {
      expect(parseToolDate(s), s).toBeNull();
    }
  });
});
