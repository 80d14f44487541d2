// Answers of the upload and imports routes, and of column mappings.
import { z } from "zod";
import { STATUS_CHANGES } from "../../domain/status-change";
import type { ColumnMappingView, DryRunSummary, ImportChangeCounts, ImportDetail, ImportListRow, ImportServerChange, ImportSummary, Page } from "../../views";
import type { Agree } from "./agree";
import type { ImportJobView, JobPage } from "../../data/imports/import-jobs";
import { apiError, count, isoTime, page, status } from "./common";

export const importError = z.object({ line: z.number().int(), message: z.string() }).describe("A rejected row: its line in the file and why.");

export const importChangeCounts = z
  .object({ "new-compromise": count, worsened: count, improved: count, unchanged: count })
  .describe("How many servers the import left newly compromised, worse, better or as they were (their roll-up status).");

const summaryFields = {
  format: z.string().describe("the format the file was read as: canonical-csv, mapped-csv, test-proxylogon, health-checker, nmap-xml, nessus-csv"),
  fileName: z.string().nullable().describe('the file\'s name; several Test-ProxyLogon files imported together are joined by ", "'),
  rows: count,
  accepted: count,
  rejected: count,
  serversCreated: count,
  serversUpdated: count,
  indicators: count.describe("indicators of compromise recorded"),
  errors: z.array(importError),
  duplicate: z.boolean().describe("imported before into the same organizations: nothing changed"),
};

export const importSummary = z
  .object({
    id: z.number().int(),
    ...summaryFields,
    changes: importChangeCounts.nullable().describe("null for an import made before these were recorded"),
    newOrganizations: z.array(z.string()).optional().describe("the organizations this import created (only in the answer to the upload itself)"),
  })
  .describe("What one import did: each file of an upload is one import, all or nothing (consecutive Test-ProxyLogon files are one run).");

export const dryRunSummary = z
  .object({
    id: z.number().int().nullable().describe("null; for a duplicate, the earlier import the real upload would be answered with"),
    ...summaryFields,
    dryRun: z.literal(true),
    newOrganizations: z.array(z.string()).describe("the organizations the import would create"),
  })
  .describe("What an import would do (dryRun=1): nothing was written. Indicators are those the file holds.");

export const importAnswer = z
  .object({
    imports: z.array(importSummary),
    import: importSummary.optional().describe("the one import, when the upload held one"),
  })
  .describe("The imports of an upload, in upload order.");
export type ImportAnswer = z.infer<typeof importAnswer>;

export const dryRunAnswer = z
  .object({
    dryRun: z.literal(true),
    imports: z.array(dryRunSummary),
    import: dryRunSummary.optional(),
    newOrganizations: z.array(z.string()).describe("every organization the upload would create, each once"),
  })
  .describe("What an upload would do (dryRun=1), written nowhere.");
export type DryRunAnswer = z.infer<typeof dryRunAnswer>;

const progressLine = z.object({
  type: z.literal("progress"),
  index: count.describe("which import of the upload (0-based)"),
  file: z.string(),
  phase: z.enum(["reading", "writing", "computing"]),
  rows: count,
  bytes: count,
  servers: count.optional().describe("while computing: servers re-derived so far, of serversTotal"),
  serversTotal: count.optional(),
});
const lineStatus = z.number().int().describe("the HTTP status the JSON answer would have had");
export const uploadProgressLine = z
  .union([
    progressLine,
    importAnswer.extend({ type: z.literal("result"), status: lineStatus }),
    dryRunAnswer.extend({ type: z.literal("result"), status: lineStatus }),
    z.object({
      type: z.literal("error"),
      status: lineStatus,
      error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
      imports: z.array(z.union([importSummary, dryRunSummary])).describe("the imports committed (or read) before the failure"),
    }),
  ])
  .describe("One line of an upload's progress (Accept: application/x-ndjson): progress lines, then one result or error line.");
export type UploadProgressLine = z.infer<typeof uploadProgressLine>;

export const importListRow = z
  .object({
    id: z.number().int(),
    createdAt: isoTime,
    uploadedBy: z.string().nullable().describe("the user's email or the token's name; null for imports older than this record"),
    source: z.string().describe("upload (the page), api (a token) or demo"),
    fileName: z.string().nullable(),
    format: z.string(),
    rows: count,
    accepted: count,
    rejected: count,
    serversCreated: count,
    serversUpdated: count,
    newCompromises: count.nullable().describe("null: not recorded (an import made before these were)"),
  })
  .describe("One import in the list of recent imports.");
export const importPage = page(importListRow);

export const importDetail = importListRow
  .extend({ indicators: count, errors: z.array(importError), changes: importChangeCounts.nullable() })
  .describe("One import as stored.");

export const importServerChange = z
  .object({
    serverId: z.number().int(),
    hostname: z.string().nullable().describe("null when the server has been deleted since"),
    organization: z.string().nullable(),
    organizationName: z.string().nullable(),
    before: status.nullable().describe("null: the import created the server"),
    after: status,
    change: z.enum(STATUS_CHANGES),
  })
  .describe("A server an import touched, with its roll-up status before and after it.");
export const importDetailAnswer = z.object({ import: importDetail, servers: page(importServerChange).describe("new compromises first, then worsened, improved, unchanged") });
export type ImportDetailAnswer = z.infer<typeof importDetailAnswer>;

export const importJob = z
  .object({
    id: z.uuid().describe("the job's id: GET /api/v1/imports/ID answers it"),
    state: z.enum(["queued", "running", "done", "failed"]),
    createdAt: isoTime,
    startedAt: isoTime.nullable(),
    finishedAt: isoTime.nullable(),
    uploadedBy: z.string().describe("the user's email or the token's name"),
    files: z.array(z.string().nullable()).describe("the uploaded files' names, in upload order"),
    bytes: count.describe("the bytes spooled"),
    progress: z
      .object({
        phase: z.enum(["queued", "reading", "writing", "computing", "finished"]),
        bytes: count.describe("bytes of the files read so far"),
        rows: count.describe("rows read so far"),
      })
      .describe("how far the import has come"),
    status: z.number().int().nullable().describe("once finished: the HTTP status the upload without Prefer: respond-async would have answered"),
    result: z
      .union([importAnswer, apiError])
      .nullable()
      .describe("once finished: that answer's body: the imports when done; the error when failed (its details.imports lists the imports committed before it)"),
  })
  .describe("An upload imported in the background (POST /scans with Prefer: respond-async).");
export const importJobAnswer = z.object({ job: importJob });
export type ImportJobAnswer = z.infer<typeof importJobAnswer>;
export const importJobPage = z
  .object({
    data: z.array(importJob),
    next: z.string().nullable().describe("the cursor of the next page (after=…); null on the last page"),
  })
  .describe("Import jobs, newest first.");

export const columnMapping = z
  .object({
    name: z.string(),
    columns: z
      .object({
        organization: z.string().optional(),
        hostname: z.string().optional(),
        ip_address: z.string().optional(),
        exchange_build: z.string().optional(),
        scanned_at: z.string().optional(),
        indicators: z.string().optional(),
        mitigation: z.string().optional(),
      })
      .describe("Patchboard's column name → the header of the file that holds it"),
    fixed: z.object({ organization: z.string().optional(), scanned_at: isoTime.optional() }).describe("values that hold for the whole file"),
    createdAt: isoTime,
  })
  .describe("A saved column mapping, for CSV files whose header Patchboard does not know.");
export const mappingsAnswer = z.object({ mappings: z.array(columnMapping) });
export const mappingAnswer = z.object({ mapping: columnMapping });
export type MappingsAnswer = z.infer<typeof mappingsAnswer>;
export type MappingAnswer = z.infer<typeof mappingAnswer>;

const _agree: [
  Agree<z.infer<typeof importChangeCounts>, ImportChangeCounts>,
  Agree<z.infer<typeof importSummary>, ImportSummary>,
  Agree<z.infer<typeof dryRunSummary>, DryRunSummary>,
  Agree<z.infer<typeof importPage>, Page<ImportListRow>>,
  Agree<z.infer<typeof importDetail>, ImportDetail>,
  Agree<z.infer<typeof importServerChange>, ImportServerChange>,
  Agree<z.infer<typeof columnMapping>, ColumnMappingView>,
] = [true, true, true, true, true, true, true];
const _agreeJobs: [Agree<z.infer<typeof importJob>, ImportJobView>, Agree<z.infer<typeof importJobPage>, JobPage>] = [true, true];
