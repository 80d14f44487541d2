import { ZodError } from "zod";
import { isDatabaseUnavailable, lastLine } from "../data/database-unavailable";
import { AppError, databaseUnavailable } from "../errors";
import type { ApiErrorBody } from "../zod/answers/common";

/** Seconds a client is asked to wait when the database is away: a restart or failover takes about this long. */
export const DATABASE_RETRY_AFTER_S = 5;

export function jsonError(status: number, code: string, message: string, details?: unknown): Response {
  // A 413 is answered before the body has been read to its end: closing the connection once the answer is sent
  // stops the server from waiting for (or reading) the rest. While the database is away, the client is told when to
  // come back.
  const headers = { ...(status === 413 ? { Connection: "close" } : {}), ...(code === "database_unavailable" ? { "Retry-After": String(DATABASE_RETRY_AFTER_S) } : {}) };
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return Response.json(body, { status, headers });
}

/** Maps anything thrown to the API's error shape; internals stay in the server log. */
export function errorResponse(err: unknown): Response {
  if (err instanceof AppError) return jsonError(err.status, err.code, err.message, err.details);
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return jsonError(400, "invalid_request", "The request parameters are not valid.", details);
  }
  if (isDatabaseUnavailable(err)) {
    // Expected while the database restarts: one line, not a stack per request. Its own text can name hosts, so it
    // stays in the log; the client is told to come back.
    console.error(`Database unavailable: ${lastLine(err)}`);
    return errorResponse(databaseUnavailable());
  }
  console.error("Unhandled API error:", err);
  return jsonError(500, "internal_error", "Something went wrong on our side. The error has been logged.");
}
