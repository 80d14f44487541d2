import { AppError } from "../errors";

const MAX_JSON_BYTES = 64 * 1024;

/** A small JSON request body, parsed; anything else is a 4xx with the reason. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json.", { contentType: type || null });
  }
  if (Number(req.headers.get("content-length") ?? 0) > MAX_JSON_BYTES) {
    throw new AppError(413, "payload_too_large", `The JSON body is larger than ${MAX_JSON_BYTES / 1024} KB.`);
  }
  const text = await req.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError(413, "payload_too_large", `The JSON body is larger than ${MAX_JSON_BYTES / 1024} KB.`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(400, "invalid_json", "The body is not valid JSON.");
  }
}
