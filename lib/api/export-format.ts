import type { ExportFormat } from "../zod/exports";
import { XLSX_TYPE } from "../export/xlsx";

/**
 * The answer's format: `format=` when given, else the Accept header when it names CSV or XLSX (a browser's
 * text/html or a client's * / * keeps JSON, the list's default).
 */
export function negotiateFormat(format: ExportFormat | undefined, accept: string | null): ExportFormat {
  if (format) return format;
  const types = (accept ?? "")
    .slice(0, 1000)
    .split(",")
    .map((part) => part.split(";")[0].trim().toLowerCase());
  if (types.includes("text/csv")) return "csv";
  if (types.includes(XLSX_TYPE)) return "xlsx";
  return "json";
}

/** patchboard-servers-acme-proxylogon-2026-12-02.csv: what, whose, which campaign, which day (UTC). */
export function exportFileName(parts: (string | undefined)[], format: "csv" | "xlsx", now = new Date()): string {
  const safe = parts.filter((p): p is string => !!p).map((p) => p.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "x");
  return `${["patchboard", ...safe, now.toISOString().slice(0, 10)].join("-")}.${format}`;
}
