// How the API reference reads a JSON Schema of the API's description: what a schema is called in a line, which
// constraints it states, and which object (if any) to show field by field. Pure: no React, unit-tested.
import { plural } from "@/components/ui/format";
import { COMPONENT_PREFIX, type JsonSchema } from "@/lib/api/openapi/json-schema";

export type { JsonSchema };

/** A component's name from a `$ref`; null for anything else. */
export function refName(schema: JsonSchema): string | null {
  return typeof schema.$ref === "string" && schema.$ref.startsWith(COMPONENT_PREFIX) ? schema.$ref.slice(COMPONENT_PREFIX.length) : null;
}

/** The part of a schema a line can say: a reference, a choice, a literal, a list of values, an array, or plain types. */
export type TypePart =
  | { kind: "ref"; name: string }
  | { kind: "anyOf"; options: TypePart[] }
  | { kind: "const"; value: string }
  | { kind: "enum"; values: string[] }
  | { kind: "array"; items: TypePart }
  | { kind: "types"; names: string[] };

const json = (v: unknown) => JSON.stringify(v);

export function typeOf(schema: JsonSchema): TypePart {
  const ref = refName(schema);
  if (ref) return { kind: "ref", name: ref };
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (choices) return { kind: "anyOf", options: choices.map(typeOf) };
  if ("const" in schema) return { kind: "const", value: json(schema.const) };
  if (Array.isArray(schema.enum)) return { kind: "enum", values: schema.enum.map(json) };
  if (schema.type === "array") return { kind: "array", items: typeOf((schema.items as JsonSchema | undefined) ?? {}) };
  if (typeof schema.contentMediaType === "string") return { kind: "types", names: [`file (${schema.contentMediaType})`] };
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  const named = types.map((t) => (t === "string" && typeof schema.format === "string" ? `string (${schema.format})` : t));
  return { kind: "types", names: named.length ? named : ["any JSON value"] };
}

/** What a schema asks of a value besides its type, in a few words each. */
export function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  if (typeof schema.minimum === "number") out.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === "number") out.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === "number") out.push(`at least ${plural(schema.minLength, "character")}`);
  if (typeof schema.maxLength === "number") out.push(`at most ${plural(schema.maxLength, "character")}`);
  if (typeof schema.minItems === "number") out.push(`at least ${plural(schema.minItems, "item")}`);
  if (typeof schema.maxItems === "number") out.push(`at most ${plural(schema.maxItems, "item")}`);
  if (typeof schema.pattern === "string") out.push(`matches ${schema.pattern}`);
  if ("default" in schema) out.push(`default ${json(schema.default)}`);
  return out;
}

/** The object to show field by field: the schema itself, the items of an array, or an object among its choices. */
export function fieldsOf(schema: JsonSchema): JsonSchema | null {
  if (schema.properties && typeof schema.properties === "object") return schema;
  if (schema.type === "array" && schema.items) return fieldsOf(schema.items as JsonSchema);
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  const objects = (choices ?? []).map(fieldsOf).filter((s): s is JsonSchema => s !== null);
  return objects.length === 1 ? objects[0] : null;
}

/** The variants of a choice that are objects of their own, each to show field by field. */
export function objectChoices(schema: JsonSchema): JsonSchema[] {
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  const objects = (choices ?? []).filter((s) => s.properties);
  return objects.length > 1 ? objects : [];
}

/** An anchor id from a name: "Fleet" is fleet, "This description" is this-description. */
export const anchor = (prefix: string, name: string) => `${prefix}-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
