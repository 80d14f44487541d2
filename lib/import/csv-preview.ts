// The first rows of a CSV file that Patchboard cannot read on its own, for the answer that asks the user to map
// its columns: the header, the delimiter and a few rows, read from the file's head as the importer would read it.
import { parse } from "csv-parse/sync";
import { decodeHead } from "./csv-encoding";
import { detectDelimiter, firstHeaderLine, isPowerShellTypeRow, type CsvDelimiter } from "./csv-header";
import { SNIFF_BYTES, sniffEncoding } from "./text-decode";

export interface CsvPreview {
  header: string[];
  delimiter: CsvDelimiter;
  rows: string[][];
}

const MAX_FIELD_LENGTH = 200;

// `head`: the file's first 64 KB (the head format detection read); a shorter one is taken as the whole file.
// Null when it has no header row to show.
export function readCsvPreview(head: Buffer, maxRows = 5): CsvPreview | null {
  const cut = head.length >= SNIFF_BYTES;
  const bytes = head.subarray(0, SNIFF_BYTES);
  const text = decodeHead(bytes, sniffEncoding(bytes, !cut));
  const line = firstHeaderLine(text);
  if (line === null) return null;
  const delimiter = detectDelimiter(line);

  // Collected as they are read, so that the rows before an error (an unclosed quote where the head was cut) stay.
  const records: string[][] = [];
  let failed = false;
  try {
    parse(text, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      on_record: (record: string[]) => {
        records.push(record);
        return null;
      },
    });
  } catch {
    failed = true;
  }
  // The last record of a cut head ends where the cut is, not where the row does (unless an error dropped it).
  if (cut && !failed) records.pop();

  const kept = records.filter((fields) => fields.some((field) => field.trim() !== ""));
  if (kept.length > 0 && isPowerShellTypeRow(kept[0])) kept.shift();
  if (kept.length === 0) return null;
  const shown = (fields: string[]) => fields.map((field) => truncate(field.trim()));
  return { header: shown(kept[0]), delimiter, rows: kept.slice(1, 1 + Math.max(0, maxRows)).map(shown) };
}

const truncate = (text: string) => (text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH - 1)}…` : text);
