import { z } from "zod";

export const EXPORT_FORMATS = ["json", "csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `format` on the list routes: json (the default), or a download as csv or xlsx. */
export const exportFormat = z.enum(EXPORT_FORMATS).optional();
