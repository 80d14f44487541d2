import { can, type Access } from "../../domain/access";
import { AppError, databaseUnavailable } from "../../errors";
import { isDatabaseUnavailable, lastLine } from "../database-unavailable";
import { ImportFileError } from "../../import/import-file-error";
import { planImports, type UploadFile } from "../../import/plan-imports";
import type { DryRunSummary, ImportSummary } from "../../views";
import { commitImport } from "./import-commit";
import { dryRunImport } from "./import-dry-run";
import { JobReader, type ImportOptions, type ImportProgress, type JobContext, type UploadProgress } from "./import-job";
import { saveMappingForHeader } from "./mappings";
import { recordImportFailure } from "../webhooks/enqueue";

export { uploadTooLarge } from "./import-job";
export type { ImportOptions, ImportProgress, UploadProgress };

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

export interface ImportOutcome<S = ImportSummary> {
  /** the imports committed (or, in a dry run, read), in upload order (a duplicate is answered with the earlier import) */
  imports: S[];
  /** why the import after them failed; nothing of that file was stored, nor of any file after it */
  failure: AppError | null;
  /** a dry run: nothing was written */
  dryRun?: true;
}

/**
 * Imports the files of one upload, one import after another: each file on its own, except consecutive
 * Test-ProxyLogon files, which are one run. Stops at the first import that fails.
 */
export function importScans(input: ImportScansInput): Promise<ImportOutcome> {
  return eachImport(
    input,
    async (reader, ctx) => {
      const choice = ctx.options.mapping;
      if (choice && "saveAs" in choice && choice.saveAs && ctx.index === 0) {
        await saveMappingForHeader(input.access, choice.saveAs, reader.mapping!, reader.head);
      }
      return commitImport(reader, { access: input.access, origin: input.origin, tokenId: input.tokenId ?? null, now: ctx.now });
    },
    // After the failed file's transaction was rolled back: the import.failed webhook event, in a transaction of its own.
    (failure, fileName) => recordImportFailure(input.access, failure, { fileName, origin: input.origin }),
  );
}

/**
 * The same upload read the same way, with nothing written (`?dryRun=1`): the summaries it would answer, and the
 * organizations it would create. A mapping to save is not saved.
 */
export async function checkScans(input: ImportScansInput): Promise<ImportOutcome<DryRunSummary>> {
  return { ...(await eachImport(input, (reader) => dryRunImport(reader, input.access))), dryRun: true };
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

async function eachImport<S>(
  input: ImportScansInput,
  run: (reader: JobReader, ctx: JobContext) => Promise<S>,
  onFailure?: (failure: AppError, fileName: string | null) => Promise<void>,
): Promise<ImportOutcome<S>> {
  if (!can.write(input.access)) {
    return { imports: [], failure: new AppError(403, "forbidden", "Client viewers can look but not upload scans.") };
  }
  const options: ImportOptions = { format: "auto", organization: null, scannedAt: null, mapping: null, ...input.options };
  const imports: S[] = [];
  // One limit for the whole upload, not one per file: many files below it must not add up past it.
  const budget = { bytes: 0 };
  let index = 0;
  let fileName: string | null = null;
  try {
    for await (const job of planImports(input.files)) {
      fileName = job.first.name;
      const ctx: JobContext = { access: input.access, options, maxBytes: input.maxBytes, budget, index: index++, now: input.now ?? new Date(), onProgress: input.onProgress };
      imports.push(await run(await JobReader.open(job, ctx), ctx));
      fileName = null;
    }
    return { imports, failure: null };
  } catch (err) {
    const failure = asAppError(err);
    // With the database away there is nowhere to record the failure (its webhook event): the answer says it all.
    if (failure.code !== "database_unavailable") await onFailure?.(failure, fileName);
    return { imports, failure };
  }
}

function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) {
    // The file's transaction is gone with its connection, so nothing of it is stored; the client may send it again.
    console.error(`Import stopped, database unavailable: ${lastLine(err)}`);
    return databaseUnavailable();
  }
  if (err instanceof ImportFileError) return new AppError(err.code === "empty_file" ? 400 : 422, err.code, err.message, err.details);
  throw err;
}
