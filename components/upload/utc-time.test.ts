import { describe, expect, it } from "vitest";
import { utcInputToIso } from "./utc-time";

describe("utcInputToIso", () => {
  it("reads a datetime-local value as UTC", () => {
    expect(utcInputToIso("2021-03-10T09:00")).toBe("2021-03-10T09:00:00Z");
    expect(utcInputToIso("2021-03-10T09:00:30")).toBe("2021-03-10T09:00:30Z");
    expect(utcInputToIso("2021-03-10T09:00:30.5")).toBe("2021-03-10T09:00:30.5Z");
  });

  it("gives nothing for an empty or malformed value", () => {
    expect(utcInputToIso("")).toBeUndefined();
    expect(utcInputToIso("2021-03-10")).toBeUndefined();
    expect(utcInputToIso("2021-13-45T99:00")).toBeUndefined();
  });
});
