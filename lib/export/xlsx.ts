import { setImmediate } from "node:timers/promises";
import { PassThrough, type Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { headerCells, xlsxCell, type ExportColumn } from "./cells";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Waits until a stream has passed on what was written to it (or has closed).
function drained(stream: Writable | undefined): Promise<void> {
  if (!stream || !needsDrain(stream) || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

// The zip writer's streams come from the readable-stream package, whose writables predate writableNeedDrain.
function needsDrain(stream: Writable): boolean {
  return stream.writableNeedDrain ?? (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ?? false;
}

// exceljs writes a sheet's rows into its own buffer (a StreamBuf), piped into the zip writer's input without
// heeding backpressure: a zip writer slower than the rows (SQLite's synchronous reads leave it few turns) would
// let that input grow to the whole sheet. This is the input (exceljs 4.4's internals, hence the guards), so the
// rows can wait for it; without it the pacing falls back to the output alone.
function sheetInput(sheet: object): Writable | undefined {
  const buffer = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const input = buffer?.pipes?.[0];
  return input && typeof input === "object" && "_writableState" in input && "once" in input ? (input as unknown as Writable) : undefined;
}

/**
 * The rows as one XLSX worksheet, written with exceljs's streaming writer: each row is committed (written to the
 * zip) as it is added, without shared strings, so memory holds about a page. Numbers are numeric cells.
 */
export function xlsxStream<Row>(columns: ExportColumn<Row>[], pages: AsyncIterable<Row[]>, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  (async () => {
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ width: c.width ?? 16 }));
    const header = sheet.addRow(headerCells(columns));
    header.font = { bold: true };
    header.commit();
    for await (const page of pages) {
      for (const row of page) sheet.addRow(columns.map((c) => xlsxCell(c.value(row)))).commit();
      // Let the zip writer run (it works in later ticks), then wait for it and for the reader if they are behind.
      await setImmediate();
      await drained(sheetInput(sheet));
      await drained(out);
      // The reader went away: stop reading the database (leaving the loop ends the generator).
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
