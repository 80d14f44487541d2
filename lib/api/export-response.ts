import type { Readable } from "node:stream";
import type { ExportRows } from "../data/export-limit";
import type { ExportColumn } from "../export/cells";
import { csvStream } from "../export/csv";
import { XLSX_TYPE, xlsxStream } from "../export/xlsx";

/** Resolves when the stream has data to read, has ended, or has failed (with its error). */
function readable(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      stream.off("readable", onReadable).off("end", onEnd).off("close", onEnd).off("error", done);
      if (err) reject(err);
      else resolve();
    };
    const onReadable = () => done();
    const onEnd = () => done();
    stream.on("readable", onReadable).on("end", onEnd).on("close", onEnd).on("error", done);
  });
}

/**
 * A Node stream as a web stream that reads only when the client asks for more, so a slow download holds back the
 * database reads instead of piling rows up in memory. Each read takes everything buffered (csv-stringify emits a
 * chunk per row: passing 100,000 tiny chunks one by one costs more than making them).
 */
export function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  // An error between two reads is read from stream.errored at the next one; unheard, it would end the process.
  stream.on("error", () => {});
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const chunk: unknown = stream.read();
          if (chunk !== null) {
            controller.enqueue(typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(chunk as Buffer));
            return;
          }
          if (stream.readableEnded) return controller.close();
          if (stream.destroyed) throw stream.errored ?? new Error("the export stream closed early");
          await readable(stream);
        }
      } catch (err) {
        // The headers are sent: the client sees a cut download; the cause stays in the server log.
        console.error("Export failed while streaming:", err);
        controller.error(new Error("export failed"));
      }
    },
    cancel() {
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
