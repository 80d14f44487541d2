// Plain view objects of the parts of one server's page (re-exported by lib/views.ts, whose ServerDetail holds them):
// its scans, indicators, patch level, verdicts per campaign, compromise check and remediations. No Prisma types, no
// Date objects.
import type { FindingKind, PatchEvidence } from "./domain/facts";
import type { Status } from "./domain/statuses";

export interface ScanView {
  id: number;
  scannedAt: string;
  build: string | null;
  ipAddress: string | null;
  status: Status;
  reason: string;
  /** one label per finding type, with its count ("CVE-2021-26855 ×3"): for display only */
  indicators: string[];
  indicatorCount: number;
  suspiciousFiles: number;
  mitigation: string | null;
  /** the format it came from: canonical, mapped, test-proxylogon, health-checker, nmap, nessus */
  source: string;
  /** the tool's name for people, e.g. "Test-ProxyLogon"; null for CSV imports */
  tool: string | null;
  patchEvidence: PatchEvidence;
  logAgeDays: number | null;
}

/** One indicator (its type and its path, request or value), with every time the scans listed it. */
export interface IndicatorGroupView {
  type: string;
  detail: string;
  kind: FindingKind;
  /** the earliest and latest time it counts from (the tool's own time, or its scan's), ISO 8601 */
  firstSeen: string;
  lastSeen: string;
  /** the latest scan that listed it: a re-run can list an old finding again */
  lastReported: string;
  /** how many times the scans listed it */
  timesSeen: number;
  /** the tools that reported it, for people ("Test-ProxyLogon", "Patchboard CSV") */
  tools: string[];
  /** the campaigns a tool tied it to (a CVE of theirs), if any */
  campaigns: { id: string; name: string }[];
  /** listed at or after the last remediation: still counts */
  open: boolean;
}

/** A page of a server's indicators, latest first, and the counts over all of them. */
export interface ServerFindingsView {
  groups: IndicatorGroupView[];
  /** 1-based */
  page: number;
  pageSize: number;
  /** distinct indicators (rows of the list) */
  total: number;
  /** findings as the scans listed them, repeats included */
  findings: number;
  /** open indicators of compromise: what makes the server compromised */
  openIndicators: number;
  /** open suspicious files: leads, not proof */
  openLeads: number;
}

/** A server's whole patch level, from its build and the build table alone. */
export interface PatchLevelView {
  build: string | null;
  /** false when the build cannot tell which updates are installed: counts are then lower bounds or absent */
  determined: boolean;
  product: string | null;
  release: string | null;
  releaseDate: string | null;
  supported: boolean | null;
  extendedSupportEnds: string | null;
  /** the latest update installed on its release ("Mar21SU", "Apr24HU") and the security update it amounts to */
  installed: { update: string; securityUpdate: string | null } | null;
  updatesBehind: number | null;
  missing: { securityUpdate: string; released: string }[];
  /** open CVEs, known-exploited first */
  openCves: { cve: string; fixedBy: string; install: string; kev: { added: string; ransomware: boolean } | null }[];
  undeterminedCves: string[];
  reason: string;
}

/** One campaign's verdict on a server, with its reason, what to install and what the tools said. */
export interface CampaignVerdictView {
  id: string;
  name: string;
  status: Status;
  /** the status without the compromise, which is server-wide */
  patchStatus: Status;
  reason: string;
  /** the reason without the compromise sentence, which is server-wide and stated once in the verdict */
  patchReason: string;
  /** what to install for this campaign; null when nothing is needed or the build says too little */
  install: string | null;
  /** the stopgaps that count for this campaign, and what gets past them */
  mitigations: string[];
  /** each tool's own verdict for this campaign, latest first */
  toolVerdicts: ToolVerdictView[];
  /** open findings a tool tied to this campaign (Test-ProxyLogon's CVE files) */
  findings: number;
}

/** The latest compromise check (Test-ProxyLogon run) of a server, explained. */
export interface CompromiseCheckView {
  checkedAt: string;
  tool: string;
  /** indicators the check listed, open or cleared */
  indicatorCount: number;
  logAgeDays: number | null;
  headline: string;
  logCoverage: string | null;
  logsTooShort: boolean;
  /** "clean" exactly when the server has no open indicator (the findings list agrees) */
  tone: "found" | "clean";
  /** what reconciles the check with the open indicators of other scans; null when nothing */
  note: string | null;
}

/** A tool's own answer (Health Checker, Nessus, nmap) beside ours for the same scan. */
export interface ToolVerdictView {
  tool: string;
  scannedAt: string;
  vulnerable: boolean | "unknown";
  cves: string[];
  /** our verdict from that scan's build */
  ours: "patched" | "unpatched" | "mitigated" | "unknown";
  agrees: boolean | null;
  text: string;
}

export interface RemediationView {
  id: number;
  remediatedAt: string;
  note: string;
  recordedBy: string;
}
