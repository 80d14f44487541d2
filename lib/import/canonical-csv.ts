// The canonical scan CSV: one row per server scan. Parsed as a stream so memory stays flat whatever the
// file size; a bad row is reported with its line and skipped, a bad file is rejected with ImportFileError.
// Any other CSV with a header row is read by the same code through a column mapping.
// Its parts: the header and delimiter in csv-header.ts, the encoding in csv-encoding.ts, a row's checks in canonical-row.ts.
import { pipeline, Readable } from "node:stream";
import { CsvError, Parser, type Options } from "csv-parse";
import { toRecord, type ParsedRecord } from "./canonical-row";
import { afterHead, closeSource, decodeHead, readHead, type Head } from "./csv-encoding";
import {
  detectDelimiter, firstHeaderLine, headerRule, isPowerShellTypeRow, RECORD_DELIMITERS,
  type CsvColumnMapping, type HeaderRule, type RowOverrides,
} from "./csv-header";
import { ImportFileError } from "./import-file-error";
import { ServerCounter } from "./limits";
import { sniffEncoding } from "./text-decode";

export interface ParseCanonicalCsvOptions {
  // Rows scanned later than this (plus CLOCK_SKEW_MS) are rejected. Default: the current time.
  now?: Date;
  // A record larger than this aborts the file: past it, the "CSV" is almost certainly not CSV.
  maxRecordBytes?: number;
  // Without one, the header must name the canonical columns.
  mapping?: CsvColumnMapping;
  // Default: "," for canonical CSV; with a mapping, the one detectDelimiter() finds in the header line.
  delimiter?: string;
  // A blank organization counts as not given, here and in the mapping's fixed values.
  overrides?: RowOverrides;
}

// Scanners' clocks drift; a few minutes ahead of the server is not a sign of a bad row.
const CLOCK_SKEW_MS = 5 * 60_000;
const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

export async function* parseCanonicalCsv(
  source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
  options: ParseCanonicalCsvOptions = {},
): AsyncGenerator<ParsedRecord> {
  const latestMs = (options.now ?? new Date()).getTime() + CLOCK_SKEW_MS;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const chunks = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let rule: HeaderRule;
  let head: Head;
  try {
    rule = headerRule(options);
    head = await readHead(chunks);
  } catch (err) {
    await closeSource(chunks);
    throw err;
  }
  // UTF-16 by its byte order mark (Windows PowerShell 5.1, Excel's "Unicode text"); else UTF-8, or windows-1252
  // when the first 64 KB are not valid UTF-8 (Excel's "CSV" and older tools write the ANSI code page).
  const encoding = sniffEncoding(head.bytes, head.done);
  let delimiter = options.delimiter ?? ",";
  if (options.delimiter === undefined && options.mapping !== undefined) {
    const line = firstHeaderLine(decodeHead(head.bytes, encoding));
    if (line !== null) delimiter = detectDelimiter(line);
  }
  const parser = new BatchingParser({
    bom: true,
    delimiter,
    // Stray quotes inside unquoted fields (12" rack) stay text; only an unclosed quoted field fails the file.
    relax_quotes: true,
    // Field counts are checked per row, so a short row is rejected instead of failing the file.
    relax_column_count: true,
    // Listed explicitly so files concatenated from Windows and Unix parts still split on every line ending.
    record_delimiter: RECORD_DELIMITERS,
    max_record_size: maxRecordBytes,
    // Read by stream.Transform, not csv-parse: a couple of batches ahead of the consumer is enough.
    readableHighWaterMark: 2,
  } as Options);
  // UTF-8 goes to csv-parse as bytes; only other encodings get a decoding step. Byte mode, as a file stream:
  // object mode would read 16 chunks ahead.
  const input = Readable.from(afterHead(head, chunks, encoding), { objectMode: false });
  // Errors of either stream reach the loop below: pipeline destroys the parser with them.
  pipeline(input, parser, () => {});

  let header: string[] | null = null;
  let columns: number[] = [];
  const { organization, scannedAt } = rule;
  // The import keeps an id per server until the file is committed: their number is bounded too.
  const servers = new ServerCounter();
  try {
    for await (const batch of parser as AsyncIterable<RawRecord[]>) {
      for (const { line, fields } of batch) {
        if (header !== null) {
          const record = toRecord(fields, line, header.length, columns, latestMs, organization, scannedAt);
          if ("row" in record) servers.add(record.row.organization, record.row.hostname, line);
          yield record;
          continue;
        }
        const match = rule.match(fields);
        if (match instanceof ImportFileError) throw match;
        header = fields;
        columns = match;
      }
    }
  } catch (err) {
    throw fileError(err, header ?? parser.firstRecord, parser.nextLine, maxRecordBytes, rule);
  } finally {
    parser.destroy();
  }
  if (header === null) throw new ImportFileError("empty_file", "The file is empty.");
}

interface RawRecord {
  line: number;
  fields: string[];
}

// Hands records on in arrays of up to BATCH: per-object stream overhead was a third of the parse time.
// Counts physical lines itself, as records leave csv-parse, because csv-parse counts a CRLF inside quotes as
// two lines; counting here also keeps nextLine right when a record fails while earlier ones are still queued.
const BATCH = 1000;
class BatchingParser extends Parser {
  nextLine = 1;
  // The would-be header. When csv-parse fails, queued batches are dropped, and what the error means
  // depends on whether the file had a header.
  firstRecord: string[] | null = null;
  private batch: RawRecord[] = [];

  override push(chunk: unknown): boolean {
    if (chunk === null) {
      this.flushBatch();
      return super.push(null);
    }
    const fields = chunk as string[];
    const line = this.nextLine;
    this.nextLine += 1 + lineBreaksIn(fields);
    if (isBlank(fields)) return true;
    if (this.firstRecord === null) {
      if (isPowerShellTypeRow(fields)) return true;
      this.firstRecord = fields;
    }
    this.batch.push({ line, fields });
    return this.batch.length < BATCH || this.flushBatch();
  }

  private flushBatch(): boolean {
    if (this.batch.length === 0) return true;
    const batch = this.batch;
    this.batch = [];
    return super.push(batch);
  }
}

// Blank lines, and rows of only separators (spreadsheets leave them after the data), carry nothing.
function isBlank(fields: string[]): boolean {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}

function lineBreaksIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.indexOf("\n") === -1 && field.indexOf("\r") === -1) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  return count;
}

// Maps csv-parse's errors to ImportFileError; errors of the source (an upload limit, a lost connection) pass.
function fileError(err: unknown, first: string[] | null, line: number, maxRecordBytes: number, rule: HeaderRule): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (!(err instanceof CsvError) && !(typeof code === "string" && /^(CSV_|INVALID_OPENING_QUOTE)/.test(code))) return err;
  const tooLarge = code === "CSV_MAX_RECORD_SIZE";
  if (first === null) return rule.unreadable(tooLarge ? ` (it is longer than ${maxRecordBytes} bytes)` : "");
  const match = rule.match(first);
  if (match instanceof ImportFileError) return match;
  if (tooLarge) {
    const message = `Line ${line}: the record is larger than the limit of ${maxRecordBytes} bytes; the file was not imported.`;
    return new ImportFileError("record_too_large", message, { line, maxRecordBytes });
  }
  const reason = code === "CSV_QUOTE_NOT_CLOSED" ? "a quoted field is never closed" : "the quoting is invalid";
  const message = `Line ${line}: malformed CSV, ${reason}; the file was not imported.`;
  return new ImportFileError("malformed_csv", message, { line, csvCode: code });
}
