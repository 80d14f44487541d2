import { apiRoute } from "@/lib/api/handler";
import { getImportJob } from "@/lib/data/imports/import-jobs";
import { getImport, listImportServers } from "@/lib/data/imports/import-list";
import { notFound } from "@/lib/errors";
import type { ImportDetailAnswer, ImportJobAnswer } from "@/lib/zod/answers/imports";
import { importId, importJobId, importServersQuery } from "@/lib/zod/imports";

export const dynamic = "force-dynamic";

// One import's stored summary, and a page of the servers it touched with their status before and after it; or, for
// an import job's id (a UUID: the Location of a 202 from POST /api/v1/scans with Prefer: respond-async), the job's
// state, progress and, once finished, the upload's answer. Another tenant's import or job is a 404, exactly like one
// that does not exist.
export const GET = apiRoute(importServersQuery, async ({ access, params, query }) => {
  const jobId = importJobId(params.id);
  if (jobId !== null) {
    const job = await getImportJob(access, jobId);
    if (!job) throw notFound("Import");
    return Response.json({ job } satisfies ImportJobAnswer, { headers: { "Cache-Control": "no-store" } });
  }
  const id = importId(params.id);
  const detail = id === null ? null : await getImport(access, id);
  const servers = detail ? await listImportServers(access, detail.id, query) : null;
  if (!detail || !servers) throw notFound("Import");
  return { import: detail, servers } satisfies ImportDetailAnswer;
});
