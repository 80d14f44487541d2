// The canonical scan CSV: one row per server scan. Parsed as a stream so memory stays flat whatever the
// file size; a bad row is reported with its line and skipped, a bad file is rejected with ImportFileError.
// Any other CSV with a header row is read by the same code through a column mapping.
import { isIP } from "node:net";
import { pipeline, Readable } from "node:stream";
import { CsvError, Parser, type Options } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { ImportFileError } from "./import-file-error";
import { SNIFF_BYTES, sniffEncoding, type TextEncoding } from "./text-decode";

export interface CanonicalRow {
  organization: string;
  hostname: string;
  ipAddress: string | null;
  build: string;
  scannedAt: Date;
  indicators: string[];
  mitigation: "eomt" | null;
}

export type ParsedRecord = { line: number; row: CanonicalRow } | { line: number; error: string };

// toRecord reads the header's column indexes by position in this list.
export const CANONICAL_COLUMNS = [
  "organization", "hostname", "ip_address", "exchange_build", "scanned_at", "indicators", "mitigation",
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];
export const REQUIRED_COLUMNS = ["organization", "hostname", "exchange_build", "scanned_at"] as const;

// How to read a file that is not canonical CSV: the header name (matched trimmed, case-insensitive) that gives
// each canonical column, and values for every row of the file. A fixed value wins over a mapped column.
export interface CsvColumnMapping {
  columns: Partial<Record<CanonicalColumn, string>>;
  fixed?: { organization?: string; scannedAt?: Date };
}

// What the uploader said about the whole file ("it is all client X, scanned at T"): replaces every row's value,
// whatever the file or the mapping says.
export interface RowOverrides {
  organization?: string;
  scannedAt?: Date;
}

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
const MAX_ORGANIZATION_LENGTH = 200;
const MAX_HOSTNAME_LENGTH = 255;
// Not in the format's rules, but no Exchange scan predates 2000: an earlier date is a typo (0021 for 2021),
// and importing it would stretch every trend chart back centuries. Also spares Date.UTC's 0-99 => 19xx quirk.
const EARLIEST_SCAN_MS = Date.UTC(2000, 0, 1);
const BUILD_PATTERN = /^\d{1,5}(\.\d{1,5}){2,3}$/;
// RFC 3339 style: a date alone, or a date-time that says which time zone it is in. Only the shape is checked
// with it: reading the numbers from fixed positions is several times faster than from capture groups.
const ISO_SHAPE = /^\d{4}-\d\d-\d\d(?:[Tt]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d\d:?\d\d))?$/;
const RECORD_DELIMITERS = ["\r\n", "\n", "\r"];

// "Exchange Build", "exchange-build" and "EXCHANGE_BUILD" all name the same column.
const normalizeName = (name: string) => name.replace(/[\s_-]+/g, "").toLowerCase();
const COLUMN_BY_KEY = new Map<string, string>(CANONICAL_COLUMNS.map((c) => [normalizeName(c), c]));

export function matchCanonicalHeader(
  header: string[],
): { ok: true; columns: Record<string, number> } | { ok: false; missing: string[] } {
  const columns: Record<string, number> = {};
  header.forEach((name, index) => {
    const column = COLUMN_BY_KEY.get(normalizeName(name));
    // A repeated column is ambiguous; taking the first keeps the choice predictable.
    if (column !== undefined && !(column in columns)) columns[column] = index;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !(c in columns));
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns };
}

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
  try {
    for await (const batch of parser as AsyncIterable<RawRecord[]>) {
      for (const { line, fields } of batch) {
        if (header !== null) {
          yield toRecord(fields, line, header.length, columns, latestMs, organization, scannedAt);
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

// How a header row is read, and the values that replace a column in every row.
interface HeaderRule {
  // Column indexes in CANONICAL_COLUMNS order (-1 where the file has none), or why the row is not the header.
  match(fields: string[]): number[] | ImportFileError;
  // The first row could not be read at all; `why` says more, or is "".
  unreadable(why: string): ImportFileError;
  organization: string | null;
  // As ISO 8601 text: toRecord reads and checks it like a file's value.
  scannedAt: string | null;
}

function headerRule(options: ParseCanonicalCsvOptions): HeaderRule {
  const { mapping, overrides } = options;
  const delimiter = options.delimiter ?? ",";
  if (delimiter === "" || /[\r\n"]/.test(delimiter)) throw new TypeError(`parseCanonicalCsv: ${JSON.stringify(delimiter)} cannot be a delimiter`);
  const organization = givenText(overrides?.organization) ?? givenText(mapping?.fixed?.organization);
  const scannedAt = isoText(overrides?.scannedAt ?? mapping?.fixed?.scannedAt);
  if (mapping === undefined) {
    return {
      match(fields) {
        const match = matchCanonicalHeader(fields);
        return match.ok ? CANONICAL_COLUMNS.map((c) => match.columns[c] ?? -1) : noHeader(fields, match.missing, "", delimiter);
      },
      unreadable: (why) => noHeader(null, REQUIRED_COLUMNS, why, delimiter),
      organization,
      scannedAt,
    };
  }

  const names = CANONICAL_COLUMNS.map((c) => givenText(mapping.columns[c]));
  const unmapped = CANONICAL_COLUMNS.filter((c, i) => {
    if (c === "organization") return names[i] === null && organization === null;
    if (c === "scanned_at") return names[i] === null && scannedAt === null;
    return names[i] === null && (c === "hostname" || c === "exchange_build");
  });
  if (unmapped.length > 0) {
    throw new ImportFileError(
      "mapping_incomplete",
      `The column mapping gives no source for ${unmapped.join(", ")}: hostname and exchange_build must be mapped to ` +
        "columns of the file, organization and scanned_at to a column or a fixed value.",
      { missing: unmapped },
    );
  }
  const wanted = [...new Set(names.filter((n) => n !== null))];
  return {
    match(fields) {
      const index = new Map<string, number>();
      // A repeated header name is ambiguous; as for canonical columns, the first one counts.
      fields.forEach((name, i) => {
        const key = name.trim().toLowerCase();
        if (!index.has(key)) index.set(key, i);
      });
      const missing = wanted.filter((name) => !index.has(name.toLowerCase()));
      if (missing.length > 0) return mappingMismatch(missing, fields);
      return names.map((name) => (name === null ? -1 : (index.get(name.toLowerCase()) as number)));
    },
    unreadable: (why) => mappingMismatch(wanted, null, why),
    organization,
    scannedAt,
  };
}

// Trimmed; null when missing or blank.
function givenText(value: string | undefined): string | null {
  const text = value?.trim();
  return text === undefined || text === "" ? null : text;
}

function isoText(date: Date | undefined): string | null {
  if (date === undefined) return null;
  if (Number.isNaN(date.getTime())) throw new TypeError("parseCanonicalCsv: scannedAt is an invalid Date");
  return date.toISOString();
}

// Which single-character delimiter a header line uses: the one splitting it into the most non-empty fields,
// the comma on a tie. Parsed as CSV, so quoted names ("Name; Inc") do not count.
const DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

export function detectDelimiter(headerLine: string): CsvDelimiter {
  let best: CsvDelimiter = ",";
  let most = -1;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    try {
      const [fields = []] = parseSync(headerLine, {
        delimiter, relax_quotes: true, relax_column_count: true, record_delimiter: RECORD_DELIMITERS, to: 1,
      }) as string[][];
      for (const field of fields) if (field.trim() !== "") count++;
    } catch {
      // e.g. a quote closed before another delimiter: not this one
    }
    if (count > most) {
      best = delimiter;
      most = count;
    }
  }
  return best;
}

// Windows PowerShell 5.1's Export-Csv starts the file with "#TYPE System.Management.Automation.PSCustomObject".
export const isPowerShellTypeRow = (fields: string[]) => fields.length === 1 && /^#TYPE\b/i.test(fields[0].trim());

// The header line of decoded text: the first line not blank and not PowerShell's #TYPE line.
export function firstHeaderLine(text: string): string | null {
  let skippedType = false;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.trim() === "") continue;
    if (!skippedType && isPowerShellTypeRow([line])) {
      skippedType = true;
      continue;
    }
    return line;
  }
  return null;
}

// Streaming even for one call: Node takes a Latin-1 shortcut for a windows-1252 decoder's non-streaming calls,
// which turns € and typographic quotes into C1 controls (see decodeText). A character cut at the end is dropped.
export const decodeHead = (bytes: Uint8Array, encoding: TextEncoding) => new TextDecoder(encoding).decode(bytes, { stream: true });

interface Head {
  bytes: Buffer;
  // The source ended within the head.
  done: boolean;
}

async function readHead(chunks: AsyncIterator<Buffer | string>): Promise<Head> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done === true) return { bytes: Buffer.concat(parts), done: true };
    const value: Uint8Array | string = next.value;
    const chunk = typeof value === "string" ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    parts.push(chunk);
    size += chunk.length;
  }
  return { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts), done: false };
}

async function* afterHead(head: Head, chunks: AsyncIterator<Buffer | string>, encoding: TextEncoding) {
  try {
    if (encoding === "utf-8") {
      if (head.bytes.length > 0) yield head.bytes;
      if (head.done) return;
      for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
      return;
    }
    // The decoder drops a byte order mark and keeps characters cut between chunks for the next one.
    const decoder = new TextDecoder(encoding);
    let text = decoder.decode(head.bytes, { stream: true });
    if (text !== "") yield text;
    if (!head.done) {
      for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
        text = typeof next.value === "string" ? next.value : decoder.decode(next.value, { stream: true });
        if (text !== "") yield text;
      }
    }
    text = decoder.decode();
    if (text !== "") yield text;
  } finally {
    // Stops the source when the parser stops early: the consumer left, or the file failed.
    await closeSource(chunks);
  }
}

// Its own failure must not hide the error that ended the parse.
async function closeSource(chunks: AsyncIterator<unknown>): Promise<void> {
  try {
    await chunks.return?.();
  } catch {
    // already failed: that error is the one reported
  }
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

// Written without closures or destructuring: it runs once per row and is most of the parser's own cost.
// A non-null fixedOrganization / fixedScannedAt stands in for the row's own value (and is checked like it).
function toRecord(
  fields: string[],
  line: number,
  width: number,
  columns: number[],
  latestMs: number,
  fixedOrganization: string | null,
  fixedScannedAt: string | null,
): ParsedRecord {
  if (fields.length !== width) return { line, error: `Expected ${width} fields as in the header, found ${fields.length}.` };
  // Required columns have an index or a fixed value; optional ones are -1 when the header lacks them.
  const organization = fixedOrganization ?? fields[columns[0]].trim();
  const hostname = fields[columns[1]].trim();
  const ip = columns[2] === -1 ? "" : fields[columns[2]].trim();
  const build = fields[columns[3]].trim();
  const scanned = fixedScannedAt ?? fields[columns[4]].trim();
  const indicators = columns[5] === -1 ? "" : fields[columns[5]].trim();
  const mitigation = columns[6] === -1 ? "" : fields[columns[6]].trim().toLowerCase();
  const problems: string[] = [];

  if (organization === "") problems.push("organization is missing");
  else if (organization.length > MAX_ORGANIZATION_LENGTH) {
    problems.push(`organization is longer than ${MAX_ORGANIZATION_LENGTH} characters`);
  }
  if (hostname === "") problems.push("hostname is missing");
  else if (hostname.length > MAX_HOSTNAME_LENGTH) problems.push(`hostname is longer than ${MAX_HOSTNAME_LENGTH} characters`);
  if (ip !== "" && isIP(ip) === 0) problems.push(`ip_address ${quote(ip)} is not an IPv4 or IPv6 address`);
  if (build === "") problems.push("exchange_build is missing");
  else if (!BUILD_PATTERN.test(build)) problems.push(`exchange_build ${quote(build)} is not a build number such as 15.1.2176.9`);

  const scannedMs = scanned === "" ? null : parseIsoTimestamp(scanned);
  if (scanned === "") problems.push("scanned_at is missing");
  else if (scannedMs === null) {
    problems.push(
      `scanned_at ${quote(scanned)} is not an ISO 8601 date (2021-03-09) or date-time with Z or an offset (2021-03-10T09:00:00+01:00)`,
    );
  } else if (Number.isNaN(scannedMs)) problems.push(`scanned_at ${quote(scanned)} is not a valid date`);
  else if (scannedMs > latestMs) problems.push(`scanned_at ${quote(scanned)} is in the future`);
  else if (scannedMs < EARLIEST_SCAN_MS) problems.push(`scanned_at ${quote(scanned)} is before 2000`);

  // url-rewrite is what EOMT applies, and what some scripts call it.
  if (mitigation !== "" && mitigation !== "eomt" && mitigation !== "url-rewrite") {
    problems.push(`mitigation ${quote(fields[columns[6]].trim())} is not recognised; use eomt, url-rewrite or leave it empty`);
  }

  if (problems.length > 0) return { line, error: `${problems.join("; ")}.` };
  return {
    line,
    row: {
      organization,
      hostname,
      ipAddress: ip === "" ? null : ip,
      build,
      scannedAt: new Date(scannedMs as number),
      indicators: indicators === "" ? [] : indicators.split(";").map((s) => s.trim()).filter((s) => s !== ""),
      mitigation: mitigation === "" ? null : "eomt",
    },
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Two ASCII digits at position i (the shape was checked first).
const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

// Epoch milliseconds; null when the text has the wrong shape, NaN when it names a date that does not exist.
function parseIsoTimestamp(s: string): number | null {
  if (!ISO_SHAPE.test(s)) return null;
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return NaN;
  let hour = 0, minute = 0, second = 0, millis = 0, offset = 0;
  if (s.length > 10) {
    hour = twoDigits(s, 11);
    minute = twoDigits(s, 14);
    let i = 16;
    if (s.charCodeAt(i) === 58 /* : */) {
      second = twoDigits(s, 17);
      i = 19;
      if (s.charCodeAt(i) === 46 /* . */) {
        for (let scale = 100, c = s.charCodeAt(++i) - 48; c >= 0 && c <= 9; c = s.charCodeAt(++i) - 48, scale /= 10) {
          millis += c * scale;
        }
        millis = Math.floor(millis);
      }
    }
    const sign = s.charCodeAt(i);
    if (sign === 43 /* + */ || sign === 45 /* - */) {
      const offsetHours = twoDigits(s, i + 1);
      const offsetMinutes = twoDigits(s, s.charCodeAt(i + 3) === 58 ? i + 4 : i + 3);
      if (offsetHours > 23 || offsetMinutes > 59) return NaN;
      offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
    }
    if (hour > 23 || minute > 59 || second > 59) return NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}

const quote = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

const DELIMITER_NAMES: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes (|)" };
const delimiterName = (delimiter: string) => DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter);

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
// The control characters of binary files replaced (tabs stay: shown as \t, they explain themselves). C1 controls
// are what windows-1252 makes of the few bytes it leaves undefined.
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, "\ufffd");
// A row as text for a message, cut to about 200 characters.
const shown = (fields: string[], delimiter: string) => cut(printable(fields.join(delimiter)), 200);

// The first row is not a header.
function noHeader(first: string[] | null, missing: readonly string[], unreadable: string, delimiter: string): ImportFileError {
  let found: string | null = null;
  let seen = `The first row could not be read as CSV${unreadable}.`;
  if (first !== null) {
    found = shown(first, delimiter);
    seen = `Found: ${JSON.stringify(found)} (missing ${missing.join(", ")}).`;
    // One field: the file likely separates its columns with something else (a German Excel's semicolons).
    const used = first.length === 1 ? detectDelimiter(first[0]) : delimiter;
    if (used !== delimiter) {
      seen += ` Columns must be separated by ${delimiterName(delimiter)}; this file seems to use ${delimiterName(used)}.`;
    }
  }
  const optional = CANONICAL_COLUMNS.filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c));
  return new ImportFileError(
    "no_header",
    `No canonical CSV header: the first row must name the columns ${REQUIRED_COLUMNS.join(", ")} ` +
      `(optional: ${optional.join(", ")}). ${seen}`,
    { found, missing, required: REQUIRED_COLUMNS },
  );
}

// The header lacks names the mapping gives (header: null when the first row could not be read).
function mappingMismatch(missing: string[], header: string[] | null, unreadable = ""): ImportFileError {
  const names = missing.map((name) => JSON.stringify(name)).join(", ");
  // Cut as in no_header's message: the "header" of a binary file can be a megabyte.
  const found = header === null ? [] : header.slice(0, 200).map((name) => cut(name.trim(), 200));
  const seen =
    header === null
      ? `The first row could not be read as CSV${unreadable}.`
      : `The header has the columns ${cut(found.map((name) => JSON.stringify(name)).join(", "), 300)}.`;
  return new ImportFileError(
    "mapping_mismatch",
    `The file does not fit the column mapping: it has no column ${names}. ${printable(seen)}`,
    { missing, header: found },
  );
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
