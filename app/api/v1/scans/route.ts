import { apiRoute } from "@/lib/api/handler";
import { answerResponse, importAnswerOf, importProgressResponse } from "@/lib/api/import-response";
import { readScanUpload } from "@/lib/api/scan-body";
import { maxUploadBytes } from "@/lib/config";
import { importInThread, importThreadAvailable, queueImportJob } from "@/lib/data/imports/import-jobs";
import { checkScans, importScans, type ImportScansInput, type UploadProgress } from "@/lib/data/imports/imports";
import type { ImportJobAnswer } from "@/lib/zod/answers/imports";
import { parseDryRun, parseUploadOptions } from "@/lib/zod/upload-options";

export const dynamic = "force-dynamic";

// The one upload endpoint, for scripts (a token) and the upload page (a session, same-origin): a JSON answer, or
// NDJSON progress lines for a client that asks with Accept: application/x-ndjson. With dryRun=1 the files are read
// and checked the same way and nothing is written: the answer says what the upload would do. With
// Prefer: respond-async (RFC 7240) the files are spooled to disk and the answer is 202 at once, with the import job
// at its Location (GET /api/v1/imports/ID: state, progress, then this same route's answer); a dry run ignores it.
// Without it, on the server (scripts/serve.ts runs the import worker) the files are spooled all the same and imported
// in a worker thread while the request waits for the answer (importInThread); elsewhere (tests, `next dev`) here.
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
  const tokenId = byToken ? (access.actor as { id: number }).id : null;
  if (!dryRun && prefersAsync(req.headers.get("prefer"))) {
    const length = Number(req.headers.get("content-length") ?? NaN);
    const job = await queueImportJob({ access, files: upload.files, options, origin: byToken ? "api" : "upload", tokenId, expectedBytes: Number.isFinite(length) ? length : undefined });
    const location = `/api/v1/imports/${job.id}`;
    return Response.json({ job } satisfies ImportJobAnswer, { status: 202, headers: { Location: location, "Preference-Applied": "respond-async" } });
  }
  const origin = byToken ? "api" : "upload";
  const inThread = !dryRun && importThreadAvailable();
  const run = async (onProgress?: (p: UploadProgress) => void) => {
    if (inThread) return importInThread({ files: upload.files, options, access, origin, tokenId }, onProgress);
    const input: ImportScansInput = { files: upload.files, options, access, origin, tokenId, maxBytes, onProgress };
    return importAnswerOf(dryRun ? await checkScans(input) : await importScans(input));
  };
  if ((req.headers.get("accept") ?? "").includes("application/x-ndjson")) return importProgressResponse(run);
  return answerResponse(await run());
});

// Prefer: respond-async, among other preferences (comma-separated, each maybe with parameters).
function prefersAsync(header: string | null): boolean {
  return (header ?? "").split(",").some((p) => p.split(";")[0].trim().toLowerCase() === "respond-async");
}
