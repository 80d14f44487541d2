import { Readable } from "node:stream";
import busboy from "busboy";
import { AppError } from "../errors";

export interface ScanBody {
  stream: AsyncIterable<Uint8Array>;
  fileName: string | null;
}

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"]);

/**
 * The uploaded file as a stream, without buffering it: the request body itself for
 * text/csv, or the `file` field of a multipart form.
 */
export async function readScanBody(req: Request, maxBytes: number): Promise<ScanBody> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > maxBytes + 1024 * 1024) {
    throw new AppError(413, "payload_too_large", `The file is larger than the limit of ${Math.round(maxBytes / 1048576)} MB.`);
  }
  if (!req.body) throw new AppError(400, "empty_body", "The request has no body: send the CSV as text/csv or as a multipart field named file.");
  if (CSV_TYPES.has(type)) return { stream: req.body as unknown as AsyncIterable<Uint8Array>, fileName: null };
  if (type === "multipart/form-data") return readMultipartFile(req);
  throw new AppError(415, "unsupported_media_type", "Send the scan file as text/csv, or as multipart/form-data with a field named file.", {
    contentType: type || null,
  });
}

function readMultipartFile(req: Request): Promise<ScanBody> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { "content-type": req.headers.get("content-type") ?? "" }, limits: { files: 1, fields: 50, fieldSize: 64 * 1024 } });
    } catch {
      reject(new AppError(400, "malformed_multipart", "The multipart body has no boundary."));
      return;
    }
    let found: Readable | null = null;
    bb.on("file", (name, stream, info) => {
      if (name !== "file" || found) {
        stream.resume();
        return;
      }
      found = stream;
      resolve({ stream, fileName: info.filename ? info.filename.slice(0, 255) : null });
    });
    bb.on("error", () => {
      const err = new AppError(400, "malformed_multipart", "The multipart body could not be read.");
      // A file already handed to the import must fail too, or its reader would wait forever.
      if (found) found.destroy(err);
      else reject(err);
    });
    bb.on("close", () => {
      if (!found) reject(new AppError(400, "missing_file", "The form has no field named file."));
    });
    Readable.fromWeb(req.body as import("node:stream/web").ReadableStream).on("error", (e) => bb.destroy(e)).pipe(bb);
  });
}
