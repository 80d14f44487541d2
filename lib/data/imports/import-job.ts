// One import's file(s) as the import and its dry run both read them: the format resolved, the bytes counted against
// the upload's limit and hashed, progress reported, and the rows handed to a writer in batches.
import { createHash, type Hash } from "node:crypto";
import type { Access } from "../../domain/access";
import { AppError } from "../../errors";
import { ImportFileError } from "../../import/import-file-error";
import type { DetectedFile, ImportJob } from "../../import/plan-imports";
import { readImportRecords, resolveFormat, type ColumnMappingSpec, type ImportFormat, type ReadOptions } from "../../import/read-records";
import type { ImportError } from "../../views";
import type { ScanRowInput } from "./import-writer";
import { fittingMappings, resolveMapping, type MappingChoice } from "./mappings";

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

/** What reading an import needs from its upload. */
export interface JobContext {
  access: Access;
  options: ImportOptions;
  /** for all files of the upload together */
  maxBytes: number;
  /** bytes of the upload read so far, by every import of it */
  budget: { bytes: number };
  index: number;
  now: Date;
  onProgress?: (p: UploadProgress) => void;
}

export interface RowsRead {
  rows: number;
  rejected: number;
  errors: ImportError[];
}

const BATCH = 2000;
const MAX_STORED_ERRORS = 1000;
const MAX_FILE_NAME = 500;

/** The one answer to an upload over the limit, wherever it is found out. */
export function uploadTooLarge(maxBytes: number): AppError {
  return new AppError(413, "payload_too_large", `The upload is larger than the limit of ${Math.round(maxBytes / 1048576)} MB.`);
}

/** An import's files opened for reading: read the rows once with `readRows`, then take `digest()`. */
export class JobReader {
  readonly format: ImportFormat;
  readonly mapping: ColumnMappingSpec | null;
  private zip: boolean;
  private hash: Hash = createHash("sha256");
  private tapped: ImportJob;
  private lastReport = 0;
  bytes = 0;
  rows = 0;

  private constructor(
    private job: ImportJob,
    private ctx: JobContext,
    resolved: { format: ImportFormat; zip: boolean; mapping: ColumnMappingSpec | null },
  ) {
    ({ format: this.format, zip: this.zip, mapping: this.mapping } = resolved);
    // The same bytes read another way (another scan time, format or mapping) are another upload: a Test-ProxyLogon
    // re-run whose output did not change is still a new check on a new day. Plain uploads keep the bytes' hash.
    const readAs = uploadReading(ctx.options, this.mapping);
    if (readAs) this.hash.update(`${readAs}\u0000`);
    const first = { ...job.first, stream: this.counted(job.first) };
    const counted = (file: DetectedFile) => this.counted(file);
    this.tapped = {
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
  }

  static async open(job: ImportJob, ctx: JobContext): Promise<JobReader> {
    const mapping = ctx.options.mapping ? await resolveMapping(ctx.access, ctx.options.mapping) : null;
    try {
      return new JobReader(job, ctx, { ...resolveFormat(job.first, { format: ctx.options.format, mapping }), mapping });
    } catch (err) {
      if (err instanceof ImportFileError && err.code === "unmapped_header") throw await withFittingMappings(ctx.access, err);
      throw err;
    }
  }

  /** The header of the first file: what a mapping saved with this upload is made for. */
  get head(): Buffer {
    return this.job.first.head;
  }

  label(): string {
    const names = this.job.names;
    return (names.length === 1 ? names[0] : `${names[0]} (${names.length} files)`).slice(0, MAX_FILE_NAME);
  }

  digest(): string {
    return this.hash.digest("hex");
  }

  /** Sends a progress line at most every 200 ms (unless forced); true when it sent one. */
  report(phase: ImportProgress["phase"], force = false, servers?: { done: number; total: number }): boolean {
    const t = Date.now();
    if (!this.ctx.onProgress || (!force && t - this.lastReport < 200)) return false;
    this.lastReport = t;
    const extra = servers ? { servers: servers.done, serversTotal: servers.total } : {};
    this.ctx.onProgress({ index: this.ctx.index, file: this.label(), phase, rows: this.rows, bytes: this.bytes, ...extra });
    return true;
  }

  /** Reads every row, handing accepted ones to `write` in batches; the rejected ones are counted and kept (capped). */
  async readRows(write: (batch: ScanRowInput[]) => Promise<void>): Promise<RowsRead> {
    const readOptions: ReadOptions = { ...this.ctx.options, now: this.ctx.now, mapping: this.mapping };
    const errors: ImportError[] = [];
    let rejected = 0;
    let batch: ScanRowInput[] = [];
    let inflight: Promise<void> = Promise.resolve();
    for await (const rec of readImportRecords(this.tapped, this.format, this.zip, readOptions)) {
      if ("error" in rec) {
        // Line 0 is a note about the file (an ignored file, hosts that are not Exchange), not a row.
        if (rec.line > 0) {
          this.rows++;
          rejected++;
        }
        if (errors.length < MAX_STORED_ERRORS) errors.push({ line: rec.line, message: rec.error });
        continue;
      }
      this.rows++;
      batch.push(rec.row);
      if (batch.length >= BATCH) {
        // One batch in flight: the database writes it while the next one is parsed.
        await inflight;
        inflight = write(batch);
        inflight.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
        batch = [];
        this.report("writing");
      }
    }
    await inflight;
    await write(batch);
    return { rows: this.rows, rejected, errors };
  }

  // Several files of one run are hashed with their names, so the same run uploaded again is recognised, while one
  // file keeps the hash of its bytes alone.
  private async *counted(file: DetectedFile): AsyncGenerator<Buffer> {
    if (this.format === "test-proxylogon" && !this.zip) this.hash.update(`${file.name ?? ""}\u0000`);
    for await (const chunk of file.stream) {
      this.bytes += chunk.byteLength;
      this.ctx.budget.bytes += chunk.byteLength;
      if (this.ctx.budget.bytes > this.ctx.maxBytes) throw uploadTooLarge(this.ctx.maxBytes);
      this.hash.update(chunk);
      this.report("reading");
      yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  }
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
