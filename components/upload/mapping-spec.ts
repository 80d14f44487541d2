import type { CanonicalField, MappingField } from "./unmapped-header";
import { utcInputToIso } from "./utc-time";

/** An unsaved mapping as the `mappingSpec` field carries it. */
export interface MappingSpec {
  columns: Partial<Record<CanonicalField, string>>;
  fixed: { organization?: string; scanned_at?: string };
}

/** What the mapping panel's form holds. */
export interface MappingDraft {
  columns: Partial<Record<CanonicalField, string>>;
  fixedOrganization: string;
  /** datetime-local, read as UTC */
  fixedScanTime: string;
  saveAs: string;
}

export type DraftProblems = Partial<Record<CanonicalField | "saveAs", string>>;

// The server's rule for mapping names (lib/zod/upload-options.ts).
const SAVE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** What must be fixed before sending; `organization` = the Organization field above the drop zone. */
export function checkDraft(draft: MappingDraft, fields: MappingField[], organization: string): DraftProblems {
  const problems: DraftProblems = {};
  for (const field of fields) {
    if (field.name === "organization") {
      if (!draft.columns.organization && !draft.fixedOrganization.trim() && !organization.trim()) {
        problems.organization = "Choose the column with the organization, or enter one organization for the whole file.";
      }
    } else if (field.required && !draft.columns[field.name]) {
      problems[field.name] = `Choose the column that holds the ${field.label.toLowerCase()}.`;
    }
  }
  const name = draft.saveAs.trim();
  if (name && !SAVE_NAME.test(name)) {
    problems.saveAs = "Use up to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.";
  }
  return problems;
}

export function toMappingSpec(draft: MappingDraft): MappingSpec {
  const columns = Object.fromEntries(Object.entries(draft.columns).filter(([, column]) => column)) as MappingSpec["columns"];
  const fixed: MappingSpec["fixed"] = {};
  const organization = draft.fixedOrganization.trim();
  if (organization) fixed.organization = organization;
  const scannedAt = utcInputToIso(draft.fixedScanTime);
  if (scannedAt) fixed.scanned_at = scannedAt;
  return { columns, fixed };
}
