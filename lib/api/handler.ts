import type { z } from "zod";
import type { Access } from "../domain/access";
import { AppError } from "../errors";
import { accessFromSession } from "../data/accounts/sign-in";
import { verifyApiToken } from "../data/accounts/tokens";
import { withReadOnlyRequest } from "../data/read-cache";
import { clientIp } from "./client-ip";
import { errorResponse } from "./error-response";
import { assertSameOrigin } from "./same-origin";

export interface ApiContext<Q> {
  req: Request;
  query: Q;
  /** who is calling: a token or a signed-in user; every data-layer call takes it */
  access: Access;
  /** the route's dynamic segments, e.g. { name } for /api/v1/mappings/[name] */
  params: Record<string, string>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const SAFE_METHODS = new Set(["GET", "HEAD"]);

// A bearer token (scripts), else the browser's session cookie; a cookie alone never authorises a change
// from another site (CSRF), so state-changing calls with one must come from Patchboard's own pages.
async function authenticate(req: Request): Promise<Access> {
  const ip = clientIp(req.headers);
  const header = req.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new AppError(401, "unauthorized", "Send an API token as `Authorization: Bearer <token>`.");
    const access = await verifyApiToken(match[1], ip);
    if (!access) throw new AppError(401, "unauthorized", "The API token is not valid, has expired or has been revoked.");
    return access;
  }
  const access = await accessFromSession(req.headers, ip);
  if (!access) throw new AppError(401, "unauthorized", "Send an API token as `Authorization: Bearer <token>`, or sign in.");
  if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
  return access;
}

/**
 * The one wrapper for /api/v1 route handlers: bearer-token authentication, query
 * validation with the domain's zod schema, and error mapping. A handler returns a
 * Response or a plain object (sent as JSON 200). The query schema stays on the returned handler (`.query`), so
 * a test can hold the API's description to the very schema the route validates with.
 */
export function apiRoute<S extends z.ZodType>(
  schema: S | null,
  handler: (ctx: ApiContext<z.output<S>>) => Promise<Response | object>,
) {
  const run = async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      const access = await authenticate(req);
      const search = Object.fromEntries(new URL(req.url).searchParams);
      const query = (schema ? schema.parse(search) : search) as z.output<S>;
      const segments = (ctx?.params ? await ctx.params : null) ?? {};
      const params = Object.fromEntries(Object.entries(segments).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const result = await handler({ req, query, access, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
  // A read takes one committed version for all its cached reads (read-cache.ts); a write sees its own changes.
  const route = (req: Request, ctx?: RouteContext): Promise<Response> => (SAFE_METHODS.has(req.method) ? withReadOnlyRequest(() => run(req, ctx)) : run(req, ctx));
  return Object.assign(route, { query: schema as z.ZodType | null });
}
