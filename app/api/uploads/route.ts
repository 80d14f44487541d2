import { clientIp } from "@/lib/api/client-ip";
import { errorResponse } from "@/lib/api/error-response";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { readScanUpload, type ScanUpload } from "@/lib/api/scan-body";
import { maxUploadBytes } from "@/lib/config";
import { importScans, type ImportOptions } from "@/lib/data/imports/imports";
import { accessFromSession } from "@/lib/data/accounts/sign-in";
import type { Access } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { parseUploadOptions } from "@/lib/zod/upload-options";

export const dynamic = "force-dynamic";

// The upload page's endpoint: the same imports as POST /api/v1/scans, answered as
// NDJSON so the page can show progress while the files import.
export async function POST(req: Request): Promise<Response> {
  const maxBytes = maxUploadBytes();
  let upload: ScanUpload;
  let options: Partial<ImportOptions>;
  let access: Access | null;
  try {
    assertSameOrigin(req);
    access = await accessFromSession(req.headers, clientIp(req.headers));
    if (!access) throw new AppError(401, "unauthorized", "Your session has ended: sign in again, then upload.");
    upload = await readScanUpload(req, maxBytes);
    options = parseUploadOptions({}, upload.fields);
  } catch (err) {
    return errorResponse(err);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
      try {
        const { imports, failure } = await importScans({
          access: access!,
          files: upload.files,
          options,
          origin: "upload",
          maxBytes,
          onProgress: (p) => send({ type: "progress", ...p }),
        });
        if (failure) {
          const res = errorResponse(failure);
          send({ type: "error", status: res.status, ...(await res.json()), imports });
        } else {
          send({ type: "result", imports });
        }
      } catch (err) {
        const res = errorResponse(err);
        send({ type: "error", status: res.status, ...(await res.json()), imports: [] });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
