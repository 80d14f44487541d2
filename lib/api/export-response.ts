import type { Readable } from "node:stream";
import type { ExportRows } from "../data/export-limit";
import type { ExportColumn } from "../export/cells";
import { csvStream } from "../export/csv";
import { XLSX_TYPE, xlsxStream } from "../export/xlsx";

/**
 * A Node stream as a web stream that reads one chunk each time the client asks for one, so a slow download
 * holds back the database reads instead of piling rows up in memory.
 */
export function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(value as Buffer));
      } catch (err) {
        // The headers are sent: the client sees a cut download; the cause stays in the server log.
        console.error("Export failed while streaming:", err);
        controller.error(new Error("export failed"));
      }
    },
    async cancel() {
      await chunks.return?.();
      stream.destroy();
    },
  });
}

/** The rows as a CSV or XLSX download, streamed. */
export function exportResponse<Row>(format: "csv" | "xlsx", columns: ExportColumn<Row>[], rows: ExportRows<Row>, fileName: string, sheetName: string): Response {
  const stream = format === "csv" ? csvStream(columns, rows.pages) : xlsxStream(columns, rows.pages, sheetName);
  return new Response(toWebStream(stream), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      // Tenant data: no shared cache keeps a copy.
      "Cache-Control": "private, no-store",
      "X-Export-Rows": String(rows.total),
    },
  });
}
