import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiDocument } from "./api-document";
import { buildOpenApiDocument, METHODS, type DocumentInput, type OpenApiOperation } from "./document";
import type { OperationSpec } from "./operation";

const error = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const thing = z.object({ id: z.number().int(), at: z.iso.datetime(), size: z.number().int().min(0) });

function build(operations: OperationSpec[], components: Record<string, z.ZodType> = { Error: error, Thing: thing }) {
  const input: DocumentInput = {
    info: { title: "Test", version: "1", description: "A test." },
    tags: [{ name: "Things", description: "Things." }],
    operations,
    components,
    errorComponent: "Error",
  };
  return buildOpenApiDocument(input);
}

const getThing: OperationSpec = {
  id: "getThing",
  method: "get",
  path: "/things/{id}",
  tag: "Things",
  summary: "One thing",
  description: "A thing.",
  audience: "anyone",
  params: { id: { description: "the thing's id", schema: z.int().min(1) } },
  query: z.object({
    page: z.coerce.number().int().min(1).default(1).describe("the page"),
    kind: z.enum(["a", "b"]).describe("which kind"),
    q: z.string().trim().optional().transform((v) => v || undefined),
  }),
  answers: { 200: { description: "The thing.", json: z.object({ thing }) } },
  errors: { 404: "not_found: no such thing." },
};

const addThing: OperationSpec = {
  id: "addThing",
  method: "post",
  path: "/things",
  tag: "Things",
  summary: "Add a thing",
  description: "Adds one.",
  audience: "admins",
  body: { description: "The thing.", json: z.object({ name: z.string().min(1), note: z.string().default("") }) },
  answers: { 201: { description: "Added.", json: thing } },
  errors: { 409: "`thing_exists`: taken.", 400: "`invalid_request`: a field is not valid." },
};

const operation = (doc: ReturnType<typeof build>, path: string, method: "get" | "post"): OpenApiOperation => doc.paths[path][method]!;

describe("the OpenAPI document builder", () => {
  it("turns a query schema into query parameters, from its input side: required, defaults, descriptions", () => {
    const op = operation(build([getThing]), "/things/{id}", "get");
    expect(op.parameters).toEqual([
      { name: "id", in: "path", required: true, description: "the thing's id", schema: { type: "integer", minimum: 1 } },
      { name: "page", in: "query", required: false, description: "the page", schema: { type: "integer", minimum: 1, default: 1 } },
      { name: "kind", in: "query", required: true, description: "which kind", schema: { type: "string", enum: ["a", "b"] } },
      { name: "q", in: "query", required: false, schema: { type: "string" } },
    ]);
  });

  it("names the answer schemas given as components and refers to them; an answer's wrapper stays inline", () => {
    const doc = build([getThing, addThing]);
    expect(doc.components.schemas.Thing).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, at: { type: "string", format: "date-time" }, size: { type: "integer", minimum: 0 } },
      required: ["id", "at", "size"],
      additionalProperties: false,
    });
    expect(operation(doc, "/things/{id}", "get").responses["200"].content).toEqual({
      "application/json": { schema: { type: "object", properties: { thing: { $ref: "#/components/schemas/Thing" } }, required: ["thing"], additionalProperties: false } },
    });
    expect(operation(doc, "/things", "post").responses["201"].content).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Thing" } } });
  });

  it("lists every client error an operation gives: those its audience, query and body imply, then its own", () => {
    const doc = build([getThing, addThing]);
    const get = operation(doc, "/things/{id}", "get").responses;
    expect(Object.keys(get)).toEqual(["200", "400", "401", "404", "500", "503"]);
    expect(get["400"].description).toMatch(/^`invalid_request`: a query parameter/);
    const post = operation(doc, "/things", "post").responses;
    expect(Object.keys(post)).toEqual(["201", "400", "401", "403", "409", "413", "415", "500", "503"]);
    expect(post["403"].description).toBe("`cross_origin`: the session cookie on a request that did not come from Patchboard's own pages. `forbidden`: only admins can do this.");
    expect(post["400"].description).toBe("`invalid_json`: the body is not JSON; `invalid_encoding`: it is not UTF-8. `invalid_request`: a field is not valid.");
    for (const r of Object.values(post).filter((_, i) => i > 0)) expect(r.content).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } });
  });

  it("shows a body from its input side, and says who may call an operation", () => {
    const op = operation(build([addThing]), "/things", "post");
    expect(op.requestBody).toEqual({
      description: "The thing.",
      required: true,
      content: { "application/json": { schema: { type: "object", properties: { name: { type: "string", minLength: 1 }, note: { type: "string", default: "" } }, required: ["name"] } } },
    });
    expect(op.description).toBe("Adds one.\n\nWho: Owners and admins.");
    expect(op.security).toBeUndefined();
  });

  it("needs no authentication for a public operation, and gives it no 401", () => {
    const op = operation(build([{ ...getThing, id: "open", path: "/open", params: undefined, audience: "public" }]), "/open", "get");
    expect(op.security).toEqual([]);
    expect(op.responses["401"]).toBeUndefined();
  });

  it("describes downloads, multipart forms, NDJSON lines and answer headers", () => {
    const upload: OperationSpec = {
      ...addThing,
      id: "upload",
      body: { description: "A file.", files: ["text/csv"], form: { fields: z.object({ dryRun: z.enum(["0", "1"]).optional() }), file: "file" } },
      answers: {
        200: { description: "Lines.", ndjson: z.object({ type: z.literal("progress") }), files: ["application/pdf"], headers: { "X-Rows": { description: "rows", schema: z.int().min(0) } } },
        204: { description: "Nothing." },
      },
    };
    const op = operation(build([upload]), "/things", "post");
    expect(op.requestBody!.content["text/csv"]).toEqual({});
    expect(op.requestBody!.content["multipart/form-data"].schema).toEqual({
      type: "object",
      properties: { dryRun: { type: "string", enum: ["0", "1"] }, file: { type: "array", items: { type: "string", contentMediaType: "application/octet-stream" }, description: "the files, after the text fields" } },
      required: ["file"],
    });
    expect(op.responses["200"].content!["application/x-ndjson"].schema).toMatchObject({ properties: { type: { const: "progress" } } });
    expect(op.responses["200"].content!["application/pdf"]).toEqual({});
    expect(op.responses["200"].headers).toEqual({ "X-Rows": { description: "rows", schema: { type: "integer", minimum: 0 } } });
    expect(op.responses["204"]).toEqual({ description: "Nothing." });
  });

  it("refuses records that cannot be told right", () => {
    expect(() => build([{ ...getThing, params: undefined }])).toThrow(/has \{id\} but the parameters are none/);
    expect(() => build([getThing, getThing])).toThrow(/Two operations are called getThing/);
    expect(() => build([{ ...getThing, id: "other" }, getThing])).toThrow(/described twice/);
    expect(() => build([{ ...getThing, tag: "Nothing" }])).toThrow(/no tag Nothing/);
    expect(() => build([{ ...getThing, query: z.string() }])).toThrow(/not an object/);
    expect(() => build([getThing], { Error: error, Thing: thing, Same: thing })).toThrow(/Component Same is the same schema as Thing/);
    // An unnamed answer inside another would be a reference to nothing.
    const inner = z.object({ n: z.number() });
    const nested: OperationSpec = { ...addThing, answers: { 200: { description: "a", json: inner }, 201: { description: "b", json: z.object({ inner }) } } };
    expect(() => build([nested])).toThrow(/without being a component/);
  });
});

describe("Patchboard's API description", () => {
  const doc = apiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, item]) => METHODS.flatMap((m) => (item[m] ? [{ path, method: m, op: item[m] }] : [])));

  it("is OpenAPI 3.1 under /api/v1, with a bearer token or the session for everything but itself", () => {
    expect(doc.openapi).toBe("3.1.1");
    expect(doc.servers).toEqual([{ url: "/api/v1", description: "this Patchboard" }]);
    expect(doc.security).toEqual([{ bearerToken: [] }, { session: [] }]);
    expect(operations.filter((o) => o.op.security).map((o) => o.path)).toEqual(["/openapi.json"]);
  });

  it("refers only to schemas it holds, and every schema it holds is referred to", () => {
    const text = JSON.stringify(doc);
    const refs = new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    expect([...refs].filter((r) => !(r in doc.components.schemas))).toEqual([]);
    expect(Object.keys(doc.components.schemas).filter((name) => !refs.has(name))).toEqual([]);
    expect(text).not.toMatch(/"\$id"|"\$schema"/);
  });

  it("gives each operation a success answer, the shared error for every other status, and its tag", () => {
    const tags = doc.tags.map((t) => t.name);
    for (const { path, method, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(statuses.some((s) => s.startsWith("2")), `${method} ${path}`).toBe(true);
      for (const s of statuses.filter((s) => !s.startsWith("2"))) expect(op.responses[s].content, `${method} ${path} ${s}`).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } });
      expect(tags).toContain(op.tags[0]);
    }
    expect(new Set(operations.map((o) => o.op.operationId)).size).toBe(operations.length);
  });

  it("shows the exports, the reports, the upload's media types and its progress lines", () => {
    expect(Object.keys(doc.paths["/servers"].get!.responses["200"].content!)).toEqual(["application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    expect(Object.keys(doc.paths["/report.pdf"].get!.responses["200"].content!)).toEqual(["application/pdf"]);
    const upload = doc.paths["/scans"].post!;
    expect(Object.keys(upload.requestBody!.content)).toEqual(["text/csv", "application/json", "application/xml", "application/zip", "application/octet-stream", "multipart/form-data"]);
    expect(upload.parameters.map((p) => p.name)).toEqual(["format", "organization", "scannedAt", "mapping", "mappingSpec", "saveMappingAs", "dryRun", "fileName"]);
    expect(upload.responses["200"].content!["application/x-ndjson"].schema).toEqual({ $ref: "#/components/schemas/UploadProgressLine" });
  });
});
