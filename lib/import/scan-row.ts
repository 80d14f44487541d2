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
  /** our CSV's indicators as written (a path each); the tools' findings come in `findings` instead */
  indicators: string[];
  mitigation: string | null;
  /** absent: "build" */
  patchEvidence?: PatchEvidence;
  toolVerdict?: ToolVerdict | null;
  logAgeDays?: number | null;
  /** the tool's checks that fired (nmap scripts, Nessus plugins), by id */
  signals?: string[];
  /** the tool's findings, each with its own time, stored in the Indicator table; absent: one per entry of `indicators` */
  findings?: IndicatorObservation[];
}
