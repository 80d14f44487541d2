import { Inline } from "./rich-text";
import { constraintsOf, fieldsOf, objectChoices, typeOf, type JsonSchema } from "./schema-parts";
import { MUTED } from "./styles";
import { TypeWords } from "./type-words";

// Inline objects are shown this deep; below that, their type in a line. Named schemas are links, never expanded.
const MAX_DEPTH = 4;

function About({ schema }: { schema: JsonSchema }) {
  const constraints = constraintsOf(schema);
  const description = typeof schema.description === "string" ? schema.description : null;
  if (!description && constraints.length === 0) return null;
  return (
    <p className={`text-sm ${MUTED}`}>
      {description ? <Inline text={description} /> : null}
      {description && constraints.length ? "; " : null}
      {constraints.join(", ")}
    </p>
  );
}

/** An object's fields: name, type, whether required, and what each is; inline objects within, indented. */
export function SchemaFields({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  if (properties.length === 0) return <p className={`text-sm ${MUTED}`}>An object (any fields).</p>;
  return (
    <dl className="divide-y divide-gray-100 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
      {properties.map(([name, property]) => {
        const nested = depth < MAX_DEPTH ? fieldsOf(property) : null;
        return (
          <div key={name} className="px-3 py-2">
            <dt className="text-sm">
              <code className="font-mono font-semibold text-gray-900 dark:text-gray-100">{name}</code>{" "}
              <span className="text-gray-700 dark:text-gray-300">
                <TypeWords part={typeOf(property)} />
              </span>
              {required.has(name) ? <span className="ml-2 text-xs font-medium text-amber-800 dark:text-amber-300">required</span> : null}
            </dt>
            <dd>
              <About schema={property} />
              {nested ? (
                <div className="mt-2 ml-2 sm:ml-4">
                  <SchemaFields schema={nested} depth={depth + 1} />
                </div>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A whole schema: its type in a line, what it is, and its fields when it is an inline object. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const choices = objectChoices(schema);
  const fields = choices.length ? null : fieldsOf(schema);
  return (
    <div className="space-y-2">
      <p className="text-sm text-gray-700 dark:text-gray-300">
        <TypeWords part={typeOf(schema)} />
      </p>
      <About schema={schema} />
      {fields ? <SchemaFields schema={fields} /> : null}
      {choices.map((choice, i) => (
        <div key={i}>
          <p className={`mb-1 text-sm ${MUTED}`}>
            Variant {i + 1} of {choices.length}:
          </p>
          <SchemaFields schema={choice} />
        </div>
      ))}
    </div>
  );
}
