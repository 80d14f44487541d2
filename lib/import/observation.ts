// What a scanning tool's file says about one server, before it is stored: the common
// shape every format parser (Test-ProxyLogon, Health Checker, nmap, Nessus, mapped CSV)
// yields, so that one import pipeline can take them all. Pure types; no framework imports.
import type { PatchEvidence } from "../domain/facts";

export interface IndicatorObservation {
  /** e.g. "CVE-2021-26855", "CVE-2021-27065", "LsassDump", "SuspiciousArchive", "web-shell" */
  type: string;
  /** a path, a request URL or a message: what was found */
  detail: string;
  /** when the tool saw it, if the file says */
  seenAt: Date | null;
}

export interface ToolVerdict {
  /** "health-checker", "nessus", "nmap" */
  tool: string;
  /** the tool's own answer to "is this server vulnerable?" */
  vulnerable: boolean | "unknown";
  cves: string[];
}

export interface CompromiseCheck {
  /** the check ran (Test-ProxyLogon); an empty indicator list then means "nothing found" */
  tool: string;
  /** how many days back the logs reached, per the LogAgeDays file (the smallest over protocols) */
  logAgeDays: number | null;
}

export interface ScanObservation {
  hostname: string;
  /** only some formats name it (Health Checker, canonical CSV); the upload gives it otherwise */
  organization: string | null;
  ipAddress: string | null;
  /** three- or four-part Exchange build, when the file shows one */
  build: string | null;
  /** null when the file does not say: the caller uses scannedAt= or the upload time */
  scannedAt: Date | null;
  indicators: IndicatorObservation[];
  mitigation: string | null;
  /**
   * How the patch question is answered by this file:
   * "build": from `build` (and the advisory's table);
   * "vulnerable": the tool found the server vulnerable from its version or a missing update, whatever the build;
   * "exploitable": a live probe found it exploitable now (nmap's script), which also defeats a mitigation;
   * "not-determined": the file cannot tell (e.g. nmap script without output): unknown, never patched;
   * "not-checked": the file says nothing about patching (Test-ProxyLogon).
   */
  patchEvidence: Exclude<PatchEvidence, "offline">;
  toolVerdict: ToolVerdict | null;
  compromiseCheck: CompromiseCheck | null;
  /** false: the tool could not reach the server (Health Checker "Online": false): recorded as not scanned */
  online: boolean;
  /** the tool's checks that fired: nmap scripts that reported VULNERABLE, Nessus plugins; campaigns map them to CVEs */
  signals?: string[];
}

export type ObservationRecord = { line: number; observation: ScanObservation } | { line: number; error: string };
