import { apiRoute } from "@/lib/api/handler";
import { getImport, listImportServers } from "@/lib/data/imports/import-list";
import { notFound } from "@/lib/errors";
import type { ImportDetailAnswer } from "@/lib/zod/answers/imports";
import { importId, importServersQuery } from "@/lib/zod/imports";

export const dynamic = "force-dynamic";

// One import's stored summary, and a page of the servers it touched with their status before and after it.
// Another tenant's import is a 404, exactly like one that does not exist.
export const GET = apiRoute(importServersQuery, async ({ access, params, query }) => {
  const id = importId(params.id);
  const detail = id === null ? null : await getImport(access, id);
  const servers = detail ? await listImportServers(access, detail.id, query) : null;
  if (!detail || !servers) throw notFound("Import");
  return { import: detail, servers } satisfies ImportDetailAnswer;
});
