// Plain view objects: what the data layer returns and what may cross into client
// components or API answers. No Prisma types, no Date objects (ISO strings instead).
import type { Status, StatusCounts } from "./domain/statuses";

export type { Status, StatusCounts };

export interface FleetSummary {
  servers: number;
  organizations: number;
  statuses: StatusCounts;
}

export interface OrganizationRow {
  slug: string;
  name: string;
  servers: number;
  statuses: StatusCounts;
  /** 0-100, one decimal */
  percentPatched: number;
}

export interface ServerRow {
  id: number;
  hostname: string;
  /** organization slug */
  organization: string;
  organizationName: string;
  ipAddress: string | null;
  build: string | null;
  product: string | null;
  cumulativeUpdate: string | null;
  status: Status;
  /** ISO 8601 */
  lastScanAt: string | null;
  indicators: string[];
}

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface TrendDay extends StatusCounts {
  /** YYYY-MM-DD (UTC) */
  date: string;
}

export interface TopOrganization {
  slug: string;
  name: string;
  unpatched: number;
  compromised: number;
}

export interface ScanView {
  id: number;
  scannedAt: string;
  build: string | null;
  ipAddress: string | null;
  status: Status;
  reason: string;
  indicators: string[];
  mitigation: string | null;
  source: string;
}

export interface RemediationView {
  id: number;
  remediatedAt: string;
  note: string;
  recordedBy: string;
}

export interface ServerDetail extends ServerRow {
  /** the verdict explained in words */
  reason: string;
  compromisedAt: string | null;
  scans: ScanView[];
  remediations: RemediationView[];
}

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportSummary {
  id: number;
  format: string;
  fileName: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  serversCreated: number;
  serversUpdated: number;
  errors: ImportError[];
  duplicate: boolean;
}
