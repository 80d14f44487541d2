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

/** The JSON answer from its status and body (as an import job keeps them, or an import worker thread answers). */
export function answerResponse(answer: { status: number; body: unknown }): Response {
  // A 413 closes the connection, as errorResponse's does.
  return Response.json(answer.body, { status: answer.status, headers: answer.status === 413 ? { Connection: "close" } : undefined });
}

/**
 * The same answer as NDJSON, for a client that asked for it (Accept: application/x-ndjson, as the upload page
 * does): a "progress" line as each file is read, written and judged, then one "result" or "error" line. The
 * status is 200 once the stream starts, so the outcome's status travels in the last line. `run` answers with the
 * status and body of the JSON answer (importAnswerOf), wherever the import ran.
 */
export function importProgressResponse(run: (onProgress: (p: UploadProgress) => void) => Promise<{ status: number; body: unknown }>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: UploadProgressLine) => controller.enqueue(encoder.encode(JSON.stringify(line) + "\n"));
      try {
        const { status, body } = await run((p) => send({ type: "progress", ...p }));
        // A failed upload's error lists the imports committed before it in details.imports (none: no details.imports).
        if (status >= 400) send({ type: "error", status, ...(body as ApiErrorBody), imports: committedBefore(body as ApiErrorBody) });
        else send({ type: "result", status, ...(body as ImportAnswer | DryRunAnswer) });
      } catch (err) {
        const res = errorResponse(err);
        send({ type: "error", status: res.status, ...((await res.json()) as ApiErrorBody), imports: [] });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}

function committedBefore(body: ApiErrorBody): ImportSummary[] {
  const details = body.error?.details as { imports?: ImportSummary[] } | undefined;
  return Array.isArray(details?.imports) ? details.imports : [];
}

/** The status and body of the JSON answer (an import job keeps them: GET /api/v1/imports/ID answers the same). */
export async function importAnswerOf(outcome: Outcome): Promise<{ status: number; body: unknown }> {
  const res = await importResponse(outcome);
  return { status: res.status, body: await res.json() };
}
