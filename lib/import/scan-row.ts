// One scan as the import writer stores it, whatever format it was read from. Canonical CSV rows arrive in this
// shape directly (the fast path for million-row files); the tools' observations are turned into it.
import type { PatchEvidence } from "../domain/facts";
import type { IndicatorObservation, ToolVerdict } from "./observation";

export type { PatchEvidence };

export interface ScanRowInput {
  organization: string;
  hostname: string;
  ipAddress: string | null;
  build: string | null;
  scannedAt: Date;
  /** short labels the status engine counts; for the tools, one per indicator type ("CVE-2021-26855 ×3") */
  indicators: string[];
  mitigation: string | null;
  /** absent: "build" */
  patchEvidence?: PatchEvidence;
  toolVerdict?: ToolVerdict | null;
  logAgeDays?: number | null;
  /** each finding, stored in the Indicator table; absent: one per entry of `indicators` */
  findings?: IndicatorObservation[];
}
