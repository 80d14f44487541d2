// zod schemas as JSON Schema 2020-12 (OpenAPI 3.1's dialect), through zod's own z.toJSONSchema.
import { z } from "zod";

export type JsonSchema = { [keyword: string]: unknown };

export const COMPONENT_PREFIX = "#/components/schemas/";
const SAFE = Number.MAX_SAFE_INTEGER;

// zod writes out what goes without saying: the bounds of a safe integer on every integer, and beside a date or
// date-time format the regular expression behind it. Left out, the description reads as a person would write it.
function tidy({ jsonSchema: s }: { jsonSchema: JsonSchema }): void {
  if (s.minimum === -SAFE) delete s.minimum;
  if (s.maximum === SAFE) delete s.maximum;
  if ((s.format === "date" || s.format === "date-time") && typeof s.pattern === "string") delete s.pattern;
}

// A component is embedded in a larger document: the dialect and base URI are the document's.
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** What a client sends: the input side (before defaults and transforms), every schema inline. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  return embedded(z.toJSONSchema(schema, { io: "input", override: tidy }) as JsonSchema);
}

/**
 * What the API answers (the output side): `named` schemas as components, referred to by `$ref` wherever they
 * appear, and `inline` ones (an answer's own wrapper, such as `{"hunts": [...]}`) each as a schema of its own.
 */
export function outputSchemas(named: Record<string, z.ZodType>, inline: readonly z.ZodType[]): { components: Record<string, JsonSchema>; inline: Map<z.ZodType, JsonSchema> } {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) {
    if (registry.has(schema)) throw new Error(`Component ${id} is the same schema as ${registry.get(schema)?.id}.`);
    registry.add(schema, { id });
  }
  const wrappers = new Map<z.ZodType, string>();
  for (const schema of inline) {
    if (registry.has(schema)) continue;
    const id = `inline-${wrappers.size}`;
    wrappers.set(schema, id);
    registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, { io: "output", uri: (id) => COMPONENT_PREFIX + id, override: tidy });
  const components = Object.fromEntries(Object.keys(named).map((id) => [id, embedded(schemas[id] as JsonSchema)]));
  const wrapped = new Map<z.ZodType, JsonSchema>();
  for (const schema of inline) {
    const id = wrappers.get(schema) ?? registry.get(schema)!.id;
    wrapped.set(schema, wrappers.has(schema) ? embedded(schemas[id] as JsonSchema) : { $ref: COMPONENT_PREFIX + id });
  }
  const dangling = JSON.stringify([...Object.values(components), ...wrapped.values()]).match(/"#\/components\/schemas\/inline-\d+"/);
  if (dangling) throw new Error(`An answer schema is used inside another answer without being a component: ${dangling[0]}`);
  return { components, inline: wrapped };
}
