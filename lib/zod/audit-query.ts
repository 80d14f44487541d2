import { z } from "zod";
import { AUDIT_ACTIONS } from "../domain/audit-log";

export const AUDIT_PAGE_SIZE = 50;

/** A real calendar day, YYYY-MM-DD (2021-02-30 is not one). */
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .refine((v) => {
    const parsed = new Date(`${v}T00:00:00.000Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(v);
  }, "not a day of the calendar");

/** The audit log's filters and page, as the page's URL carries them. from and to are UTC days, both included. */
export const auditQuery = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    /** part of a user's name or email, or of a token's name */
    actor: z.string().trim().max(320).optional().transform((v) => (v ? v : undefined)),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "the end of the range is before its start" });
export type AuditQuery = z.infer<typeof auditQuery>;

const FIELD_NAMES: Record<string, string> = { from: "From", to: "To" };

/**
 * The audit page's search params, checked by the shared schema. A bad value (a typo in a hand-edited URL) is
 * dropped rather than failing the page; a dropped date is said, since the list would otherwise look filtered.
 */
export function parseAuditSearch(raw: Record<string, string | string[] | undefined>): { query: AuditQuery; problems: string[] } {
  const input: Record<string, string> = {};
  for (const key of ["action", "actor", "from", "to", "page"]) {
    const value = raw[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") input[key] = first;
  }
  const problems: string[] = [];
  // The range check runs only once each field is valid, so a second round can find what the first could not.
  let result = auditQuery.safeParse(input);
  for (let round = 0; !result.success && round < 3; round++) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      // One reason per value: a day can fail its form and the calendar at once.
      if (FIELD_NAMES[key] && key in input) problems.push(`${FIELD_NAMES[key]} was left out: ${issue.message}.`);
      delete input[key];
    }
    result = auditQuery.safeParse(input);
  }
  return { query: result.success ? result.data : auditQuery.parse({}), problems };
}
