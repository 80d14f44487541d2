import { apiRoute } from "@/lib/api/handler";
import { deleteMapping, getMapping } from "@/lib/data/imports/mappings";
import type { MappingAnswer } from "@/lib/zod/answers/imports";

export const dynamic = "force-dynamic";

export const GET = apiRoute(null, async ({ access, params }) => ({ mapping: await getMapping(access, params.name) }) satisfies MappingAnswer);

export const DELETE = apiRoute(null, async ({ access, params }) => {
  await deleteMapping(access, params.name);
  return new Response(null, { status: 204 });
});
