// Pieces every answer schema is made of. The answer schemas describe what the API sends (the output side); they
// are not used to parse anything at run time, and each is held to its view type by `Agree` (agree.ts).
import { z } from "zod";
import { HUNT_STATES } from "../../domain/hunt";
import { STATUSES, type StatusCounts } from "../../domain/statuses";
import type { Agree } from "./agree";

/** An instant as `Date.toISOString()` writes it. */
export const isoTime = z.iso.datetime();
/** A UTC day. */
export const isoDay = z.iso.date();
export const count = z.number().int().min(0);

export const status = z.enum(STATUSES).describe("A server's status, worst first: compromised, unpatched, unknown, mitigated, patched.");
export const statusCounts = z
  .object({ compromised: count, unpatched: count, unknown: count, mitigated: count, patched: count })
  .describe("Servers by status.");
export const huntState = z.enum(HUNT_STATES).describe("Whether the server needs a hunt for compromise over the days it was exposed while exploited.");

/** A page of a list: the rows, which page, and how many rows there are in all. */
export function page<T extends z.ZodType>(row: T) {
  return z.object({
    data: z.array(row),
    page: z.number().int().min(1).describe("1-based"),
    pageSize: z.number().int().min(1),
    total: count.describe("rows in all pages"),
  });
}

/** Every error the API answers, whatever the route (lib/api/error-response.ts). */
export const apiError = z
  .object({
    error: z.object({
      code: z.string().describe("a stable, machine-readable code such as not_found or invalid_request"),
      message: z.string().describe("what went wrong, in words for a person"),
      details: z.unknown().optional().describe("more about it, depending on the code (the invalid parameters, the rejected file, the imports committed before a failure)"),
    }),
  })
  .describe("An error: a 4xx status for anything the client got wrong, 500 for a fault of the server (logged).");
export type ApiErrorBody = z.infer<typeof apiError>;

const _agree: [Agree<z.infer<typeof statusCounts>, StatusCounts>] = [true];
