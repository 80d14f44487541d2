import { apiRoute } from "@/lib/api/handler";
import { listServers } from "@/lib/data/fleet/servers";
import { serverListQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(serverListQuery, async ({ access, query }) => listServers(access, query));
