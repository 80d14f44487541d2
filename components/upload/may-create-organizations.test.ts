import { describe, expect, it } from "vitest";
import { mayCreateOrganizations } from "./may-create-organizations";

const KNOWN = ["Acme Dental", "Harbor County"];

describe("mayCreateOrganizations", () => {
  it("is false only when the organization given for the whole file exists, in any case and spacing", () => {
    expect(mayCreateOrganizations({ format: "auto", organization: "  acme DENTAL " }, KNOWN)).toBe(false);
    expect(mayCreateOrganizations({ format: "mapped-csv", mappingSpec: { columns: {}, fixed: { organization: "Harbor County" } } }, KNOWN)).toBe(false);
  });

  it("is true for a new name, and when the file names its own organizations", () => {
    expect(mayCreateOrganizations({ format: "auto", organization: "Acme Dental Group" }, KNOWN)).toBe(true);
    expect(mayCreateOrganizations({ format: "auto" }, KNOWN)).toBe(true);
    expect(mayCreateOrganizations({ format: "auto", organization: "   " }, KNOWN)).toBe(true);
    expect(mayCreateOrganizations({ format: "auto", mapping: "rmm" }, KNOWN)).toBe(true);
  });

  it("lets the organization field win over a mapping's fixed one, as the server does", () => {
    expect(mayCreateOrganizations({ format: "mapped-csv", organization: "New One", mappingSpec: { columns: {}, fixed: { organization: "Acme Dental" } } }, KNOWN)).toBe(true);
  });
});
