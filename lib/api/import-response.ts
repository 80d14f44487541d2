import { nameKey } from "../domain/slug";
import type { ImportOutcome, UploadProgress } from "../data/imports/imports";
import type { DryRunSummary, ImportSummary } from "../views";
import type { ApiErrorBody } from "../zod/answers/common";
import type { DryRunAnswer, ImportAnswer, UploadProgressLine } from "../zod/answers/imports";
import { errorResponse, jsonError } from "./error-response";

type Outcome = ImportOutcome<ImportSummary> | ImportOutcome<DryRunSummary>;

/**
 * The answer to an upload: 201 with the imports (200 when every file had been imported before), or the
 * error of the file that failed, whose details list the imports committed before it. A dry run is 200, with
 * `dryRun: true` and every organization the upload would create in `newOrganizations`.
 */
export async function importResponse(outcome: Outcome): Promise<Response> {
  const { imports, failure } = outcome;
  if (failure) {
    if (imports.length === 0) return errorResponse(failure);
    const details = { ...(typeof failure.details === "object" && failure.details !== null ? failure.details : {}), imports };
    return jsonError(failure.status, failure.code, failure.message, details);
  }
  // `import` keeps the answer of a one-file upload as it was before uploads could hold several files.
  const body = { imports, ...(imports.length === 1 ? { import: imports[0] } : {}) };
  if (outcome.dryRun) {
    // Two files naming one new organization would create it once: the first spelling is the one it would get.
    const named = new Map<string, string>();
    for (const name of (outcome.imports as DryRunSummary[]).flatMap((i) => i.newOrganizations)) if (!named.has(nameKey(name))) named.set(nameKey(name), name);
    const newOrganizations = [...named.values()];
    return Response.json({ dryRun: true, ...body, newOrganizations } as DryRunAnswer, { status: 200 });
  }
  return Response.json(body as ImportAnswer, { status: imports.every((i) => i.duplicate) ? 200 : 201 });
}

/**
 * The same answer as NDJSON, for a client that asked for it (Accept: application/x-ndjson, as the upload page
 * does): a "progress" line as each file is read, written and judged, then one "result" or "error" line. The
 * status is 200 once the stream starts, so the outcome's status travels in the last line.
 */
export function importProgressResponse(run: (onProgress: (p: UploadProgress) => void) => Promise<Outcome>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: UploadProgressLine) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const outcome = await run((p) => send({ type: "progress", ...p }));
        const res = await importResponse(outcome);
        if (outcome.failure) send({ type: "error", status: res.status, ...((await res.json()) as ApiErrorBody), imports: outcome.imports });
        else send({ type: "result", status: res.status, ...((await res.json()) as ImportAnswer | DryRunAnswer) });
      } catch (err) {
        const res = errorResponse(err);
        send({ type: "error", status: res.status, ...((await res.json()) as ApiErrorBody), imports: [] });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The status and body of the JSON answer (an import job keeps them: GET /api/v1/imports/ID answers the same). */
export async function importAnswerOf(outcome: Outcome): Promise<{ status: number; body: unknown }> {
  const res = await importResponse(outcome);
  return { status: res.status, body: await res.json() };
}
