import { MAPPING_FIELDS } from "@/lib/import/mapping-fields";
import type { ColumnMappingView } from "@/lib/views";

export type CanonicalField = keyof ColumnMappingView["columns"];

export interface MappingField {
  name: CanonicalField;
  label: string;
  required: boolean;
}

/** A saved mapping that fits the file; `exact` = saved from a file with this very header. */
export type FittingMapping = ColumnMappingView & { exact: boolean };

/** The details of an "unmapped_header" error: what the mapping panel needs. */
export interface UnmappedHeader {
  fileName: string;
  header: string[];
  delimiter: string;
  preview: string[][];
  mappings: FittingMapping[];
  fields: MappingField[];
}

// Used when the server sends no field list, so the panel still offers every column.
export const CANONICAL_FIELDS: MappingField[] = MAPPING_FIELDS;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map((v) => String(v ?? "")) : []);

function readFields(value: unknown): MappingField[] {
  if (!Array.isArray(value)) return CANONICAL_FIELDS;
  const known = new Map(CANONICAL_FIELDS.map((f) => [f.name as string, f]));
  const fields = value.flatMap((item): MappingField[] => {
    const o = (item ?? {}) as Record<string, unknown>;
    const fallback = typeof o.name === "string" ? known.get(o.name) : undefined;
    if (!fallback) return [];
    const label = typeof o.label === "string" && o.label ? o.label : fallback.label;
    return [{ name: fallback.name, label, required: typeof o.required === "boolean" ? o.required : fallback.required }];
  });
  return fields.length > 0 ? fields : CANONICAL_FIELDS;
}

/** The error's details if they describe a header to map; null if they cannot (then it is shown as a plain error). */
export function readUnmappedHeader(details: unknown): UnmappedHeader | null {
  if (!details || typeof details !== "object") return null;
  const d = details as Record<string, unknown>;
  const header = strings(d.header);
  if (header.length === 0) return null;
  const mappings = Array.isArray(d.mappings)
    ? (d.mappings as FittingMapping[]).filter((m) => m && typeof m.name === "string" && m.columns && typeof m.columns === "object")
    : [];
  return {
    fileName: typeof d.fileName === "string" ? d.fileName : "",
    header,
    delimiter: typeof d.delimiter === "string" ? d.delimiter : ",",
    preview: Array.isArray(d.preview) ? d.preview.slice(0, 5).map(strings) : [],
    // The one made for this header first: it is the likeliest fit.
    mappings: [...mappings].sort((a, b) => Number(Boolean(b.exact)) - Number(Boolean(a.exact))),
    fields: readFields(d.fields),
  };
}
