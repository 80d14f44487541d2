import { apiRoute } from "@/lib/api/handler";
import { importProgressResponse, importResponse } from "@/lib/api/import-response";
import { readScanUpload } from "@/lib/api/scan-body";
import { maxUploadBytes } from "@/lib/config";
import { importScans, type UploadProgress } from "@/lib/data/imports/imports";
import { parseUploadOptions } from "@/lib/zod/upload-options";

export const dynamic = "force-dynamic";

// The one upload endpoint, for scripts (a token) and the upload page (a session, same-origin): a JSON answer, or
// NDJSON progress lines for a client that asks with Accept: application/x-ndjson.
export const POST = apiRoute(null, async ({ req, query, access }) => {
  const maxBytes = maxUploadBytes();
  const search = query as Record<string, string>;
  parseUploadOptions(search, {}); // bad query parameters fail before the body is read
  const upload = await readScanUpload(req, maxBytes);
  const options = parseUploadOptions(search, upload.fields);
  const byToken = access.actor.type === "token";
  const run = (onProgress?: (p: UploadProgress) => void) =>
    importScans({ files: upload.files, options, access, origin: byToken ? "api" : "upload", tokenId: byToken ? (access.actor as { id: number }).id : null, maxBytes, onProgress });
  if ((req.headers.get("accept") ?? "").includes("application/x-ndjson")) return importProgressResponse(run);
  return importResponse(await run());
});
