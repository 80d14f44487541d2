// Reading Test-ProxyLogon's text files: rows streamed from csv-parse with
// their physical line numbers, and the date formats PowerShell writes. Pure helpers.
import { pipeline, Readable } from "node:stream";
import { CsvError, Parser, type Options } from "csv-parse";
import { toolTime } from "../limits";
import { decodeText } from "../text-decode";

export interface CsvRow {
  line: number;
  fields: string[];
}

// Rows of a CSV in any of PowerShell's encodings and delimiters; blank rows are skipped but counted.
// Throws csv-parse's CsvError when the file cannot be read further; `lineOf` then tells where it stopped.
export function csvRows(source: AsyncIterable<Uint8Array | string>, maxRecordChars: number) {
  let parser: LineCountingParser | null = null;
  async function* rows(): AsyncGenerator<CsvRow> {
    const { delimiter, text } = await sniffDelimiter(decodeText(source)[Symbol.asyncIterator]());
    parser = new LineCountingParser({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      max_record_size: maxRecordChars,
    } as Options);
    // Errors of either stream reach the loop below: pipeline destroys the parser with them.
    pipeline(Readable.from(text), parser, () => {});
    try {
      yield* parser as AsyncIterable<CsvRow>;
    } finally {
      parser.destroy();
    }
  }
  return { rows: rows(), lineOf: () => parser?.nextLine ?? 1 };
}

const DELIMITERS = [",", ";", "\t"];
const SNIFF_CHARS = 64 * 1024;

// Export-Csv writes commas, but -UseCulture and Excel in many European locales write semicolons, and a file
// read with the wrong delimiter still "parses": each row becomes one field, so dates, types and log ages are
// silently lost. The header row decides: a comma when it has one outside quotes, else the delimiter it has
// most of. Returns the text again, whole, with the delimiter.
async function sniffDelimiter(source: AsyncIterator<string>): Promise<{ delimiter: string; text: AsyncGenerator<string> }> {
  const held: string[] = [];
  let seen = 0;
  let line = "";
  let header: string | null = null;
  while (header === null && seen < SNIFF_CHARS) {
    const next = await source.next();
    if (next.done) break;
    const chunk = next.value;
    held.push(chunk);
    seen += chunk.length;
    let start = 0;
    for (let i = 0; i < chunk.length && header === null; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      line += chunk.slice(start, i);
      start = i + 1;
      // Blank lines and Windows PowerShell 5.1's "#TYPE <.NET type>" line come before the header.
      if (line.trim() !== "" && !line.trimStart().startsWith("#TYPE")) header = line;
      line = "";
    }
    if (header === null) line += chunk.slice(start);
  }
  const counts = DELIMITERS.map((d) => countOutsideQuotes(header ?? line, d));
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = counts[0] > 0 || counts[best] === 0 ? "," : DELIMITERS[best];
  async function* text(): AsyncGenerator<string> {
    try {
      yield* held;
      for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    } finally {
      await source.return?.();
    }
  }
  return { delimiter, text: text() };
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

// Counts physical lines as records leave csv-parse: its own count takes a CRLF inside quotes (event messages
// have them) for two lines, and records still queued when it fails are dropped, so counting at the consumer
// would name a line before the one that failed.
class LineCountingParser extends Parser {
  nextLine = 1;

  override push(chunk: unknown): boolean {
    if (chunk === null) return super.push(null);
    const fields = chunk as string[];
    const line = this.nextLine;
    this.nextLine += 1 + lineBreaksIn(fields);
    return fields.every((f) => f.trim() === "") || super.push({ line, fields });
  }
}

function lineBreaksIn(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.search(/[\r\n]/); i !== -1 && i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) count++;
    }
  }
  return count;
}

export function isCsvError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof CsvError || (typeof code === "string" && /^(CSV_|INVALID_OPENING_QUOTE)/.test(code));
}

export function csvErrorReason(err: unknown, maxRecordChars: number): string {
  const code = (err as { code?: unknown }).code;
  if (code === "CSV_MAX_RECORD_SIZE") return `the record is longer than ${maxRecordChars} characters`;
  if (code === "CSV_QUOTE_NOT_CLOSED") return "a quoted field is never closed";
  return "the quoting is invalid";
}

const ISO = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?([Zz]|[+-]\d\d:?\d\d)?$/;
// Export-Csv writes dates in the server's culture: 3/3/2021 3:12:44 AM (en-US), 03/03/2021 03:12:44 (en-GB),
// 03.03.2021 03:12:44 (de-DE).
const CULTURE = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:[ T]+(\d{1,2}):(\d\d)(?::(\d\d))?\s*([AaPp][Mm])?)?$/;

// The tools write local server time without a zone, which the file does not name: such times are read as
// UTC, which is at most a few hours off but the same on every machine that imports the file. Slash dates are
// month-first (en-US, PowerShell's most common culture) unless the first number cannot be a month; dotted
// dates are day-first. Returns null for text that is not one of these dates, and for a time outside the years a
// finding can have (toolTime: 1/1/1601, the time PowerShell prints for a file time of zero, or year 0000).
export function parseToolDate(text: string): Date | null {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso !== null) {
    // A date alone is already UTC to Date.parse; a date-time without a zone would be the importer's local time.
    const text = s.replace(" ", "T");
    return toolTime(Date.parse(iso[1] !== undefined || s.length === 10 ? text : `${text}Z`));
  }
  const m = CULTURE.exec(s);
  if (m === null) return null;
  let [month, day] = [Number(m[1]), Number(m[3])];
  if (m[2] === "." || month > 12) [month, day] = [day, month];
  let hour = Number(m[5] ?? 0);
  const meridiem = m[8]?.toUpperCase();
  if (meridiem !== undefined && (hour < 1 || hour > 12)) return null;
  if (meridiem === "PM" && hour < 12) hour += 12;
  if (meridiem === "AM" && hour === 12) hour = 0;
  const [year, minute, second] = [Number(m[4]), Number(m[6] ?? 0), Number(m[7] ?? 0)];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31/2 over into March; a date that does not exist is not a date.
  const valid = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? toolTime(date.getTime()) : null;
}
