import { AppError } from "../errors";

export const MAX_JSON_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError(413, "payload_too_large", `The body is larger than ${maxBytes >= 1024 ? `${Math.floor(maxBytes / 1024)} KB` : `${maxBytes} bytes`}.`);

/**
 * The body as text, read only up to `maxBytes`: a larger body (whatever its Content-Length says, or with none, as
 * a chunked body has none) is refused with 413 as soon as the limit is passed, so nobody can make the server hold
 * more than that. The rest is not read: the 413 goes out with Connection: close (error-response.ts), so
 * the server drops the connection instead of keeping it behind megabytes nobody will read.
 */
export async function readLimitedText(req: Request, maxBytes: number): Promise<string> {
  const bytes = await readLimitedBytes(req, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(400, "invalid_encoding", "The body is not UTF-8 text.");
  }
}

/** The body as bytes, read only up to `maxBytes` (see readLimitedText). */
export async function readLimitedBytes(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } finally {
    // Not cancel(): that destroys the socket under Node, and the client would get a reset instead of the 413.
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

/** A small JSON request body, parsed; anything else is a 4xx with the reason. */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json.", { contentType: type || null });
  }
  const text = await readLimitedText(req, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(400, "invalid_json", "The body is not valid JSON.");
  }
}

