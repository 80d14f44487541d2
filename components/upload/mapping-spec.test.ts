import { describe, expect, it } from "vitest";
import { checkDraft, toMappingSpec, type MappingDraft } from "./mapping-spec";
import { CANONICAL_FIELDS } from "./unmapped-header";

const draft = (change: Partial<MappingDraft> = {}): MappingDraft => ({
  columns: { hostname: "Server", exchange_build: "Version" },
  fixedOrganization: "",
  fixedScanTime: "",
  saveAs: "",
  ...change,
});

describe("checkDraft", () => {
  it("wants the hostname and build columns", () => {
    expect(Object.keys(checkDraft(draft({ columns: {} }), CANONICAL_FIELDS, "Acme"))).toEqual(["hostname", "exchange_build"]);
  });

  it("takes the organization from a column, a fixed value or the Organization field", () => {
    expect(checkDraft(draft(), CANONICAL_FIELDS, "")).toHaveProperty("organization");
    expect(checkDraft(draft({ columns: { hostname: "S", exchange_build: "V", organization: "Client" } }), CANONICAL_FIELDS, "")).toEqual({});
    expect(checkDraft(draft({ fixedOrganization: " Acme " }), CANONICAL_FIELDS, "")).toEqual({});
    expect(checkDraft(draft(), CANONICAL_FIELDS, "Acme")).toEqual({});
  });

  it("checks the name to save under as the server does", () => {
    expect(checkDraft(draft({ saveAs: "rmm-inventory.v2_x" }), CANONICAL_FIELDS, "Acme")).toEqual({});
    expect(checkDraft(draft({ saveAs: "RMM" }), CANONICAL_FIELDS, "Acme")).toHaveProperty("saveAs");
    expect(checkDraft(draft({ saveAs: "-rmm" }), CANONICAL_FIELDS, "Acme")).toHaveProperty("saveAs");
    expect(checkDraft(draft({ saveAs: "a".repeat(65) }), CANONICAL_FIELDS, "Acme")).toHaveProperty("saveAs");
  });
});

describe("toMappingSpec", () => {
  it("keeps the chosen columns and the fixed values given", () => {
    const spec = toMappingSpec(draft({ columns: { hostname: "Server", exchange_build: "Version", ip_address: "" }, fixedOrganization: "Acme", fixedScanTime: "2021-03-10T09:00" }));
    expect(spec).toEqual({ columns: { hostname: "Server", exchange_build: "Version" }, fixed: { organization: "Acme", scanned_at: "2021-03-10T09:00:00Z" } });
    expect(toMappingSpec(draft()).fixed).toEqual({});
  });
});
