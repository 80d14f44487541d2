import { Readable } from "node:stream";
import busboy from "busboy";
import { uploadTooLarge } from "../data/imports/imports";
import { AppError } from "../errors";
import type { UploadFile } from "../import/plan-imports";
import { CONTROL_CHARACTERS } from "../import/stored-text";

export interface ScanUpload {
  /** the form's text fields that came before the first file (multipart only) */
  fields: Record<string, string>;
  /** the uploaded files in order, each a stream: read one to its end before asking for the next */
  files: AsyncIterable<UploadFile> | Iterable<UploadFile>;
}

// A raw body is one file of any of the formats; the content decides which.
const RAW_TYPES = new Set([
  "text/csv", "application/csv", "text/plain", "application/vnd.ms-excel", "application/json", "application/xml", "text/xml",
  "application/zip", "application/x-zip-compressed", "application/octet-stream",
]);
const MAX_FILES = 1000;

/**
 * The uploaded files as streams, without buffering them: the request body itself for a raw upload, or every
 * `file` field of a multipart form. Fields must come before the files, since the body is read as it arrives.
 * The limit is for the whole request: every byte of the body counts (all files, fields and multipart framing),
 * and the file being read fails with 413 as soon as the body passes it.
 */
export async function readScanUpload(req: Request, maxBytes: number): Promise<ScanUpload> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(length) && length > maxBytes) throw uploadTooLarge(maxBytes);
  if (!req.body) throw new AppError(400, "empty_body", "The request has no body: send the file as the body (e.g. text/csv), or as multipart fields named file.");
  const body = limited(req.body as unknown as AsyncIterable<Uint8Array>, maxBytes);
  if (RAW_TYPES.has(type)) {
    const name = new URL(req.url).searchParams.get("fileName");
    return { fields: {}, files: [{ name: fileName(name), stream: body }] };
  }
  if (type === "multipart/form-data") return readMultipart(req, body);
  throw new AppError(415, "unsupported_media_type", "Send the scan file as the body (text/csv, application/json, application/xml or application/zip), or as multipart/form-data with fields named file.", {
    contentType: type || null,
  });
}

// The name is stored with the import and in the audit log: without control characters (a NUL failed the upload with a
// 500 on PostgreSQL, which stores none; found by fuzzing), and at most 255 characters.
function fileName(name: string | null | undefined): string | null {
  const clean = name ? name.replace(new RegExp(CONTROL_CHARACTERS.source, "g"), "").slice(0, 255) : "";
  return clean === "" ? null : clean;
}

// Ends the reader's iterators (which leaves the stream whole) and lets the rest of the part flow away: a stream with a
// 'readable' listener (an iterator's) ignores resume().
async function dropRest(part: { stream: Readable; readers: AsyncIterator<Uint8Array>[] }): Promise<void> {
  for (const it of part.readers) await it.return?.();
  if (!part.stream.readableEnded && !part.stream.destroyed) part.stream.resume();
}

// Counted as it arrives, whatever the Content-Length said (a chunked body has none).
async function* limited(body: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw uploadTooLarge(maxBytes);
    yield chunk;
  }
}

function readMultipart(req: Request, body: AsyncIterable<Uint8Array>): Promise<ScanUpload> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: { "content-type": req.headers.get("content-type") ?? "" }, limits: { files: MAX_FILES, fields: 50, fieldSize: 64 * 1024 } });
    } catch {
      reject(new AppError(400, "malformed_multipart", "The multipart body has no boundary."));
      return;
    }
    const fields: Record<string, string> = {};
    // A part's stream, and the iterators its reader took of it (none: the reader skipped the file).
    type Part = { file: UploadFile; stream: Readable; readers: AsyncIterator<Uint8Array>[] };
    const queue: (Part | Error | null)[] = [];
    let wake: (() => void) | null = null;
    let current: Readable | null = null;
    let handedOut: Part | null = null;
    let started = false;
    const push = (item: Part | Error | null) => {
      queue.push(item);
      wake?.();
    };
    async function* files(): AsyncGenerator<UploadFile> {
      for (;;) {
        // Asking for the next file, the reader is done with the last one; and busboy reaches the next part only once that
        // one is read to its end. What the reader left of it (a file the import skips, or stops reading at a bad row) is
        // read and dropped here: else the upload waited forever (found by fuzzing). The body's limit still counts it.
        if (handedOut !== null) await dropRest(handedOut);
        handedOut = null;
        while (queue.length === 0) await new Promise<void>((r) => (wake = r));
        wake = null;
        const item = queue.shift()!;
        if (item === null) return;
        if (item instanceof Error) throw item;
        handedOut = item;
        yield item.file;
      }
    }
    const start = () => {
      if (started) return;
      started = true;
      resolve({ fields, files: files() });
    };

    bb.on("field", (name, value) => {
      if (!started) fields[name] = value;
    });
    bb.on("file", (name, stream, info) => {
      // A failing body fails the stream being read (below, or by busboy): its reader gets the error through its own
      // listener and through files(). A stream nobody reads (a file the parser skipped, another field) has none, and an
      // error event without one is thrown outside the request, which ends the process. Found by fuzzing.
      stream.on("error", () => {});
      if (name !== "file") {
        stream.resume();
        return;
      }
      current = stream;
      // A reader that stops early must not destroy the part (busboy would wait for it forever): files() drops the rest.
      const readers: AsyncIterator<Uint8Array>[] = [];
      const reader = () => {
        const it = stream.iterator({ destroyOnReturn: false }) as AsyncIterator<Uint8Array>;
        readers.push(it);
        return it;
      };
      push({ file: { name: fileName(info.filename), stream: { [Symbol.asyncIterator]: reader } }, stream, readers });
      start();
    });
    bb.on("error", (cause) => {
      // The body passing the limit is a 413; anything else busboy trips on is a malformed body.
      const err = cause instanceof AppError ? cause : new AppError(400, "malformed_multipart", "The multipart body could not be read.");
      // A file already handed to an import must fail too, or its reader would wait forever.
      current?.destroy(err);
      if (started) push(err);
      else reject(err);
    });
    bb.on("close", () => {
      if (started) push(null);
      else reject(new AppError(400, "missing_file", "The form has no field named file."));
    });
    Readable.from(body, { objectMode: false }).on("error", (e) => bb.destroy(e)).pipe(bb);
  });
}
