import type { z } from "zod";
import { AppError } from "../errors";
import { verifyApiToken } from "../data/tokens";
import { errorResponse } from "./error-response";

export interface ApiContext<Q> {
  req: Request;
  query: Q;
  token: { id: number; name: string };
  /** the route's dynamic segments, e.g. { name } for /api/v1/mappings/[name] */
  params: Record<string, string>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

async function authenticate(req: Request) {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError(401, "unauthorized", "Send an API token as `Authorization: Bearer <token>`.");
  const token = await verifyApiToken(match[1]);
  if (!token) throw new AppError(401, "unauthorized", "The API token is not valid or has been revoked.");
  return token;
}

/**
 * The one wrapper for /api/v1 route handlers: bearer-token authentication, query
 * validation with the domain's zod schema, and error mapping. A handler returns a
 * Response or a plain object (sent as JSON 200).
 */
export function apiRoute<S extends z.ZodType>(
  schema: S | null,
  handler: (ctx: ApiContext<z.output<S>>) => Promise<Response | object>,
) {
  return async (req: Request, ctx?: RouteContext): Promise<Response> => {
    try {
      const token = await authenticate(req);
      const search = Object.fromEntries(new URL(req.url).searchParams);
      const query = (schema ? schema.parse(search) : search) as z.output<S>;
      const segments = (ctx?.params ? await ctx.params : null) ?? {};
      const params = Object.fromEntries(Object.entries(segments).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const result = await handler({ req, query, token, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
