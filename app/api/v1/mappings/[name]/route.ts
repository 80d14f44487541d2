import { apiRoute } from "@/lib/api/handler";
import { deleteMapping, getMapping } from "@/lib/data/mappings";

export const dynamic = "force-dynamic";

export const GET = apiRoute(null, async ({ params }) => ({ mapping: await getMapping(params.name) }));

export const DELETE = apiRoute(null, async ({ params }) => {
  await deleteMapping(params.name);
  return new Response(null, { status: 204 });
});
