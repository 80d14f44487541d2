import { apiRoute } from "@/lib/api/handler";
import { exportFileName, negotiateFormat } from "@/lib/api/export-format";
import { exportResponse } from "@/lib/api/export-response";
import { exportMaxRows } from "@/lib/config";
import { exportServers } from "@/lib/data/fleet/server-export";
import { listServers } from "@/lib/data/fleet/servers";
import { serverColumns } from "@/lib/export/columns";
import { serverExportQuery } from "@/lib/zod/exports";

export const dynamic = "force-dynamic";

// JSON pages by default; format=csv|xlsx (or Accept: text/csv) downloads every matching server, streamed.
export const GET = apiRoute(serverExportQuery, async ({ req, access, query }) => {
  const format = negotiateFormat(query.format, req.headers.get("accept"));
  if (format === "json") return listServers(access, query);
  const rows = await exportServers(access, query, { maxRows: exportMaxRows() });
  const name = exportFileName(["servers", query.organization, rows.campaign], format);
  return exportResponse(format, serverColumns(rows.campaign), rows, name, "Servers");
});
