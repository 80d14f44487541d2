import { z } from "zod";
import { organizationListQuery, serverListQuery } from "./list-queries";

export const EXPORT_FORMATS = ["json", "csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `format` on the list routes: json (the default), or a download as csv or xlsx. */
export const exportFormat = z.enum(EXPORT_FORMATS).optional().describe("json (the default), or every matching row as a csv or xlsx download (page and pageSize are then ignored)");

/** GET /api/v1/servers and /organizations: the table's own query, and `format` for a download of every row. */
export const serverExportQuery = serverListQuery.extend({ format: exportFormat });
export const organizationExportQuery = organizationListQuery.extend({ format: exportFormat });
