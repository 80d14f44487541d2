import { apiRoute } from "@/lib/api/handler";
import { listServers } from "@/lib/data/fleet/servers";
import { serverListQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(serverListQuery, async ({ access, query }) => {
  const page = await listServers(access, query);
  // The API names the organization by slug only; organizationName is for the pages.
  return { ...page, data: page.data.map(({ organizationName: _name, ...row }) => row) };
});
