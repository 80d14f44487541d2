// The header row of a scan CSV: which column is which, by the canonical names or through a column mapping,
// which delimiter the file uses, and the file errors that say why a first row is not the header.
import { parse as parseSync } from "csv-parse/sync";
import { ImportFileError } from "./import-file-error";

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

export const RECORD_DELIMITERS = ["\r\n", "\n", "\r"];

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

// How a header row is read, and the values that replace a column in every row.
export interface HeaderRule {
  // Column indexes in CANONICAL_COLUMNS order (-1 where the file has none), or why the row is not the header.
  match(fields: string[]): number[] | ImportFileError;
  // The first row could not be read at all; `why` says more, or is "".
  unreadable(why: string): ImportFileError;
  organization: string | null;
  // As ISO 8601 text: toRecord reads and checks it like a file's value.
  scannedAt: string | null;
}

// The options of parseCanonicalCsv that decide how its header is read.
export function headerRule(options: { mapping?: CsvColumnMapping; delimiter?: string; overrides?: RowOverrides }): HeaderRule {
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
