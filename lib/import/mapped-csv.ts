// A column mapping: how to read a CSV file that is not canonical, by naming the header of the user's file that
// gives each canonical column, plus values that hold for the whole file. The schema is shared by the API and the
// upload form, so this module must stay loadable in the browser: zod and type imports only.
import { z } from "zod";
import type { CanonicalColumn } from "./csv-header";

const MAX_HEADER_NAME_LENGTH = 200;
const MAX_ORGANIZATION_LENGTH = 200; // as the parser's row check
const EARLIEST_SCAN_MS = Date.UTC(2000, 0, 1); // as the parser's row check
// As stored-text.ts's (not imported: this module stays zod and types): PostgreSQL stores no NUL.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const headerName = z
  .string({ error: (issue) => (issue.input === undefined ? "is required: name the column of the file that holds it" : "must be a header name (a string)") })
  .trim()
  .min(1, "must name a column of the file, not be empty")
  .max(MAX_HEADER_NAME_LENGTH, `must be at most ${MAX_HEADER_NAME_LENGTH} characters`);

// Typed against CanonicalColumn, so a column added to or dropped from the canonical format breaks this shape.
const COLUMN_SHAPE = {
  organization: headerName.optional(),
  hostname: headerName,
  ip_address: headerName.optional(),
  exchange_build: headerName,
  scanned_at: headerName.optional(),
  indicators: headerName.optional(),
  mitigation: headerName.optional(),
} satisfies Record<CanonicalColumn, z.ZodType>;
export const MAPPABLE_COLUMNS = Object.keys(COLUMN_SHAPE) as CanonicalColumn[];

const columnsSchema = z.strictObject(COLUMN_SHAPE, {
  error: (issue) =>
    issue.code === "unrecognized_keys"
      ? `${issue.keys.map((key) => JSON.stringify(key)).join(", ")} ${issue.keys.length === 1 ? "is not a column" : "are not columns"}` +
        ` of Patchboard's; the columns are ${MAPPABLE_COLUMNS.join(", ")}`
      : issue.input === undefined
        ? "is required: an object of Patchboard column → header name of the file"
        : undefined,
});

const ISO_DATE_OR_DATE_TIME =
  "must be an ISO 8601 date (2021-03-09) or date-time with Z or an offset (2021-03-10T09:00:00+01:00)";

// The date-time needs seconds and an upper-case T (zod's RFC 3339 rule); the file parser is laxer about its rows.
const scanDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: ISO_DATE_OR_DATE_TIME })
  // A date alone is midnight UTC, as in the file parser (and as new Date() reads it).
  .transform((text) => new Date(text))
  .refine((date) => !Number.isNaN(date.getTime()), "is not a valid date")
  .refine((date) => date.getTime() >= EARLIEST_SCAN_MS, "is before 2000");

const fixedSchema = z.strictObject(
  {
    organization: z
      .string()
      .trim()
      .min(1, "must not be empty (leave it out instead)")
      .max(MAX_ORGANIZATION_LENGTH, `must be at most ${MAX_ORGANIZATION_LENGTH} characters`)
      .refine((v) => !CONTROL_CHARACTERS.test(v), "must not contain control characters")
      .optional(),
    scanned_at: scanDate.optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `fixed values can be given for organization and scanned_at only, not ${issue.keys.join(", ")}` : undefined,
  },
);

/** A mapping used once, with one upload. */
export const mappingSpecSchema = z.strictObject({
  columns: columnsSchema,
  fixed: fixedSchema.optional(),
});

/** A saved mapping, chosen by its name. */
export const columnMappingSchema = z.strictObject({
  name: z
    .string({ error: "is required: a name to choose the mapping by" })
    .regex(
      /^[a-z0-9][a-z0-9._-]{0,63}$/,
      "must be 1 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit",
    ),
  ...mappingSpecSchema.shape,
});

/** As sent (fixed.scanned_at is ISO text). */
export type MappingSpecInput = z.input<typeof mappingSpecSchema>;
/** As validated (fixed.scanned_at is a Date). */
export type MappingSpec = z.output<typeof mappingSpecSchema>;
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;
export type ColumnMapping = z.output<typeof columnMappingSchema>;

const normalize = (name: string) => name.trim().toLowerCase();

/** Whether a file with this header has every column the mapping names (matched as the parser does; a blank name maps nothing). */
export function mappingFits(columns: Partial<Record<CanonicalColumn, string>>, header: string[]): boolean {
  const names = new Set(header.map(normalize));
  return Object.values(columns).every((name) => name === undefined || normalize(name) === "" || names.has(normalize(name)));
}

/** A header's identity for "made for this same header": names trimmed and lower-cased, in order. */
export function headerKey(header: string[]): string {
  return header.map(normalize).join("\u001f");
}
