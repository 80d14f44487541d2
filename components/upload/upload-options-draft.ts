import type { UploadFormat } from "./format-names";
import type { UploadFields } from "./upload-request";
import { utcInputToIso } from "./utc-time";

/** What the user typed into the options above the drop zone. */
export interface OptionsDraft {
  format: UploadFormat;
  organization: string;
  /** a datetime-local value, read as UTC; "" = the file's own time */
  scanTime: string;
}

export const INITIAL_OPTIONS: OptionsDraft = { format: "auto", organization: "", scanTime: "" };

export function toUploadFields(draft: OptionsDraft): UploadFields {
  const organization = draft.organization.trim();
  return { format: draft.format, organization: organization || undefined, scannedAt: utcInputToIso(draft.scanTime) };
}
