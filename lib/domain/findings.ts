// What a tool's finding means: proof of compromise, or a lead to look at. And when it counts from.
import type { FindingKind } from "./facts";

// Test-ProxyLogon's -other file flags archives under ProgramData and the like as "SuspiciousArchive": attackers
// staged stolen mailboxes in them, but admins and installers leave archives there too. An LSASS dump or a web
// shell is different: nobody creates those by accident.
const ARCHIVE_TYPES = new Set(["suspiciousarchive"]);
// Finding types whose detail is only a path (the -other file without a type, our CSV's free text): the path
// decides. A CVE log hit is proof whatever file it names.
const PATH_ONLY_TYPES = new Set(["other", "reported", "suspiciousfile"]);
const ARCHIVE_PATH = /\.(?:zip|7z|rar)["'\s]*$/i;

export function findingKind(type: string, detail: string): FindingKind {
  const key = type.trim().toLowerCase();
  if (ARCHIVE_TYPES.has(key)) return "suspicious-file";
  if (PATH_ONLY_TYPES.has(key) && ARCHIVE_PATH.test(detail)) return "suspicious-file";
  return "indicator";
}

const MAX_SUMMARY = 120;

/** A finding in a few words for a list of many: the path for the types a path decides, else the type (a CVE log hit). */
export function findingSummary(type: string, detail: string): string {
  const text = PATH_ONLY_TYPES.has(type.trim().toLowerCase()) && detail.trim() ? detail.trim() : type;
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}

// A finding counts from the time the tool says it happened. A time after the scan that reported it is a clock
// error (the tool cannot have seen the future): the scan's time is used then, and when the tool gives none.
export function findingTime(seenAt: Date | null, scannedAt: Date): Date {
  if (seenAt === null || !Number.isFinite(seenAt.getTime()) || seenAt.getTime() > scannedAt.getTime()) return scannedAt;
  return seenAt;
}

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  indicator: "indicator of compromise",
  "suspicious-file": "suspicious file",
};
