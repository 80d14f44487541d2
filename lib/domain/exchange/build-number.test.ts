import { describe, expect, it } from "vitest";
import { compareBuilds, mustParseBuild, normalizeBuild, parseBuild } from "./build-number";

function parsed(text: string) {
  const b = parseBuild(text);
  if (!b) throw new Error(`test build did not parse: ${text}`);
  return b;
}

describe("parseBuild", () => {
  it("parses a four-part build", () => {
    expect(parseBuild("15.1.2176.9")).toEqual({ major: 15, minor: 1, build: 2176, revision: 9, text: "15.1.2176.9" });
  });

  it("parses a three-part build with a null revision", () => {
    expect(parseBuild("15.1.2176")).toEqual({ major: 15, minor: 1, build: 2176, revision: null, text: "15.1.2176" });
  });

  it("trims whitespace and normalises the long format", () => {
    expect(parseBuild("  15.1.2176.9\n")?.text).toBe("15.1.2176.9");
    expect(parseBuild("15.01.2176.009")?.text).toBe("15.1.2176.9");
    expect(parseBuild("14.03.0513.000")).toMatchObject({ major: 14, minor: 3, build: 513, revision: 0 });
  });

  it("accepts the largest sane part and rejects anything above it", () => {
    expect(parseBuild("15.1.99999.99999")).not.toBeNull();
    expect(parseBuild("15.1.100000.1")).toBeNull();
    expect(parseBuild("15.1.2176.123456789012345678901234567890")).toBeNull();
  });

  it.each([
    "",
    "   ",
    "15",
    "15.1",
    "15.1.2176.9.1",
    "15.1..9",
    "15.1.2176.",
    ".15.1.2176",
    "15.1.2176.9a",
    "v15.1.2176.9",
    "15.1.2176.-9",
    "15.1.2176.+9",
    "15 .1.2176.9",
    "15.1.2176.9 CU19",
    "15,1,2176,9",
    "1e3.1.2176.9",
    "15.1.2176.９",
  ])("rejects %j", (text) => {
    expect(parseBuild(text)).toBeNull();
  });

  it("rejects non-strings passed from untyped data", () => {
    expect(parseBuild(15 as unknown as string)).toBeNull();
    expect(parseBuild(null as unknown as string)).toBeNull();
  });
});

describe("compareBuilds", () => {
  it("orders part by part, numerically", () => {
    expect(compareBuilds(parsed("15.1.2176.9"), parsed("15.1.2176.10"))).toBeLessThan(0);
    expect(compareBuilds(parsed("15.1.2176.9"), parsed("15.1.2176.9"))).toBe(0);
    expect(compareBuilds(parsed("15.2.221.18"), parsed("15.1.2507.6"))).toBeGreaterThan(0);
    expect(compareBuilds(parsed("15.1.2176"), parsed("15.1.2176.0"))).toBe(0);
  });
});

describe("normalizeBuild", () => {
  it("stores the short form of a build and keeps other text as written", () => {
    expect(normalizeBuild(" 15.01.2176.009 ")).toBe("15.1.2176.9");
    expect(normalizeBuild("CU19")).toBe("CU19");
    expect(normalizeBuild("  ")).toBeNull();
    expect(normalizeBuild(null)).toBeNull();
  });
});

describe("mustParseBuild", () => {
  it("throws on data that is not a four-part build", () => {
    expect(mustParseBuild("15.1.2176.9").text).toBe("15.1.2176.9");
    expect(() => mustParseBuild("15.1.2176")).toThrow(/Invalid build in the Exchange data/);
  });
});
