import { createHash, randomUUID } from "node:crypto";
import { can, type Access } from "../../domain/access";
import { AppError } from "../../errors";
import { ImportFileError } from "../../import/import-file-error";
import { planImports, type DetectedFile, type ImportJob, type UploadFile } from "../../import/plan-imports";
import { formatInfo } from "../../import/formats";
import { readImportRecords, resolveFormat, type ColumnMappingSpec, type ImportFormat, type ReadOptions } from "../../import/read-records";
import type { ImportError, ImportSummary } from "../../views";
import { recordAudit } from "../accounts/audit";
import { findImport, importScopeKey, isUniqueViolation } from "./import-scope";
import { ImportWriter, type ScanRowInput } from "./import-writer";
import { bindPendingMappings, fittingMappings, resolveMapping, saveMappingForHeader, type MappingChoice } from "./mappings";
import { refreshPlannerStatistics, withWriteTransaction } from "../sql-session";
import { campaignsIn } from "../campaigns/registry";
import { recomputeServers, refreshOrganizationCounts } from "../fleet/status-recompute";

export interface ImportProgress {
  phase: "reading" | "writing" | "computing";
  rows: number;
  bytes: number;
  /** while computing: servers whose status is re-derived so far, of serversTotal */
  servers?: number;
  serversTotal?: number;
}

export interface UploadProgress extends ImportProgress {
  /** which import of the upload (0-based) */
  index: number;
  file: string;
}

export interface ImportOptions {
  format: ImportFormat | "auto";
  /** applies to the whole upload and wins over what files say */
  organization: string | null;
  scannedAt: Date | null;
  mapping: MappingChoice | null;
}

export interface ImportScansInput {
  /** who uploads: technicians and admins; a caller limited to organizations can only upload for them */
  access: Access;
  files: AsyncIterable<UploadFile> | Iterable<UploadFile>;
  options?: Partial<ImportOptions>;
  origin: "api" | "upload" | "demo";
  tokenId?: number | null;
  /** for all files of the upload together (an HTTP route also counts the whole request body) */
  maxBytes: number;
  onProgress?: (p: UploadProgress) => void;
  now?: Date;
}

export interface ImportOutcome {
  /** the imports committed, in upload order (a duplicate is answered with the earlier import) */
  imports: ImportSummary[];
  /** why the import after them failed; nothing of that file was stored, nor of any file after it */
  failure: AppError | null;
}

const BATCH = 2000;
// PostgreSQL plans from statistics that a large import makes stale (autovacuum catches up
// only later): refresh them at once so the next page loads use the indexes well.
const ANALYZE_AFTER_ROWS = 50_000;
const MAX_STORED_ERRORS = 1000;
const MAX_FILE_NAME = 500;

class Duplicate extends Error {}

/** The one answer to an upload over the limit, wherever it is found out. */
export function uploadTooLarge(maxBytes: number): AppError {
  return new AppError(413, "payload_too_large", `The upload is larger than the limit of ${Math.round(maxBytes / 1048576)} MB.`);
}

/**
 * Imports the files of one upload, one import after another: each file on its own, except consecutive
 * Test-ProxyLogon files, which are one run. Stops at the first import that fails.
 */
export async function importScans(input: ImportScansInput): Promise<ImportOutcome> {
  if (!can.write(input.access)) {
    return { imports: [], failure: new AppError(403, "forbidden", "Client viewers can look but not upload scans.") };
  }
  const options: ImportOptions = { format: "auto", organization: null, scannedAt: null, mapping: null, ...input.options };
  const imports: ImportSummary[] = [];
  // One limit for the whole upload, not one per file: many files below it must not add up past it.
  const budget = { bytes: 0 };
  let index = 0;
  try {
    for await (const job of planImports(input.files)) {
      imports.push(await importJob(job, index++, options, input, budget));
    }
    return { imports, failure: null };
  } catch (err) {
    return { imports, failure: asAppError(err) };
  }
}

/** One file as one import (the demo seed, scripts and tests); throws when it fails. */
export async function importScanFile(input: Omit<ImportScansInput, "files" | "onProgress"> & {
  body: AsyncIterable<Uint8Array>;
  fileName: string | null;
  onProgress?: (p: ImportProgress) => void;
}): Promise<ImportSummary> {
  const { body, fileName, ...rest } = input;
  const outcome = await importScans({ ...rest, files: [{ name: fileName, stream: body }] });
  if (outcome.failure) throw outcome.failure;
  if (outcome.imports.length === 0) throw new AppError(400, "empty_body", "The upload holds no file.");
  return outcome.imports[0];
}

async function importJob(job: ImportJob, index: number, options: ImportOptions, input: ImportScansInput, budget: { bytes: number }): Promise<ImportSummary> {
  const now = input.now ?? new Date();
  const mapping = options.mapping ? await resolveMapping(input.access, options.mapping) : null;
  let format: ImportFormat;
  let zip: boolean;
  try {
    ({ format, zip } = resolveFormat(job.first, { format: options.format, mapping }));
  } catch (err) {
    if (err instanceof ImportFileError && err.code === "unmapped_header") throw await withFittingMappings(input.access, err);
    throw err;
  }
  if (options.mapping && "saveAs" in options.mapping && options.mapping.saveAs && index === 0) {
    await saveMappingForHeader(input.access, options.mapping.saveAs, mapping!, job.first.head);
  }
  const readOptions: ReadOptions = { ...options, now, mapping };

  const hash = createHash("sha256");
  // The same bytes read another way (another scan time, format or mapping) are another upload: a Test-ProxyLogon
  // re-run whose output did not change is still a new check on a new day. Plain uploads keep the bytes' hash.
  const readAs = uploadReading(options, mapping);
  if (readAs) hash.update(`${readAs}\u0000`);
  // Several files of one run are hashed with their names, so the same run uploaded again is
  // recognised, while one file keeps the hash of its bytes alone.
  const named = format === "test-proxylogon" && !zip;
  let bytes = 0;
  let rows = 0;
  let lastReport = 0;
  const label = () => (job.names.length === 1 ? job.names[0] : `${job.names[0]} (${job.names.length} files)`);
  const report = (phase: ImportProgress["phase"], force = false, servers?: { done: number; total: number }): boolean => {
    const t = Date.now();
    if (!input.onProgress || (!force && t - lastReport < 200)) return false;
    lastReport = t;
    const extra = servers ? { servers: servers.done, serversTotal: servers.total } : {};
    input.onProgress({ index, file: label(), phase, rows, bytes, ...extra });
    return true;
  };
  // On SQLite the recompute runs synchronously chunk after chunk: after a progress line,
  // give the event loop a turn so it reaches the client.
  const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

  async function* counted(file: DetectedFile): AsyncGenerator<Buffer> {
    if (named) hash.update(`${file.name ?? ""}\u0000`);
    for await (const chunk of file.stream) {
      bytes += chunk.byteLength;
      budget.bytes += chunk.byteLength;
      if (budget.bytes > input.maxBytes) throw uploadTooLarge(input.maxBytes);
      hash.update(chunk);
      report("reading");
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
  const first = { ...job.first, stream: counted(job.first) };
  const tapped: ImportJob = {
    first,
    names: job.names,
    files: (async function* () {
      let isFirst = true;
      for await (const file of job.files) {
        yield isFirst ? first : { ...file, stream: counted(file) };
        isFirst = false;
      }
    })(),
  };

  const errors: ImportError[] = [];
  let rejected = 0;
  let digest = "";
  let scopeKey = "";
  try {
    const summary = await withWriteTransaction(async (s) => {
      const [pending] = await s.all<{ id: number }>(
        `INSERT INTO "Import" ("fileName", "fileHash", "format", "bytes", "rows", "accepted", "rejected", "serversCreated", "serversUpdated", "errors", "source", "tokenId", "createdAt") VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, '[]', ?, ?, ?) RETURNING "id"`,
        [label().slice(0, MAX_FILE_NAME), `pending:${randomUUID()}`, format, input.origin, input.tokenId ?? null, now],
      );
      const importId = Number(pending.id);
      const writer = new ImportWriter(s, importId, formatInfo(format).source, now, input.access.organizationIds);
      let batch: ScanRowInput[] = [];
      let inflight: Promise<void> = Promise.resolve();
      for await (const rec of readImportRecords(tapped, format, zip, readOptions)) {
        if ("error" in rec) {
          // Line 0 is a note about the file (an ignored file, hosts that are not Exchange), not a row.
          if (rec.line > 0) {
            rows++;
            rejected++;
          }
          if (errors.length < MAX_STORED_ERRORS) errors.push({ line: rec.line, message: rec.error });
          continue;
        }
        rows++;
        batch.push(rec.row);
        if (batch.length >= BATCH) {
          // One batch in flight: the database writes it while the next one is parsed.
          await inflight;
          inflight = writer.writeBatch(batch);
          inflight.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
          batch = [];
          report("writing");
        }
      }
      await inflight;
      await writer.writeBatch(batch);
      const total = writer.touchedServers.size;
      report("computing", true, { done: 0, total });
      await yieldToEventLoop();
      const orgs = await recomputeServers(s, writer.touchedServers, await campaignsIn(s), async (done) => {
        if (report("computing", false, { done, total })) await yieldToEventLoop();
      });
      await refreshOrganizationCounts(s, orgs);

      const fileName = label().slice(0, MAX_FILE_NAME);
      const summary: ImportSummary = {
        id: importId,
        format,
        fileName,
        rows,
        accepted: rows - rejected,
        rejected,
        serversCreated: writer.createdServers.size,
        serversUpdated: writer.touchedServers.size - writer.createdServers.size,
        indicators: writer.indicatorsWritten,
        errors,
        duplicate: false,
      };
      digest = hash.digest("hex");
      // The writer has refused any organization the caller may not write, so these are all theirs to see.
      scopeKey = importScopeKey(input.access, orgs);
      const taken = await s.all(`SELECT "id" FROM "Import" WHERE "fileHash" = ? AND "scopeKey" = ?`, [digest, scopeKey]);
      if (taken.length) throw new Duplicate();
      await s.run(
        `UPDATE "Import" SET "fileName" = ?, "fileHash" = ?, "scopeKey" = ?, "bytes" = ?, "rows" = ?, "accepted" = ?, "rejected" = ?, "serversCreated" = ?, "serversUpdated" = ?, "indicators" = ?, "errors" = ? WHERE "id" = ?`,
        [fileName, digest, scopeKey, bytes, summary.rows, summary.accepted, rejected, summary.serversCreated, summary.serversUpdated, summary.indicators, JSON.stringify(errors), importId],
      );
      return summary;
    });
    if (summary.accepted >= ANALYZE_AFTER_ROWS) await refreshPlannerStatistics();
    // The import may have created the organization a saved mapping is fixed to.
    if (summary.serversCreated > 0) await bindPendingMappings();
    await auditUpload(input.access, summary, digest);
    return summary;
  } catch (err) {
    if (err instanceof Duplicate) {
      const earlier = { ...(await findImport(digest, scopeKey))!, duplicate: true };
      await auditUpload(input.access, earlier, digest);
      return earlier;
    }
    if (scopeKey && isUniqueViolation(err)) {
      // A concurrent upload of the same bytes into the same organizations committed first.
      const existing = await findImport(digest, scopeKey);
      if (existing) return { ...existing, duplicate: true };
    }
    throw err;
  }
}

function auditUpload(access: Access, summary: ImportSummary, fileHash: string): Promise<void> {
  const { id, format, rows, accepted, rejected, serversCreated, serversUpdated, indicators, duplicate } = summary;
  const detail = { importId: id, fileHash, format, rows, accepted, rejected, serversCreated, serversUpdated, indicators, duplicate };
  return recordAudit(access, "upload", summary.fileName, detail);
}

function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ImportFileError) return new AppError(err.code === "empty_file" ? 400 : 422, err.code, err.message, err.details);
  throw err;
}

// Only the mappings the caller may use: another organization's would name it.
async function withFittingMappings(access: Access, err: ImportFileError): Promise<ImportFileError> {
  const details = err.details as { header: string[] };
  const mappings = await fittingMappings(access, details.header);
  return new ImportFileError(err.code, err.message, { ...details, mappings });
}

function uploadReading(options: ImportOptions, mapping: ColumnMappingSpec | null): string | null {
  const given = {
    ...(options.scannedAt ? { scannedAt: options.scannedAt.toISOString() } : {}),
    ...(options.format !== "auto" ? { format: options.format } : {}),
    ...(mapping ? { mapping } : {}),
  };
  return Object.keys(given).length > 0 ? JSON.stringify(given) : null;
}
