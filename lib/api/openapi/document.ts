// Builds the OpenAPI 3.1 document from the operations' records (routes.ts, a file per tag) and the named answer schemas
// (components.ts). Pure: the same input gives the same document, and nothing here knows of Next or the database.
import type { z } from "zod";
import { COMPONENT_PREFIX, inputSchema, outputSchemas, type JsonSchema } from "./json-schema";
import type { Audience, BodySpec, ErrorStatus, Method, OperationSpec, ParamSpec, SuccessStatus, TagSpec } from "./operation";

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}
export interface OpenApiMediaType {
  schema?: JsonSchema;
}
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, OpenApiMediaType>;
}
export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  /** empty: no authentication; absent: the document's (a token or a session) */
  security?: never[];
  parameters: OpenApiParameter[];
  requestBody?: { description: string; required: true; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
}
export interface OpenApiDocument {
  openapi: "3.1.1";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: TagSpec[];
  security: Record<string, never[]>[];
  paths: Record<string, Partial<Record<Method, OpenApiOperation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

export interface DocumentInput {
  info: OpenApiDocument["info"];
  tags: readonly TagSpec[];
  operations: readonly OperationSpec[];
  /** answer schemas by component name; one of them is the error every route answers with */
  components: Record<string, z.ZodType>;
  errorComponent: string;
}

export const METHODS: readonly Method[] = ["get", "post", "put", "delete"];

const AUDIENCES: Record<Audience, { who: string; forbidden?: string }> = {
  public: { who: "Anyone: no token needed, it holds no data." },
  anyone: { who: "Any token or signed-in user; the answer covers the organizations the caller may see, and another tenant's record is a 404 like a missing one." },
  writers: { who: "Owners, admins and technicians.", forbidden: "`forbidden`: a client viewer cannot do this." },
  admins: { who: "Owners and admins.", forbidden: "`forbidden`: only admins can do this." },
  everyOrganization: { who: "Callers who see every organization: the MSP's own people.", forbidden: "`forbidden`: the caller sees only some organizations." },
};

const SECURITY_SCHEMES: Record<string, JsonSchema> = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description: "An API token (made on /admin/tokens, or with npm run token:create), sent as `Authorization: Bearer <token>`. It has a role and may be limited to some organizations.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description:
      "The dashboard's session cookie, for Patchboard's own pages: a request with it that changes anything must come from them (same origin). When PATCHBOARD_URL starts with https://, its name is `__Secure-better-auth.session_token`.",
  },
};

/** The client errors an operation gives because of who may call it, its query and its body, before its own. */
function impliedErrors(op: OperationSpec): Partial<Record<ErrorStatus, string[]>> {
  const errors: Partial<Record<ErrorStatus, string[]>> = {};
  const add = (status: ErrorStatus, text: string) => (errors[status] ??= []).push(text);
  if (op.audience !== "public") add(401, "`unauthorized`: no API token or session, or one that is not valid, has expired or has been revoked.");
  if (op.audience !== "public" && op.method !== "get") add(403, "`cross_origin`: the session cookie on a request that did not come from Patchboard's own pages.");
  const forbidden = AUDIENCES[op.audience].forbidden;
  if (forbidden) add(403, forbidden);
  if (op.query) add(400, "`invalid_request`: a query parameter is not valid (details lists each, with its path and message).");
  if (op.body?.json) {
    add(400, "`invalid_json`: the body is not JSON; `invalid_encoding`: it is not UTF-8.");
    add(413, "`payload_too_large`: the body is over 64 KB.");
    add(415, "`unsupported_media_type`: the body is not application/json.");
  }
  for (const [status, text] of Object.entries(op.errors ?? {})) add(Number(status) as ErrorStatus, text);
  return errors;
}

function parameter(name: string, where: "path" | "query", required: boolean, schema: JsonSchema): OpenApiParameter {
  const { description, ...rest } = schema;
  return { name, in: where, required, ...(typeof description === "string" ? { description } : {}), schema: rest };
}

function pathParameters(op: OperationSpec): OpenApiParameter[] {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const given = Object.keys(op.params ?? {});
  if (names.join() !== given.join()) throw new Error(`${op.id}: the path ${op.path} has {${names.join("}, {")}} but the parameters are ${given.join(", ") || "none"}.`);
  return Object.entries(op.params ?? {}).map(([name, p]: [string, ParamSpec]) => parameter(name, "path", true, { ...inputSchema(p.schema), description: p.description }));
}

function queryParameters(op: OperationSpec): OpenApiParameter[] {
  if (!op.query) return [];
  const schema = inputSchema(op.query);
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type !== "object" || !properties) throw new Error(`${op.id}: the query schema is not an object.`);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, p]) => parameter(name, "query", required.has(name), p));
}

function requestBody(op: OperationSpec, body: BodySpec): NonNullable<OpenApiOperation["requestBody"]> {
  const content: Record<string, OpenApiMediaType> = {};
  if (body.json) content["application/json"] = { schema: inputSchema(body.json) };
  for (const type of body.files ?? []) content[type] = {};
  if (body.form) {
    const fields = inputSchema(body.form.fields);
    const file = { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, description: "the files, after the text fields" };
    content["multipart/form-data"] = {
      schema: { ...fields, properties: { ...(fields.properties as object), [body.form.file]: file }, required: [...((fields.required as string[]) ?? []), body.form.file] },
    };
  }
  if (Object.keys(content).length === 0) throw new Error(`${op.id}: a body with no media type.`);
  return { description: body.description, required: true, content };
}

const errorResponse = (text: string, errorRef: JsonSchema): OpenApiResponse => ({ description: text, content: { "application/json": { schema: errorRef } } });

export function buildOpenApiDocument(input: DocumentInput): OpenApiDocument {
  if (!(input.errorComponent in input.components)) throw new Error(`No component ${input.errorComponent} for errors.`);
  const answerSchemas = input.operations.flatMap((op) => Object.values(op.answers).flatMap((a) => [a.json, a.ndjson].filter((s): s is z.ZodType => s !== undefined)));
  const { components, inline } = outputSchemas(input.components, answerSchemas);
  const errorRef = { $ref: COMPONENT_PREFIX + input.errorComponent };
  const tags = new Set(input.tags.map((t) => t.name));
  const ids = new Set<string>();
  const paths: OpenApiDocument["paths"] = {};

  for (const op of input.operations) {
    if (ids.has(op.id)) throw new Error(`Two operations are called ${op.id}.`);
    ids.add(op.id);
    if (!tags.has(op.tag)) throw new Error(`${op.id}: no tag ${op.tag}.`);
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is described twice.`);

    const responses: Record<string, OpenApiResponse> = {};
    for (const [status, answer] of Object.entries(op.answers) as [string, NonNullable<OperationSpec["answers"][SuccessStatus]>][]) {
      const content: Record<string, OpenApiMediaType> = {};
      if (answer.json) content["application/json"] = { schema: inline.get(answer.json)! };
      if (answer.ndjson) content["application/x-ndjson"] = { schema: inline.get(answer.ndjson)! };
      for (const type of answer.files ?? []) content[type] = {};
      const headers = answer.headers
        ? Object.fromEntries(Object.entries(answer.headers).map(([name, h]) => [name, { description: h.description, schema: inputSchema(h.schema) }]))
        : undefined;
      responses[status] = { description: answer.description, ...(headers ? { headers } : {}), ...(Object.keys(content).length ? { content } : {}) };
    }
    const errors = impliedErrors(op);
    for (const status of Object.keys(errors).map(Number).sort() as ErrorStatus[]) responses[status] = errorResponse(errors[status]!.join(" "), errorRef);
    responses["500"] = errorResponse("`internal_error`: a fault on the server's side; it is logged, and the message says no more.", errorRef);
    // Every operation that authenticates asks the database; while it is away the answer is this, promptly.
    if (op.audience !== "public") {
      responses["503"] = {
        ...errorResponse("`database_unavailable`: the database is not answering (restarting, failing over); what the request was writing is rolled back. Try again after `Retry-After`.", errorRef),
        headers: { "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } } },
      };
    }

    item[op.method] = {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      description: `${op.description}\n\nWho: ${AUDIENCES[op.audience].who}`,
      ...(op.audience === "public" ? { security: [] } : {}),
      parameters: [...pathParameters(op), ...queryParameters(op)],
      ...(op.body ? { requestBody: requestBody(op, op.body) } : {}),
      responses,
    };
  }

  return {
    openapi: "3.1.1",
    info: input.info,
    servers: [{ url: "/api/v1", description: "this Patchboard" }],
    tags: [...input.tags],
    security: Object.keys(SECURITY_SCHEMES).map((name) => ({ [name]: [] })),
    paths,
    components: { schemas: components, securitySchemes: SECURITY_SCHEMES },
  };
}
