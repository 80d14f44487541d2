import { z } from "zod";
import { mappingSpecSchema } from "../import/mapped-csv";
import { IMPORT_FORMATS } from "../import/formats";
import { CONTROL_CHARACTERS } from "../import/stored-text";
import type { ImportOptions } from "../data/imports/imports";

// The options of a scan upload, as query parameters (API) or form fields (API and upload page).
const MAPPING_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const CLOCK_SKEW_MS = 5 * 60_000;

const scannedAt = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "scannedAt must be an ISO 8601 date or date-time with a time zone, e.g. 2021-03-10T09:00:00Z" })
  .transform((v) => new Date(v))
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= Date.now() + CLOCK_SKEW_MS, { error: "scannedAt must be between 2000 and now" });

const mappingName = z.string().trim().regex(MAPPING_NAME, { error: "a mapping name is lower-case letters, digits, . _ or -, up to 64 characters" });

export const uploadOptionsSchema = z
  .object({
    format: z
      .enum(["auto", ...IMPORT_FORMATS], { error: `format must be auto or one of ${IMPORT_FORMATS.join(", ")}` })
      .default("auto")
      .describe("the files' format; auto: told from the content, the file name only a hint"),
    // A NUL in it failed the upload with a 500 on PostgreSQL, which stores none (found by fuzzing).
    organization: z
      .string()
      .trim()
      .max(200)
      .refine((v) => !CONTROL_CHARACTERS.test(v), { error: "organization must not contain control characters" })
      .optional()
      .transform((v) => v || undefined)
      .describe("the organization of the whole upload, winning over what the files say; a new name creates it. Required for Test-ProxyLogon, nmap and Nessus files"),
    scannedAt: scannedAt.optional().describe("when the scan was taken (ISO 8601 with a zone); else the time the file states, else the upload's"),
    mapping: mappingName.optional().describe("a saved column mapping's name, for a CSV whose header Patchboard does not know"),
    mappingSpec: z
      .string()
      .max(64 * 1024)
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "mappingSpec is not valid JSON" });
          return z.NEVER;
        }
      })
      .pipe(mappingSpecSchema)
      .optional()
      .describe("a column mapping used once, as JSON: {\"columns\": {…}, \"fixed\": {…}} (see POST /mappings)"),
    saveMappingAs: mappingName.optional().describe("save mappingSpec under this name"),
  })
  .refine((o) => !(o.mapping && o.mappingSpec), { error: "give either mapping (a saved one) or mappingSpec, not both" })
  .refine((o) => !o.saveMappingAs || o.mappingSpec, { error: "saveMappingAs needs a mappingSpec to save" });

export type UploadOptionsInput = z.input<typeof uploadOptionsSchema>;

/** Query parameters, overridden by form fields of the same name. */
export function parseUploadOptions(query: Record<string, string>, fields: Record<string, string>): Partial<ImportOptions> {
  const raw: Record<string, string> = {};
  for (const key of ["format", "organization", "scannedAt", "mapping", "mappingSpec", "saveMappingAs"]) {
    const value = fields[key] ?? query[key];
    if (value !== undefined && value !== "") raw[key] = value;
  }
  const o = uploadOptionsSchema.parse(raw);
  const spec = o.mappingSpec
    ? {
        columns: o.mappingSpec.columns,
        fixed: {
          ...(o.mappingSpec.fixed?.organization ? { organization: o.mappingSpec.fixed.organization } : {}),
          ...(o.mappingSpec.fixed?.scanned_at ? { scannedAt: o.mappingSpec.fixed.scanned_at } : {}),
        },
      }
    : null;
  return {
    format: o.format,
    organization: o.organization ?? null,
    scannedAt: o.scannedAt ?? null,
    mapping: o.mapping ? { name: o.mapping } : spec ? { spec, saveAs: o.saveMappingAs ?? null } : null,
  };
}

// A typo here must not turn a dry run into a real import: anything but these is a 400.
const dryRunFlag = z
  .enum(["0", "1", "true", "false"], { error: "dryRun must be 1 (or true) to check the upload without importing it, or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true")
  .describe("1 or true: read and check the files exactly as the import would, and write nothing");

/** `dryRun`, as a query parameter or a form field (which wins): read and check the files, write nothing. */
export function parseDryRun(query: Record<string, string>, fields: Record<string, string>): boolean {
  return dryRunFlag.parse(fields.dryRun ?? query.dryRun);
}

/**
 * What the scan route reads besides the files, for its description (it parses each part with the schemas above):
 * the options and dryRun, as form fields before the files or as query parameters, and in the query, the name of a
 * file sent as the raw body (lib/api/scan-body.ts cuts it to 255 characters).
 */
export const scanUploadFields = uploadOptionsSchema.safeExtend({ dryRun: dryRunFlag });
export const scanUploadQuery = scanUploadFields.safeExtend({
  fileName: z.string().optional().describe("for a file sent as the body: its name, a hint for the format"),
});
