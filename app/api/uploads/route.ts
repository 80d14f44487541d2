import { errorResponse } from "@/lib/api/error-response";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { readScanBody, type ScanBody } from "@/lib/api/scan-body";
import { maxUploadBytes } from "@/lib/config";
import { importScanFile } from "@/lib/data/imports";

export const dynamic = "force-dynamic";

// The upload page's endpoint: the same import as POST /api/v1/scans, answered as
// NDJSON so the page can show progress while the file imports.
export async function POST(req: Request): Promise<Response> {
  const maxBytes = maxUploadBytes();
  let body: ScanBody;
  try {
    assertSameOrigin(req);
    body = await readScanBody(req, maxBytes);
  } catch (err) {
    return errorResponse(err);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
      try {
        const summary = await importScanFile({
          body: body.stream,
          fileName: body.fileName,
          origin: "upload",
          maxBytes,
          onProgress: (p) => send({ type: "progress", ...p }),
        });
        send({ type: "result", import: summary });
      } catch (err) {
        const res = errorResponse(err);
        send({ type: "error", status: res.status, ...(await res.json()) });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
