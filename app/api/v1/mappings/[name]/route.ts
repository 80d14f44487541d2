import { apiRoute } from "@/lib/api/handler";
import { deleteMapping, getMapping } from "@/lib/data/imports/mappings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(null, async ({ access, params }) => ({ mapping: await getMapping(access, params.name) }));

export const DELETE = apiRoute(null, async ({ access, params }) => {
  await deleteMapping(access, params.name);
  return new Response(null, { status: 204 });
});
