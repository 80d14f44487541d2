import { describe, expect, it } from "vitest";
import { anchor, constraintsOf, fieldsOf, objectChoices, refName, typeOf } from "./schema-parts";

describe("how the API reference reads a schema", () => {
  it("names a schema's type in a line: references, choices, literals, values, arrays, formats, files", () => {
    expect(typeOf({ $ref: "#/components/schemas/ServerListRow" })).toEqual({ kind: "ref", name: "ServerListRow" });
    expect(typeOf({ type: ["string", "null"], format: "date-time" })).toEqual({ kind: "types", names: ["string (date-time)", "null"] });
    expect(typeOf({ anyOf: [{ $ref: "#/components/schemas/Status" }, { type: "null" }] })).toEqual({
      kind: "anyOf",
      options: [{ kind: "ref", name: "Status" }, { kind: "types", names: ["null"] }],
    });
    expect(typeOf({ type: "boolean", const: true })).toEqual({ kind: "const", value: "true" });
    expect(typeOf({ type: "string", enum: ["csv", "xlsx"] })).toEqual({ kind: "enum", values: ['"csv"', '"xlsx"'] });
    expect(typeOf({ type: "array", items: { type: "integer" } })).toEqual({ kind: "array", items: { kind: "types", names: ["integer"] } });
    expect(typeOf({ type: "string", contentMediaType: "application/octet-stream" })).toEqual({ kind: "types", names: ["file (application/octet-stream)"] });
    expect(typeOf({})).toEqual({ kind: "types", names: ["any JSON value"] });
    expect(refName({ $ref: "https://elsewhere.example/x" })).toBeNull();
  });

  it("states a schema's constraints in words", () => {
    expect(constraintsOf({ type: "integer", minimum: 1, maximum: 200, default: 25 })).toEqual(["≥ 1", "≤ 200", "default 25"]);
    expect(constraintsOf({ type: "string", minLength: 2, maxLength: 80, pattern: "^a$" })).toEqual(["at least 2 characters", "at most 80 characters", "matches ^a$"]);
    expect(constraintsOf({ type: "array", minItems: 1, maxItems: 20 })).toEqual(["at least 1 item", "at most 20 items"]);
    expect(constraintsOf({ type: "string", maxLength: 65536 })).toEqual(["at most 65,536 characters"]);
  });

  it("finds the object to show field by field: the schema, an array's items, the one object among choices", () => {
    const object = { type: "object", properties: { a: { type: "string" } } };
    expect(fieldsOf(object)).toBe(object);
    expect(fieldsOf({ type: "array", items: object })).toBe(object);
    expect(fieldsOf({ anyOf: [object, { type: "null" }] })).toBe(object);
    expect(fieldsOf({ $ref: "#/components/schemas/X" })).toBeNull();
    const other = { type: "object", properties: { b: { type: "string" } } };
    expect(fieldsOf({ anyOf: [object, other] })).toBeNull();
    expect(objectChoices({ anyOf: [object, other] })).toEqual([object, other]);
    expect(objectChoices({ anyOf: [object, { type: "null" }] })).toEqual([]);
  });

  it("makes anchors of names", () => {
    expect(anchor("tag", "This description")).toBe("tag-this-description");
    expect(anchor("op", "listServers")).toBe("op-listservers");
  });
});
