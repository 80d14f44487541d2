import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { headerCells, xlsxCell, type ExportColumn } from "./cells";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Waits until the reader has taken what was written (or left): exceljs does not wait for its output itself.
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
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
      // Let the zip writer run (it works in later ticks), then wait for the reader if it is behind.
      await new Promise((resolve) => setImmediate(resolve));
      await drained(out);
      // The reader went away: stop reading the database (leaving the loop ends the generator).
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
