import { apiRoute } from "@/lib/api/handler";
import { importProgressResponse, importResponse } from "@/lib/api/import-response";
import { readScanUpload } from "@/lib/api/scan-body";
import { maxUploadBytes } from "@/lib/config";
import { checkScans, importScans, type ImportScansInput, type UploadProgress } from "@/lib/data/imports/imports";
import { parseDryRun, parseUploadOptions } from "@/lib/zod/upload-options";

export const dynamic = "force-dynamic";

// The one upload endpoint, for scripts (a token) and the upload page (a session, same-origin): a JSON answer, or
// NDJSON progress lines for a client that asks with Accept: application/x-ndjson. With dryRun=1 the files are read
// and checked the same way and nothing is written: the answer says what the upload would do.
export const POST = apiRoute(null, async ({ req, query, access }) => {
  const maxBytes = maxUploadBytes();
  const search = query as Record<string, string>;
  // Bad query parameters fail before the body is read.
  parseUploadOptions(search, {});
  parseDryRun(search, {});
  const upload = await readScanUpload(req, maxBytes);
  const options = parseUploadOptions(search, upload.fields);
  const dryRun = parseDryRun(search, upload.fields);
  const byToken = access.actor.type === "token";
  const run = (onProgress?: (p: UploadProgress) => void) => {
    const input: ImportScansInput = { files: upload.files, options, access, origin: byToken ? "api" : "upload", tokenId: byToken ? (access.actor as { id: number }).id : null, maxBytes, onProgress };
    return dryRun ? checkScans(input) : importScans(input);
  };
  if ((req.headers.get("accept") ?? "").includes("application/x-ndjson")) return importProgressResponse(run);
  return importResponse(await run());
});
