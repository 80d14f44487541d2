// The contract test's means (tests/api/contract.int.test.ts): the API's description as a client reads it, and a call
// through a route's real handler whose answer is held to that description.
import { fileURLToPath } from "node:url";
import { Validator, type Schema } from "@cfworker/json-schema";
import { expect } from "vitest";
import { apiDocument } from "@/lib/api/openapi/api-document";
import type { Method } from "@/lib/api/openapi/operation";
import { XLSX_TYPE } from "@/lib/export/xlsx";
import type { Caller } from "./callers";
import { call } from "./request";

type Handler = ((req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>) & { query?: unknown };

// A copy: the validator marks the schemas it has read, and the route serves the original.
export const doc = structuredClone(apiDocument());
export const V1 = fileURLToPath(new URL("../../app/api/v1/", import.meta.url));

/** The documented path of a route's folder: servers/[id]/hunts is /servers/{id}/hunts. */
export const pathOf = (folder: string) => `/${folder}`.replace(/\[(\w+)\]/g, "{$1}");
const folderOf = (path: string) => path.slice(1).replace(/\{(\w+)\}/g, "[$1]");
export const routeModule = async (path: string) => (await import(/* @vite-ignore */ `${V1}${folderOf(path)}/route.ts`)) as Partial<Record<string, Handler>>;

export interface ApiCall {
  method: Method;
  /** the documented path, with {name} for each segment in `params` */
  path: string;
  params?: Record<string, string | number>;
  query?: string;
  body?: BodyInit;
  type?: string;
  headers?: Record<string, string>;
  /** null: no credentials */
  caller?: Caller | null;
}

// How each kind of download begins: a PDF's header, a zip's (XLSX), a CSV's header row (after its byte order mark).
const MAGIC: Record<string, RegExp> = { "application/pdf": /^%PDF-/, [XLSX_TYPE]: /^PK/, "text/csv": /^\uFEFF?[A-Za-z]/ };

/** Each method, path and status answered: the successes must cover every operation. */
export const seen = new Set<string>();

export function expectValid(schema: unknown, value: unknown, where: string) {
  const validator = new Validator({ ...(schema as object), components: doc.components } as Schema, "2020-12", false);
  const result = validator.validate(value);
  // The leaves say what is wrong; the errors of the schemas around them only say that something inside is.
  const vague = /^(A subschema had errors|Items did not match schema|Property ".*" does not match schema)\.$/;
  expect(result.errors.filter((e) => !vague.test(e.error)).map((e) => `${e.instanceLocation}: ${e.error}`), where).toEqual([]);
  expect(result.valid, where).toBe(true);
}

/** The answer fits the description: a listed status, a listed media type, a body its schema accepts. */
function expectDocumented(method: Method, path: string, res: Awaited<ReturnType<typeof call>>) {
  const where = `${method.toUpperCase()} ${path} → ${res.status}`;
  const documented = doc.paths[path]?.[method]?.responses[String(res.status)];
  expect(documented, `${where} is not in the description (${res.text.slice(0, 300)})`).toBeDefined();
  seen.add(`${method} ${path} ${res.status}`);
  const type = (res.headers.get("content-type") ?? "").split(";")[0].trim();
  if (!documented!.content) return expect(res.text, where).toBe("");
  expect(Object.keys(documented!.content), `${where} answered ${type}`).toContain(type);
  const { schema } = documented!.content[type];
  if (type === "application/json") return expectValid(schema, JSON.parse(res.text), where);
  if (type === "application/x-ndjson") {
    const lines = res.text.trim().split("\n");
    for (const line of lines) expectValid(schema, JSON.parse(line), `${where}, line ${line.slice(0, 40)}`);
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  // A download: the headers it documents, and bytes of its kind.
  expect(res.text.length, where).toBeGreaterThan(0);
  for (const name of Object.keys(documented!.headers ?? {})) expect(res.headers.get(name), `${where}: ${name}`).not.toBeNull();
  expect(res.text, where).toMatch(MAGIC[type]);
}

/** Calls a documented operation through its route's real handler (as `fallback` unless it names a caller), and holds the answer to the description. */
export async function callDocumented(c: ApiCall, fallback: Caller) {
  const handler = (await routeModule(c.path))[c.method.toUpperCase()];
  if (!handler) throw new Error(`${c.path} has no ${c.method.toUpperCase()}`);
  const params = Object.fromEntries(Object.entries(c.params ?? {}).map(([k, v]) => [k, String(v)]));
  const url = `/api/v1${c.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]))}${c.query ?? ""}`;
  const headers = { ...(c.caller === null ? {} : (c.caller ?? fallback).headers), ...(c.type ? { "content-type": c.type } : {}), ...c.headers };
  const res = await call((req) => handler(req, { params: Promise.resolve(params) }), url, { method: c.method.toUpperCase(), body: c.body ?? null, headers });
  const lines = expectDocumented(c.method, c.path, res);
  return { ...res, lines };
}
