// What is stored about one server, as the status engine reads it: its scans (what each tool saw, when),
// its findings (each with its own time) and its remediations. A leaf module: types only, imported by the
// engine, the importers and the data layer alike, so each is defined once.

// What a scan says about the patch level, by what its tool could see:
//   "build": judge the build it reported.
//   "vulnerable": the tool found the server vulnerable from its version or a missing update (Nessus), whatever
//     the build says.
//   "exploitable": a live probe showed the server exploitable now (nmap's http-vuln-cve2021-26855 script sends
//     the very request a mitigation would block), so it also proves that a mitigation recorded earlier is not
//     working.
//   "not-determined": the tool tried and could not decide (nmap without the script's output).
//   "not-checked": the scan says nothing about the patch level (Test-ProxyLogon); its findings still count.
//   "offline": the tool could not reach the server; the scan shows nothing at all.
export const PATCH_EVIDENCE = ["build", "vulnerable", "exploitable", "not-determined", "not-checked", "offline"] as const;
export type PatchEvidence = (typeof PATCH_EVIDENCE)[number];

export const isPatchEvidence = (value: unknown): value is PatchEvidence =>
  typeof value === "string" && (PATCH_EVIDENCE as readonly string[]).includes(value);

export interface ScanFacts {
  /** the stored scan's id, when it is one: a resumed re-derive (resume.ts) reloads the few its state rests on */
  id?: number;
  scannedAt: Date;
  build: string | null;
  // "eomt": the EOMT / IIS URL Rewrite mitigation was applied.
  mitigation: string | null;
  // Absent means "build", as for our canonical CSV.
  patchEvidence?: PatchEvidence;
  // Display name for reasons: "nmap", "Nessus", "Health Checker", "Test-ProxyLogon".
  tool?: string | null;
  // The format it came from (Scan.source): "canonical", "mapped", "nmap", "nessus", "health-checker", "test-proxylogon".
  source?: string | null;
  // The CVEs a "vulnerable" or "exploitable" scan names.
  cves?: string[];
  // The tool's checks that fired: nmap script ids, Nessus plugin ids. Campaigns map them to their CVEs.
  signals?: string[];
}

// "indicator": proof of compromise (a CVE log hit, a web shell, an LSASS dump).
// "suspicious-file": a lead to look at, not proof (an archive under ProgramData and the like).
export const FINDING_KINDS = ["indicator", "suspicious-file"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

// One finding (a log line, a path), or the same finding listed several times: a re-run of a tool that re-reads
// old logs lists old hits again.
export interface FindingFacts {
  // When it happened, by the tool's own record (a log line's time); the reporting scan's time when the tool
  // gives none; never after the scan that reported it.
  at: Date;
  // When the latest scan that reported it ran.
  reportedAt: Date;
  type: string;
  // What was found: a path, a request. With the type, it tells one finding from another.
  detail: string;
  kind: FindingKind;
}

export interface RemediationFacts {
  remediatedAt: Date;
}

// A compromise check's run (Test-ProxyLogon): when, how far back its logs reached, and the latest finding it
// listed (its clean look starts after it).
export interface CheckFacts {
  /** the check's id in the campaigns' compromiseChecks: "test-proxylogon" */
  checkId: string;
  at: Date;
  reachDays: number | null;
  latestFindingAt: Date | null;
}

// A hunt a technician recorded, done with another tool: the days it covered. One that found something is also a
// finding (dated its last day), so it is not here.
export interface RecordedHunt {
  fromDay: string;
  toDay: string;
}

// A technician's mark on a server: taken off the internet (CISA's stopgap for a server that cannot be patched yet)
// and back, or retired (decommissioned, moved to Exchange Online) and back.
export const LIFECYCLE_KINDS = ["disconnected", "reconnected", "decommissioned", "recommissioned"] as const;
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];

export interface LifecycleFacts {
  kind: LifecycleKind;
  at: Date;
}

export interface ServerHistory {
  scans: ScanFacts[];
  findings: FindingFacts[];
  remediations: RemediationFacts[];
  checks?: CheckFacts[];
  hunts?: RecordedHunt[];
  lifecycle?: LifecycleFacts[];
}
