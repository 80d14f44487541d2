import { FORMATS, formatLabel } from "@/lib/import/formats";

/** The formats the upload endpoint reads, as the `format` field names them, in words (from the one registry). */
export const FORMAT_OPTIONS = [{ value: "auto", label: "Detect automatically" }, ...FORMATS.map((f) => ({ value: f.id, label: f.label }))] as const;

export type UploadFormat = (typeof FORMAT_OPTIONS)[number]["value"];

/** An ImportSummary's format in words; an unknown (newer) format is shown as the server names it. */
export const formatName = formatLabel;
