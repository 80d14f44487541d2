import { apiRoute } from "@/lib/api/handler";
import { getServer } from "@/lib/data/fleet/server-detail";
import { notFound } from "@/lib/errors";
import type { ServerAnswer } from "@/lib/zod/answers/server";
import { serverId } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

// One server: its verdict for every campaign with the reason, its patch level and open CVEs, what to install.
export const GET = apiRoute(null, async ({ access, params }) => {
  const id = serverId(params.id);
  const server = id === null ? null : await getServer(access, id);
  if (!server) throw notFound("Server");
  const { organizationName: _name, scans: _scans, findings: _findings, ...rest } = server;
  return { server: rest } satisfies ServerAnswer;
});
