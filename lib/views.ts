// Plain view objects: what the data layer returns and what may cross into client
// components or API answers. No Prisma types, no Date objects (ISO strings instead).
import type { Role } from "./domain/access";
import type { Guidance } from "./domain/guidance";
import type { HuntState } from "./domain/hunt";
import type { Status, StatusCounts } from "./domain/statuses";
import type { CampaignVerdictView, CompromiseCheckView, IndicatorGroupView, PatchLevelView, RemediationView, ScanView, ServerFindingsView, ToolVerdictView } from "./server-views";

export type { Status, StatusCounts };
export type { DryRunSummary, ImportChangeCounts, ImportDetail, ImportError, ImportListRow, ImportServerChange, ImportSummary } from "./import-views";
export type { CampaignVerdictView, CompromiseCheckView, IndicatorGroupView, PatchLevelView, RemediationView, ScanView, ServerFindingsView, ToolVerdictView };

/** A campaign (a named Exchange emergency), as the pages and the API show it. */
export interface CampaignView {
  id: string;
  name: string;
  alias: string | null;
  summary: string;
  cves: string[];
  /** the security updates that fix its CVEs, with the day each came out */
  fixes: { securityUpdate: string; kb: string | null; cves: string[]; released: string }[];
  disclosed: string;
  exploitedFrom: string;
  lookBackFrom: string;
  mitigations: { id: string; name: string; bypassedFrom: string | null; bypassedBy: string | null }[];
  /** shipped as a file, not added by an admin */
  builtIn: boolean;
}

export interface FleetSummary {
  /** the campaign the counts are for; "all" is the roll-up */
  campaign: string;
  servers: number;
  organizations: number;
  statuses: StatusCounts;
  /** the newest scan of any of these servers (ISO 8601), null before the first */
  latestScanAt: string | null;
  /** servers that still need a hunt for the campaign: no clean check yet, or checks that cover only part of the window */
  huntNeeded: number;
}

/** A server's hunt window for one campaign (lib/domain/hunt.ts), as stored by the last recompute. */
export interface HuntWindowView {
  /** the first day to look at (YYYY-MM-DD); null when no hunt is needed */
  windowFrom: string | null;
  /** the last day to look at; null while the server is still exposed (today) */
  windowTo: string | null;
  /** days of the window clean checks cover, and the days in it */
  covered: number;
  days: number;
  /** the first day it was exposed while exploited */
  exposedSince: string | null;
}

/** A server's exposure to one campaign: from its first day to the scan that showed it patched. */
export interface ExposureView {
  from: string;
  /** null while still open */
  patchedOn: string | null;
  /** days to patch; while open, the days so far */
  days: number;
  open: boolean;
}

export interface OrganizationRow {
  slug: string;
  name: string;
  servers: number;
  statuses: StatusCounts;
  /** the worst status among its servers (null without servers): what "sort by status" orders by */
  worstStatus: Status | null;
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
  /** what the open indicators of compromise are (a type, or the path our CSV reported) */
  indicators: string[];
  /** how many open indicators of compromise */
  indicatorCount: number;
  /** open leads: suspicious files that are not proof by themselves */
  suspiciousFiles: number;
  /** security updates shipped for its product that the build lacks; null when the build cannot tell */
  updatesBehind: number | null;
  /** its product still gets security updates; null for an unknown product */
  supported: boolean | null;
}

/** A row of the servers table: a server with how fresh its data is and how long its exposure has been open. */
export interface ServerListRow extends ServerRow {
  /** its last scan is older than the stale threshold (a setting), or it was never scanned */
  stale: boolean;
  /** the first day (YYYY-MM-DD) of its current run of not-patched days for the campaign; null when patched */
  exposedSince: string | null;
  /** for the campaign: not-needed, hunted, partly-hunted, needed or compromised */
  hunt: HuntState;
  huntWindow: HuntWindowView;
  /** null when it has no exposure to the campaign (never scanned since its disclosure) */
  exposure: ExposureView | null;
}

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A day the trend chart marks: a campaign's disclosure, the day its fix came out. */
export interface TrendMarker {
  date: string;
  label: string;
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

export interface ServerDetail extends ServerRow {
  /** the verdict explained in words */
  reason: string;
  compromisedAt: string | null;
  /** what to do next, from the server's product, CU and every campaign */
  guidance: Guidance;
  /** every campaign's verdict, in the dashboard's order */
  campaigns: CampaignVerdictView[];
  patchLevel: PatchLevelView;
  /** the latest scans, newest first; scansTotal counts them all */
  scans: ScanView[];
  scansTotal: number;
  remediations: RemediationView[];
  /** the first page of its indicators, one row per indicator */
  findings: ServerFindingsView;
  /** findings as the scans listed them (findings.findings) */
  findingsTotal: number;
  compromiseCheck: CompromiseCheckView | null;
}

/** A saved column mapping: canonical column name -> the header name in the user's file. */
export interface ColumnMappingView {
  name: string;
  columns: Partial<Record<"organization" | "hostname" | "ip_address" | "exchange_build" | "scanned_at" | "indicators" | "mitigation", string>>;
  fixed: { organization?: string; scanned_at?: string };
  createdAt: string;
}

/** A person who signs in, as the users page shows them. */
export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  allOrganizations: boolean;
  organizations: { slug: string; name: string }[];
  createdAt: string;
}

/** Time to patch for an organization or the fleet, for one campaign (lib/data/fleet/patch-times.ts). */
export interface PastTargetServer {
  id: number;
  hostname: string;
  organization: string;
  organizationName: string;
  exposedFrom: string;
  days: number;
  targetDays: number;
  /** the campaign it is exposed to, by name */
  campaign: string;
}

export interface PatchTimesView {
  campaign: string;
  /** the organization's target; null for a fleet (each organization has its own) */
  targetDays: number | null;
  /** servers with an exposure to the campaign (for the roll-up: exposures, one per server and campaign) */
  exposed: number;
  patched: number;
  open: number;
  median: number | null;
  p90: number | null;
  withinTarget: number;
  patchedLate: number;
  openPastTarget: number;
  /** the share patched by each day; `since`: what day 0 is */
  curve: { day: number; share: number }[];
  since: "disclosure" | "exposure";
  /** the open exposures past their target, oldest first (a few) */
  pastTarget: PastTargetServer[];
}

/** A server's hunt and exposure for one campaign. */
export interface CampaignHuntView {
  id: string;
  name: string;
  hunt: HuntState;
  huntWindow: HuntWindowView;
  exposure: ExposureView | null;
}

export interface ServerHuntsView {
  rollup: CampaignHuntView | null;
  campaigns: CampaignHuntView[];
  recorded: RecordedHuntView[];
}

/** A hunt recorded by hand. */
export interface RecordedHuntView {
  id: number;
  fromDay: string;
  toDay: string;
  tool: string;
  result: "clean" | "found";
  note: string;
  recordedBy: string;
  createdAt: string;
}

/** A technician's mark on a server: disconnected, reconnected, decommissioned, recommissioned. */
export interface ServerLifecycleView {
  id: number;
  kind: "disconnected" | "reconnected" | "decommissioned" | "recommissioned";
  at: string;
  note: string;
  recordedBy: string;
}
