import { apiRoute } from "@/lib/api/handler";
import { exportFileName, negotiateFormat } from "@/lib/api/export-format";
import { exportResponse } from "@/lib/api/export-response";
import { exportMaxRows } from "@/lib/config";
import { exportOrganizations } from "@/lib/data/fleet/organization-export";
import { listOrganizations } from "@/lib/data/fleet/organizations";
import { organizationColumns } from "@/lib/export/columns";
import { organizationExportQuery } from "@/lib/zod/exports";

export const dynamic = "force-dynamic";

// JSON pages by default; format=csv|xlsx (or Accept: text/csv) downloads every matching organization, streamed.
export const GET = apiRoute(organizationExportQuery, async ({ req, access, query }) => {
  const format = negotiateFormat(query.format, req.headers.get("accept"));
  if (format === "json") return listOrganizations(access, query);
  const rows = await exportOrganizations(access, query, { maxRows: exportMaxRows() });
  const name = exportFileName(["organizations", rows.campaign], format);
  return exportResponse(format, organizationColumns(rows.campaign), rows, name, "Organizations");
});
