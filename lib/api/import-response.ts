import type { ImportOutcome, UploadProgress } from "../data/imports/imports";
import { errorResponse } from "./error-response";

/**
 * The answer to an upload: 201 with the imports (200 when every file had been imported before), or the
 * error of the file that failed, whose details list the imports committed before it.
 */
export async function importResponse(outcome: ImportOutcome): Promise<Response> {
  const { imports, failure } = outcome;
  if (failure) {
    if (imports.length === 0) return errorResponse(failure);
    const details = { ...(typeof failure.details === "object" && failure.details !== null ? failure.details : {}), imports };
    return Response.json({ error: { code: failure.code, message: failure.message, details } }, { status: failure.status });
  }
  const status = imports.every((i) => i.duplicate) ? 200 : 201;
  // `import` keeps the answer of a one-file upload as it was before uploads could hold several files.
  return Response.json({ imports, ...(imports.length === 1 ? { import: imports[0] } : {}) }, { status });
}

/**
 * The same answer as NDJSON, for a client that asked for it (Accept: application/x-ndjson, as the upload page
 * does): a "progress" line as each file is read, written and judged, then one "result" or "error" line. The
 * status is 200 once the stream starts, so the outcome's status travels in the last line.
 */
export function importProgressResponse(run: (onProgress: (p: UploadProgress) => void) => Promise<ImportOutcome>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
      try {
        const outcome = await run((p) => send({ type: "progress", ...p }));
        const res = await importResponse(outcome);
        const body = (await res.json()) as object;
        send(outcome.failure ? { type: "error", status: res.status, ...body, imports: outcome.imports } : { type: "result", status: res.status, ...body });
      } catch (err) {
        const res = errorResponse(err);
        send({ type: "error", status: res.status, ...((await res.json()) as object), imports: [] });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
