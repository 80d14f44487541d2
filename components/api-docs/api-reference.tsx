import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import type { OpenApiDocument } from "@/lib/api/openapi/document";
import { ContentsNav } from "./contents-nav";
import { OperationView } from "./operation-view";
import { Inline, RichText } from "./rich-text";
import { anchor } from "./schema-parts";
import { SchemaView } from "./schema-view";
import { MUTED } from "./styles";
import { operationsByTag } from "./tag-operations";

const EXAMPLE = `export PATCHBOARD_URL=https://patchboard.example   # this Patchboard's address
curl -H "Authorization: Bearer $TOKEN" "$PATCHBOARD_URL/api/v1/summary?campaign=proxylogon"
curl -o patchboard-openapi.json "$PATCHBOARD_URL/api/v1/openapi.json"`;

/** The API's description as a page: how to call it, every operation by tag, and the schemas its answers use. */
export function ApiReference({ doc }: { doc: OpenApiDocument }) {
  const groups = operationsByTag(doc);
  return (
    <>
      <PageHeader
        eyebrow={`OpenAPI ${doc.openapi}`}
        title="API reference"
        description={<RichText text={doc.info.description} />}
        actions={
          <ButtonLink href="/api/v1/openapi.json" variant="secondary" download>
            OpenAPI document
          </ButtonLink>
        }
      />

      <Section id="start" title="Calling the API" description="Every path below is under /api/v1. The document itself needs no token.">
        <dl className="space-y-3 text-sm">
          {Object.entries(doc.components.securitySchemes).map(([name, scheme]) => (
            <div key={name}>
              <dt className="font-medium">{name === "bearerToken" ? "API token" : "Session"}</dt>
              <dd className={MUTED}>
                <Inline text={String(scheme.description)} />
              </dd>
            </div>
          ))}
        </dl>
        <div role="region" aria-label="Example: calling the API and fetching its description with curl" tabIndex={0} className="mt-4 overflow-x-auto rounded-lg bg-gray-900 p-4 dark:bg-gray-950">
          <pre className="font-mono text-xs leading-relaxed text-gray-100">
            <code>{EXAMPLE}</code>
          </pre>
        </div>
      </Section>

      <ContentsNav groups={groups} />

      {groups.map(({ tag, operations }) => (
        <Section key={tag.name} id={anchor("tag", tag.name)} title={tag.name} description={tag.description}>
          <div className="space-y-6">
            {operations.map(({ method, path, op }) => (
              <OperationView key={op.operationId} method={method} path={path} op={op} />
            ))}
          </div>
        </Section>
      ))}

      <Section id="schemas" title="Schemas" description="The shapes the answers are made of, named where they appear above.">
        <div className="space-y-6">
          {Object.entries(doc.components.schemas).map(([name, schema]) => (
            <section key={name} id={anchor("schema", name)} aria-labelledby={`${anchor("schema", name)}-title`} className="scroll-mt-6 rounded-xl border border-gray-200 bg-white p-4 shadow-sm sm:p-6 dark:border-gray-800 dark:bg-gray-900">
              <h3 id={`${anchor("schema", name)}-title`} className="mb-2 font-mono text-base font-semibold">
                {name}
              </h3>
              <SchemaView schema={schema} />
            </section>
          ))}
        </div>
      </Section>
    </>
  );
}
