import type { OpenApiMediaType, OpenApiOperation, OpenApiResponse } from "@/lib/api/openapi/document";
import type { Method } from "@/lib/api/openapi/operation";
import { LINK } from "@/components/ui/link-styles";
import { MethodBadge, StatusBadge } from "./badges";
import { Inline, RichText } from "./rich-text";
import { anchor, constraintsOf, typeOf } from "./schema-parts";
import { SchemaView } from "./schema-view";
import { CODE, MUTED, SUBHEADING } from "./styles";
import { TypeWords } from "./type-words";

export const operationAnchor = (op: OpenApiOperation) => anchor("op", op.operationId);

function Parameters({ op }: { op: OpenApiOperation }) {
  return (
    <dl className="divide-y divide-gray-100 rounded-lg border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
      {op.parameters.map((p) => {
        const constraints = constraintsOf(p.schema);
        return (
          <div key={`${p.in}-${p.name}`} className="px-3 py-2">
            <dt className="text-sm">
              <code className="font-mono font-semibold text-gray-900 dark:text-gray-100">{p.name}</code>{" "}
              <span className="text-gray-700 dark:text-gray-300">
                <TypeWords part={typeOf(p.schema)} />, in the {p.in}
              </span>
              {p.required ? <span className="ml-2 text-xs font-medium text-amber-800 dark:text-amber-300">required</span> : null}
            </dt>
            <dd className={`text-sm ${MUTED}`}>
              {p.description ? <Inline text={p.description} /> : null}
              {p.description && constraints.length ? "; " : null}
              {constraints.join(", ")}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** What a body or an answer holds, by media type: the schema of JSON, what a file is. */
function Content({ content }: { content: Record<string, OpenApiMediaType> }) {
  return (
    <ul className="mt-2 space-y-3">
      {Object.entries(content).map(([type, media]) => (
        <li key={type}>
          <p className="text-sm">
            <code className={CODE}>{type}</code>
            {type === "application/x-ndjson" ? <span className={MUTED}> (one JSON value a line, each of this schema)</span> : null}
            {!media.schema ? <span className={MUTED}> (the file&apos;s bytes)</span> : null}
          </p>
          {media.schema ? (
            <div className="mt-1 ml-2 sm:ml-4">
              <SchemaView schema={media.schema} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Success({ status, response }: { status: string; response: OpenApiResponse }) {
  return (
    <div className="mt-3">
      <p className="text-sm">
        <StatusBadge status={status} /> <Inline text={response.description} />
      </p>
      {response.headers ? (
        <p className={`mt-1 text-sm ${MUTED}`}>
          Headers:{" "}
          {Object.entries(response.headers).map(([name, h], i) => (
            <span key={name}>
              {i > 0 ? "; " : null}
              <code className={CODE}>{name}</code> {h.description}
            </span>
          ))}
        </p>
      ) : null}
      {response.content ? <Content content={response.content} /> : null}
    </div>
  );
}

/** One operation: what it does, who may call it, its parameters, body, answers and errors. */
export function OperationView({ method, path, op }: { method: Method; path: string; op: OpenApiOperation }) {
  const id = operationAnchor(op);
  const statuses = Object.entries(op.responses);
  const successes = statuses.filter(([s]) => s.startsWith("2"));
  const errors = statuses.filter(([s]) => !s.startsWith("2"));
  return (
    <article id={id} aria-labelledby={`${id}-title`} className="scroll-mt-6 rounded-xl border border-gray-200 bg-white p-4 shadow-sm sm:p-6 dark:border-gray-800 dark:bg-gray-900">
      <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-base font-semibold">
        <MethodBadge method={method} />
        <code className="font-mono text-sm break-all">/api/v1{path}</code>
        <span className="text-gray-700 dark:text-gray-300">{op.summary}</span>
      </h3>
      <RichText text={op.description} className="text-gray-700 dark:text-gray-300" />

      {op.parameters.length ? (
        <>
          <h4 className={SUBHEADING}>Parameters</h4>
          <Parameters op={op} />
        </>
      ) : null}

      {op.requestBody ? (
        <>
          <h4 className={SUBHEADING}>Body</h4>
          <p className="text-sm text-gray-700 dark:text-gray-300">
            <Inline text={op.requestBody.description} />
          </p>
          <Content content={op.requestBody.content} />
        </>
      ) : null}

      <h4 className={SUBHEADING}>Answers</h4>
      {successes.map(([status, response]) => (
        <Success key={status} status={status} response={response} />
      ))}

      <h4 className={SUBHEADING}>Errors</h4>
      <p className={`text-sm ${MUTED}`}>
        Each in the shared{" "}
        <a href={`#${anchor("schema", "Error")}`} className={LINK}>
          Error
        </a>{" "}
        shape; the code comes first.
      </p>
      <dl className="mt-2 space-y-1.5">
        {errors.map(([status, response]) => (
          <div key={status} className="flex gap-2 text-sm">
            <dt className="shrink-0">
              <StatusBadge status={status} />
            </dt>
            <dd className="text-gray-700 dark:text-gray-300">
              <Inline text={response.description} />
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
