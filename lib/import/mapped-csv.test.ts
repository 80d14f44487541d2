import { describe, expect, it } from "vitest";
import { CANONICAL_COLUMNS } from "./csv-header";
import { MAPPABLE_COLUMNS, columnMappingSchema, headerKey, mappingFits, mappingSpecSchema } from "./mapped-csv";

// The first issue's path and message, as the API's 400 answer shows them.
function problem(schema: typeof columnMappingSchema | typeof mappingSpecSchema, input: unknown): { path: string; message: string } {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const [issue] = result.error!.issues;
  return { path: issue.path.join("."), message: issue.message };
}

const RMM = {
  name: "ninja-rmm.de",
  columns: { hostname: " Gerät ", organization: "Kunde", exchange_build: "Exchange-Version", scanned_at: "Letzter Scan" },
};

describe("columnMappingSchema", () => {
  it("accepts a saved mapping, trimming header names", () => {
    expect(columnMappingSchema.parse(RMM)).toEqual({ ...RMM, columns: { ...RMM.columns, hostname: "Gerät" } });
  });

  it("reads fixed values: the scan date as a Date, a date alone as midnight UTC", () => {
    const parsed = columnMappingSchema.parse({
      name: "inventory",
      columns: { hostname: "Server", exchange_build: "Version" },
      fixed: { organization: " Birch & Sons, LLC ", scanned_at: "2021-03-10T09:00:00+01:00" },
    });
    expect(parsed.fixed).toEqual({ organization: "Birch & Sons, LLC", scanned_at: new Date("2021-03-10T08:00:00Z") });
    const dateOnly = mappingSpecSchema.parse({ columns: { hostname: "h", exchange_build: "b" }, fixed: { scanned_at: "2021-03-09" } });
    expect(dateOnly.fixed?.scanned_at).toEqual(new Date("2021-03-09T00:00:00Z"));
  });

  it.each([
    ["an upper-case name", { ...RMM, name: "Ninja" }, "name", /lower-case/],
    ["a name starting with a dash", { ...RMM, name: "-x" }, "name", /starting with a letter or digit/],
    ["a name of 65 characters", { ...RMM, name: "a".repeat(65) }, "name", /1 to 64/],
    ["no name", { columns: RMM.columns }, "name", /required/],
    ["an unknown column", { ...RMM, columns: { ...RMM.columns, os: "Betriebssystem" } }, "columns", /"os" is not a column of Patchboard's; the columns are organization, hostname, ip_address, exchange_build, scanned_at, indicators, mitigation/],
    ["no hostname", { ...RMM, columns: { exchange_build: "Build" } }, "columns.hostname", /required/],
    ["no exchange_build", { ...RMM, columns: { hostname: "Host" } }, "columns.exchange_build", /required/],
    ["a blank header name", { ...RMM, columns: { ...RMM.columns, ip_address: "  " } }, "columns.ip_address", /not be empty/],
    ["a header name over 200 characters", { ...RMM, columns: { ...RMM.columns, hostname: "h".repeat(201) } }, "columns.hostname", /at most 200/],
    ["a header name that is not text", { ...RMM, columns: { ...RMM.columns, hostname: 3 } }, "columns.hostname", /string/],
    ["no columns", { name: "x" }, "columns", /required/],
    ["a blank fixed organization", { ...RMM, fixed: { organization: " " } }, "fixed.organization", /not be empty/],
    ["a fixed organization over 200 characters", { ...RMM, fixed: { organization: "o".repeat(201) } }, "fixed.organization", /at most 200/],
    ["a fixed organization with a NUL", { ...RMM, fixed: { organization: "Ac\u0000me" } }, "fixed.organization", /control characters/],
    ["an unknown fixed value", { ...RMM, fixed: { hostname: "EX1" } }, "fixed", /organization and scanned_at only/],
    ["a US date", { ...RMM, fixed: { scanned_at: "03/09/2021" } }, "fixed.scanned_at", /ISO 8601 date \(2021-03-09\) or date-time with Z or an offset/],
    ["a date-time without a zone", { ...RMM, fixed: { scanned_at: "2021-03-10T09:00:00" } }, "fixed.scanned_at", /ISO 8601/],
    ["an impossible date", { ...RMM, fixed: { scanned_at: "2021-02-30" } }, "fixed.scanned_at", /ISO 8601/],
    ["a date before 2000", { ...RMM, fixed: { scanned_at: "1999-12-31T23:59:59Z" } }, "fixed.scanned_at", /before 2000/],
    ["an unknown top-level key", { ...RMM, delimiter: ";" }, "", /delimiter/],
  ])("rejects %s", (_name, input, path, message) => {
    expect(problem(columnMappingSchema, input)).toEqual({ path, message: expect.stringMatching(message) });
  });
});

describe("mappingSpecSchema", () => {
  it("is the mapping without a name", () => {
    const { name: _name, ...spec } = RMM;
    expect(mappingSpecSchema.parse(spec).columns.hostname).toBe("Gerät");
    expect(problem(mappingSpecSchema, RMM)).toEqual({ path: "", message: expect.stringMatching(/name/) });
  });

  it("covers every canonical column", () => {
    expect(MAPPABLE_COLUMNS).toEqual([...CANONICAL_COLUMNS]);
  });
});

describe("mappingFits and headerKey", () => {
  const header = ["Gerät", " Kunde ", "Exchange-Version", "Letzter Scan", "Notes"];

  it("fits when every mapped header name is in the header, trimmed and case-insensitive", () => {
    expect(mappingFits({ hostname: "GERÄT", organization: "kunde", exchange_build: " Exchange-Version" }, header)).toBe(true);
    expect(mappingFits({ hostname: "Gerät", exchange_build: "Build" }, header)).toBe(false);
    expect(mappingFits({}, header)).toBe(true);
  });

  it("keys a header by its trimmed, lower-cased names in order", () => {
    expect(headerKey(header)).toBe("gerät\u001fkunde\u001fexchange-version\u001fletzter scan\u001fnotes");
    expect(headerKey(["GERÄT ", "Kunde", "exchange-version", "Letzter Scan", "NOTES"])).toBe(headerKey(header));
    expect(headerKey(["Kunde", "Gerät", "Exchange-Version", "Letzter Scan", "Notes"])).not.toBe(headerKey(header));
    // A name holding a comma cannot run into the next one.
    expect(headerKey(["a,b"])).not.toBe(headerKey(["a", "b"]));
  });
});
