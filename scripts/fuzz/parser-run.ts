// One fuzz input straight into the reader layer the import uses (lib/import: detection, then readImportRecords with
// the target's parser), cut into pieces of the recipe's size. Allowed: rows and line-numbered rejections, or the file
// refused with an ImportFileError / AppError. Anything else thrown is a crash, and a row the writer could not store
// (no hostname, an invalid date) a bad record.
import { AppError } from "../../lib/errors";
import { ImportFileError } from "../../lib/import/import-file-error";
import { MAX_HOSTNAME_CHARS, MAX_ORGANIZATION_CHARS } from "../../lib/import/limits";
import { detectFile, type DetectedFile, type ImportJob } from "../../lib/import/plan-imports";
import { readImportRecords, resolveFormat, type ColumnMappingSpec, type RowRecord } from "../../lib/import/read-records";
import type { ScanRowInput } from "../../lib/import/scan-row";
import { FuzzFailure, type ParserOutcome } from "./outcome";
import type { FuzzInput } from "./recipe";

// The reader's "now": after every sample's scan time, so rows are not rejected for being in the future.
export const FUZZ_NOW = new Date("2021-06-01T00:00:00Z");

async function* pieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function runParser(input: FuzzInput): Promise<ParserOutcome> {
  const started = performance.now();
  const { target } = input;
  const mapping = (target.mappingSpec as ColumnMappingSpec | null) ?? null;
  let accepted = 0;
  let rejected = 0;
  try {
    const detected: DetectedFile[] = [];
    for (const f of input.files) detected.push(await detectFile({ name: f.name, stream: pieces(f.bytes, input.chunk) }));
    if (detected.length === 0) return { accepted, rejected, refused: "no_files", ms: performance.now() - started };
    // Detection as an upload without format= goes through it; its answer is allowed to be a refusal.
    try {
      resolveFormat(detected[0], { format: "auto", mapping });
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
    }
    const job: ImportJob = { first: detected[0], names: detected.map((d) => d.name ?? "upload"), files: replay(detected) };
    const options = { organization: target.organization, scannedAt: null, now: FUZZ_NOW, format: target.format, mapping };
    for await (const record of readImportRecords(job, target.format, target.zip, options)) {
      checkRecord(record);
      if ("error" in record) rejected += record.line > 0 ? 1 : 0;
      else accepted++;
    }
    return { accepted, rejected, refused: null, ms: performance.now() - started };
  } catch (err) {
    if (err instanceof ImportFileError || err instanceof AppError) return { accepted, rejected, refused: err.code, ms: performance.now() - started };
    if (err instanceof FuzzFailure) throw err;
    throw new FuzzFailure("crash", `the reader threw ${describeError(err)}`, (err as Error)?.stack);
  }
}

async function* replay(files: DetectedFile[]): AsyncGenerator<DetectedFile> {
  yield* files;
}

function checkRecord(record: RowRecord): void {
  if (!Number.isInteger(record.line) || record.line < 0) throw bad(`a record with line ${String(record.line)}`, record);
  if ("error" in record) {
    if (typeof record.error !== "string" || record.error.trim() === "") throw bad("a rejection without a reason", record);
    return;
  }
  const problem = rowProblem(record.row);
  if (problem !== null) throw bad(`line ${record.line}: ${problem}`, record);
}

// What the import writer needs of a row: a server's name and organization within their limits, a real time.
function rowProblem(row: ScanRowInput): string | null {
  if (typeof row.hostname !== "string" || row.hostname.trim() === "") return "a row without a hostname";
  if (row.hostname.length > MAX_HOSTNAME_CHARS) return `a hostname of ${row.hostname.length} characters`;
  if (typeof row.organization !== "string" || row.organization.trim() === "") return "a row without an organization";
  if (row.organization.length > MAX_ORGANIZATION_CHARS) return `an organization of ${row.organization.length} characters`;
  if (!storable(row.scannedAt)) return `a scan time the databases cannot store (${String(row.scannedAt)})`;
  if ([row.hostname, row.organization, row.ipAddress ?? "", ...row.indicators].some(hasNul)) return "a NUL, which PostgreSQL cannot store";
  for (const f of row.findings ?? []) {
    if (f.seenAt !== null && !storable(f.seenAt)) return `a finding's time the databases cannot store (${String(f.seenAt)})`;
    if (hasNul(f.type) || hasNul(f.detail)) return "a finding with a NUL, which PostgreSQL cannot store";
  }
  return null;
}

const hasNul = (text: string) => text.includes("\u0000");

// PostgreSQL's timestamp has no year 0 and no five-digit years (SQLite keeps any text, and reads it back wrong).
const storable = (time: unknown) => time instanceof Date && time.getUTCFullYear() >= 1 && time.getUTCFullYear() <= 9999;

function bad(what: string, record: RowRecord): FuzzFailure {
  return new FuzzFailure("bad-record", `the reader yielded ${what}`, JSON.stringify(record).slice(0, 2000));
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message.slice(0, 300)}`;
  return String(err).slice(0, 300);
}
