import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { csvCell, headerCells, type ExportColumn } from "./cells";

async function* records<Row>(columns: ExportColumn<Row>[], pages: AsyncIterable<Row[]>): AsyncGenerator<string[]> {
  for await (const page of pages) for (const row of page) yield columns.map((c) => csvCell(c.value(row)));
}

/**
 * The rows as CSV (RFC 4180, CRLF), read a page at a time as the reader asks for more. A UTF-8 byte order mark
 * first, so Excel reads accented names as UTF-8. A failure while reading ends the stream with that error.
 */
export function csvStream<Row>(columns: ExportColumn<Row>[], pages: AsyncIterable<Row[]>): Readable {
  // 64 KB read at a time (one row per chunk is what it emits).
  const out = stringify({ bom: true, header: true, columns: headerCells(columns), record_delimiter: "windows", readableHighWaterMark: 64 * 1024 });
  // pipeline() destroys the source (and so stops the database reads) when the reader goes away.
  pipeline(Readable.from(records(columns, pages)), out).catch((err: unknown) => out.destroy(err as Error));
  return out;
}
