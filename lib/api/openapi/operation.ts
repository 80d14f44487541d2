// What the API description says about one operation: a plain record, filled in by the *-routes.ts files and turned into
// OpenAPI by document.ts. Schemas are the zod schemas the code uses: the query and body schemas the routes parse
// with (their input side is shown), the answer schemas of lib/zod/answers (their output side).
import type { z } from "zod";

export type Method = "get" | "post" | "put" | "delete";
export type SuccessStatus = 200 | 201 | 202 | 204;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 507;

/** Who may call an operation: apiRoute checks the token or session, the data layer the role. */
export type Audience = "public" | "anyone" | "writers" | "admins" | "everyOrganization";

export interface ParamSpec {
  description: string;
  schema: z.ZodType;
}

export interface BodySpec {
  description: string;
  /** application/json, checked with this schema */
  json?: z.ZodType;
  /** media types taken as the raw bytes of a file */
  files?: readonly string[];
  /** multipart/form-data: these text fields first, then one or more file fields of this name */
  form?: { fields: z.ZodType; file: string };
}

export interface AnswerSpec {
  description: string;
  json?: z.ZodType;
  /** application/x-ndjson: the schema of one line */
  ndjson?: z.ZodType;
  /** binary or text downloads, by media type */
  files?: readonly string[];
  headers?: Record<string, ParamSpec>;
}

export interface OperationSpec {
  /** the operationId, unique */
  id: string;
  method: Method;
  /** under /api/v1, with {name} for each dynamic segment of the route's folder ([name]) */
  path: string;
  tag: string;
  summary: string;
  description: string;
  audience: Audience;
  params?: Record<string, ParamSpec>;
  /** the query schema the route validates with (apiRoute's); an object schema */
  query?: z.ZodType;
  body?: BodySpec;
  answers: Partial<Record<SuccessStatus, AnswerSpec>>;
  /** the client errors this operation gives besides those its audience, query and body imply (document.ts adds them) */
  errors?: Partial<Record<ErrorStatus, string>>;
}

export interface TagSpec {
  name: string;
  description: string;
}
