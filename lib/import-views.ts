// Plain view objects of imports (re-exported by lib/views.ts): what an upload answers, the imports list, one import
// with the servers it touched. No Prisma types, no Date objects.
import type { Status } from "./domain/statuses";
import type { StatusChange, StatusChangeCounts } from "./domain/status-change";

export interface ImportError {
  line: number;
  message: string;
}

/** How many servers the import left worse, better, newly compromised or as they were (the roll-up status). */
export type ImportChangeCounts = StatusChangeCounts;

export interface ImportSummary {
  id: number;
  /** the format the file was read as: canonical-csv, test-proxylogon, health-checker, nmap-xml, nessus-csv, mapped-csv */
  format: string;
  /** the file's name; for several Test-ProxyLogon files imported together, their names joined by ", " */
  fileName: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  serversCreated: number;
  serversUpdated: number;
  /** indicators of compromise recorded */
  indicators: number;
  errors: ImportError[];
  duplicate: boolean;
  /** the servers it touched by kind of change; null for an import made before these were recorded */
  changes: ImportChangeCounts | null;
  /** the organizations this import created (only in the answer to the upload itself) */
  newOrganizations?: string[];
}

/**
 * What an upload would do, answered by `?dryRun=1` without writing anything: the same rows read, accepted and
 * rejected, the servers it would create, and the organizations it would create. Indicators are those the file
 * holds (a row stored before is skipped by the real import, so it may record fewer).
 */
export interface DryRunSummary extends Omit<ImportSummary, "id" | "changes" | "newOrganizations"> {
  /** null; for a duplicate, the earlier import the real upload would be answered with */
  id: number | null;
  dryRun: true;
  newOrganizations: string[];
}

/** One import in the list of recent imports. */
export interface ImportListRow {
  id: number;
  /** ISO 8601 */
  createdAt: string;
  /** the user's email or the token's name; null for imports older than this record */
  uploadedBy: string | null;
  /** "upload" (the page), "api" (a token) or "demo" */
  source: string;
  fileName: string | null;
  format: string;
  rows: number;
  accepted: number;
  rejected: number;
  serversCreated: number;
  serversUpdated: number;
  /** null: not recorded (an import made before these were) */
  newCompromises: number | null;
}

/** One import as stored: its list row, and the summary the upload answered. */
export interface ImportDetail extends ImportListRow {
  indicators: number;
  errors: ImportError[];
  changes: ImportChangeCounts | null;
}

/** A server an import touched, with its roll-up status before and after it. */
export interface ImportServerChange {
  serverId: number;
  /** null when the server has been deleted since */
  hostname: string | null;
  /** organization slug and name; null when the server has been deleted since */
  organization: string | null;
  organizationName: string | null;
  /** null: the import created the server */
  before: Status | null;
  after: Status;
  change: StatusChange;
}
