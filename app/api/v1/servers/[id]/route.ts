import { apiRoute } from "@/lib/api/handler";
import { getServer } from "@/lib/data/fleet/server-detail";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

// One server: its verdict for every campaign with the reason, its patch level and open CVEs, what to install.
export const GET = apiRoute(null, async ({ access, params }) => {
  const id = /^[1-9]\d{0,15}$/.test(params.id ?? "") ? Number(params.id) : NaN;
  const server = Number.isSafeInteger(id) ? await getServer(access, id) : null;
  if (!server) throw notFound("Server");
  const { organizationName: _name, scans: _scans, findings: _findings, ...rest } = server;
  return { server: rest };
});
