import { ZodError } from "zod";
import { AppError } from "../errors";
import type { ApiErrorBody } from "../zod/answers/common";

export function jsonError(status: number, code: string, message: string, details?: unknown): Response {
  // A 413 is answered before the body has been read to its end: closing the connection once the answer is sent
  // stops the server from waiting for (or reading) the rest.
  const headers = status === 413 ? { Connection: "close" } : undefined;
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
  console.error("Unhandled API error:", err);
  return jsonError(500, "internal_error", "Something went wrong on our side. The error has been logged.");
}
