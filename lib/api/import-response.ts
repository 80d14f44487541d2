import type { ImportOutcome } from "../data/imports/imports";
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
