// The client report as plain data: what the printable page and the PDF both draw, assembled once on the server by
// lib/data/reports/client-report.ts. Pure types (no framework imports), so the renderers and the "what remains to
// do" rules share one shape. Hunt state and time to patch are optional: they render when the data layer fills them.
import type { WeeklyDigest } from "../digest";
import type { HuntState } from "../hunt";
import type { Status, StatusCounts } from "../statuses";

export interface ReportBranding {
  /** the MSP's name; null when an admin has not set one */
  name: string | null;
  /** the logo as stored (PNG or JPEG, checked when uploaded) */
  logo: { contentType: "image/png" | "image/jpeg"; bytes: Uint8Array } | null;
}

export interface ReportServer {
  id: number;
  hostname: string;
  status: Status;
  /** the verdict in words, for the campaign (or the roll-up) */
  reason: string;
  build: string | null;
  product: string | null;
  cumulativeUpdate: string | null;
  /** security updates the build lacks; null when the build cannot tell */
  updatesBehind: number | null;
  openCves: number;
  supported: boolean | null;
  /** ISO 8601; null: never scanned */
  lastScanAt: string | null;
  /** open indicators of compromise */
  indicatorCount: number;
  /** the first day of its current exposure; null when patched */
  exposedSince: string | null;
  /** what to install, from lib/domain/guidance.ts: one line per update (empty when nothing is needed or known) */
  install: string[];
  hunt?: HuntState;
}

export interface ReportRemediation {
  serverId: number;
  hostname: string;
  /** ISO 8601 */
  remediatedAt: string;
  note: string;
  recordedBy: string;
}

export interface ReportTimeToPatch {
  /** the organization's target in days; null for a fleet (each organization has its own) */
  targetDays: number | null;
  exposed: number;
  patched: number;
  open: number;
  median: number | null;
  p90: number | null;
  /** servers patched within the target */
  withinTarget: number;
  openPastTarget: number;
}

export interface ReportTrendDay extends StatusCounts {
  date: string;
}

export interface ReportTodo {
  /** what kind of work, for the renderers' order and tests; the words are in `text` */
  kind: "investigate" | "install" | "find-build" | "rescan" | "mitigated" | "hunt" | "unsupported";
  text: string;
  /** how many servers it concerns */
  servers: number;
}

/** One organization's part of a report. */
export interface ReportSection {
  organization: { slug: string; name: string };
  summary: { servers: number; statuses: StatusCounts; latestScanAt: string | null };
  trend: ReportTrendDay[];
  /** worst first; at most the report's cap */
  servers: ReportServer[];
  /** how many servers the organization has in all (more than `servers.length` when the cap cut the list) */
  serversTotal: number;
  remediations: ReportRemediation[];
  remediationsTotal: number;
  todo: ReportTodo[];
  timeToPatch?: ReportTimeToPatch;
  /** servers marked decommissioned: they left the counts and the table, and are named here (at most the report's cap) */
  decommissioned?: { hostname: string; since: string | null }[];
  decommissionedTotal?: number;
  /** what changed in the seven days before the report (lib/domain/digest.ts) */
  digest?: WeeklyDigest;
}

export interface ClientReport {
  kind: "organization" | "fleet";
  campaign: { id: string; name: string; description: string };
  /** ISO 8601 */
  generatedAt: string;
  branding: ReportBranding;
  /** the fleet report's totals (its cards and trend); null for one organization */
  fleet: { summary: { servers: number; organizations: number; statuses: StatusCounts; latestScanAt: string | null }; trend: ReportTrendDay[] } | null;
  sections: ReportSection[];
  /** the report's caps, stated in it when they cut something */
  limits: { servers: number; remediations: number; organizations: number };
  /** organizations left out of a fleet report by the cap */
  organizationsLeftOut: number;
}
