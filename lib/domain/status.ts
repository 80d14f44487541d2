// A server's status for an advisory, from its scans and the remediations recorded for it.
// Patched and compromised are separate questions: a compromise outranks any patch level and stays until
// someone records that it was remediated.
import { judgeBuild, type Advisory } from "./advisory";
import { PROXYLOGON } from "./advisories/proxylogon";
import {
  dayOf, evidenceStatus, hasPatchEvidence, noEvidenceVerdict, patchPart, reachedServer, scanVerdict, unique, withMitigation,
  type Judge,
} from "./patch-evidence";
import type { Status } from "./statuses";

export interface BuildVerdict {
  status: "patched" | "unpatched" | "unknown";
  product: string | null;
  cumulativeUpdate: string | null;
  reason: string;
}

// What a scan says about the patch level. Tools differ: our CSV and Health Checker report the build, nmap's
// script may find the server vulnerable or stay silent, Test-ProxyLogon only looks for compromise.
//   "build": judge the build.
//   "vulnerable": the tool itself found the server vulnerable, whatever the build says.
//   "not-determined": the tool tried and could not decide (nmap without the script's output).
//   "not-checked": the scan says nothing about the patch level (Test-ProxyLogon); its indicators still count.
//   "offline": the tool could not reach the server; the scan shows nothing at all.
export type PatchEvidence = "build" | "vulnerable" | "not-determined" | "not-checked" | "offline";

export interface ScanFacts {
  scannedAt: Date;
  build: string | null;
  indicators: string[];
  // "eomt": the EOMT / IIS URL Rewrite mitigation was applied.
  mitigation: string | null;
  // Absent means "build", as for our canonical CSV.
  patchEvidence?: PatchEvidence;
  // Display name for reasons: "nmap", "Nessus", "Health Checker", "Test-ProxyLogon".
  tool?: string | null;
  // The CVEs a "vulnerable" scan names.
  cves?: string[];
}

export interface RemediationFacts {
  remediatedAt: Date;
}

export interface ScanJudgement {
  status: Status;
  reason: string;
  product: string | null;
  cumulativeUpdate: string | null;
}

export interface ServerState {
  status: Status;
  reason: string;
  build: string | null;
  product: string | null;
  cumulativeUpdate: string | null;
  lastScanAt: Date | null;
  indicators: string[];
  compromisedAt: Date | null;
}

// Days are UTC YYYY-MM-DD; the span covers [fromDay, toDay), and the last span is open (toDay null).
export interface StatusSpan {
  status: Status;
  fromDay: string;
  toDay: string | null;
}

export interface ServerEvaluation {
  current: ServerState;
  spans: StatusSpan[];
}

export const EOMT_MITIGATION = "eomt";
const DAY_MS = 24 * 60 * 60 * 1000;

// The UTC day spans and reasons name (YYYY-MM-DD); defined with the reasons, exported here with the spans.
export { dayOf };

function isEomt(mitigation: string | null): boolean {
  return mitigation?.trim().toLowerCase() === EOMT_MITIGATION;
}

// Tools' findings are summarised one label per type, "CVE-2021-26855 ×3": the count behind a label is its ×N.
const LABEL_COUNT = / ×(\d+)$/;

export function countIndicators(labels: string[]): number {
  return labels.reduce((n, label) => n + Number(LABEL_COUNT.exec(label)?.[1] ?? 1), 0);
}

function indicatorCount(labels: string[]): string {
  const n = countIndicators(labels);
  return `${n} indicator${n === 1 ? "" : "s"} of compromise`;
}

// What one scan alone says, without the server's history.
export function judgeScan(scan: ScanFacts, advisory: Advisory = PROXYLOGON): ScanJudgement {
  const verdict = scanVerdict(scan, (build) => judgeBuild(build, advisory));
  const { product, cumulativeUpdate } = verdict;
  const reached = reachedServer(scan);
  const patch = patchPart(verdict, reached && isEomt(scan.mitigation));
  const found = reached ? unique(scan.indicators) : [];
  if (found.length > 0) {
    const reason =
      `Compromised: this scan found ${indicatorCount(found)}; a compromise stays until it is marked ` +
      `remediated. ${patch.reason}`;
    return { status: "compromised", reason, product, cumulativeUpdate };
  }
  return { ...patch, product, cumulativeUpdate };
}

const NO_SCAN: ServerState = {
  status: "unknown",
  reason: "No scan yet, so the status is unknown.",
  build: null,
  product: null,
  cumulativeUpdate: null,
  lastScanAt: null,
  indicators: [],
  compromisedAt: null,
};

// A fleet runs a few hundred distinct builds at most, and a recompute judges them for
// every server and event day: judging each build once per advisory keeps imports cheap.
const MAX_CACHED_BUILDS = 10_000;
const verdictCache = new WeakMap<Advisory, Map<string | null, BuildVerdict>>();

function memoJudge(advisory: Advisory): Judge {
  let cache = verdictCache.get(advisory);
  if (!cache) verdictCache.set(advisory, (cache = new Map()));
  const verdicts = cache;
  return (build) => {
    let verdict = verdicts.get(build);
    if (!verdict) {
      if (verdicts.size >= MAX_CACHED_BUILDS) verdicts.clear();
      verdicts.set(build, (verdict = judgeBuild(build, advisory)));
    }
    return verdict;
  };
}

// Both lists must be sorted oldest first.
function stateOf(scans: ScanFacts[], remediations: RemediationFacts[], judge: Judge): ServerState {
  if (scans.length === 0) return { ...NO_SCAN };
  const seen = scans.filter(reachedServer);
  // The patch verdict, build, product and CU come from the latest scan that says something about the patch:
  // a later compromise check must not hide the build an earlier scan reported.
  const evidence = seen.findLast(hasPatchEvidence) ?? null;
  const verdict = evidence ? scanVerdict(evidence, judge) : noEvidenceVerdict(scans);
  // Decision: an EOMT mitigation recorded by any scan still counts later, even when the latest scan does not
  // report it: the IIS URL Rewrite rule stays in place once applied, and scanners that only read the build
  // (nmap, Nessus) cannot see it.
  const patch = patchPart(verdict, seen.some((s) => isEomt(s.mitigation)));
  const lastRemediation = remediations.at(-1)?.remediatedAt ?? null;
  // A remediation only clears indicators found before it; a scan at the very same moment is not cleared.
  const open = seen.filter((s) => lastRemediation === null || s.scannedAt.getTime() >= lastRemediation.getTime());
  const indicators = unique(open.flatMap((s) => s.indicators));
  const firstOpenIndicator = open.find((s) => s.indicators.length > 0) ?? null;
  const base = {
    build: evidence?.build ?? null,
    product: verdict.product,
    cumulativeUpdate: verdict.cumulativeUpdate,
    // An unreachable server was not scanned, so an offline attempt must not make it look fresh.
    lastScanAt: seen.at(-1)?.scannedAt ?? null,
    indicators,
  };
  if (firstOpenIndicator) {
    const since = dayOf(firstOpenIndicator.scannedAt);
    const reason =
      `Compromised: ${indicatorCount(indicators)} found since ${since}; a compromise stays until it is ` +
      `marked remediated. ${patch.reason}`;
    return { ...base, status: "compromised", reason, compromisedAt: firstOpenIndicator.scannedAt };
  }
  const remediated = lastRemediation ? ` Compromise marked remediated on ${dayOf(lastRemediation)}.` : "";
  return { ...base, status: patch.status, reason: patch.reason + remediated, compromisedAt: null };
}

function byTime<T>(items: T[], time: (item: T) => Date): T[] {
  // Array.prototype.sort is stable, so events at the same moment keep their input order.
  return [...items].sort((a, b) => time(a).getTime() - time(b).getTime());
}

export function evaluateServer(
  scans: ScanFacts[],
  remediations: RemediationFacts[],
  advisory: Advisory = PROXYLOGON,
): ServerEvaluation {
  const sortedScans = byTime(scans, (s) => s.scannedAt);
  const sortedRemediations = byTime(remediations, (r) => r.remediatedAt);
  const judge = memoJudge(advisory);
  const current = stateOf(sortedScans, sortedRemediations, judge);
  // Offline scans show nothing, so the history ignores them: a server only ever tried has no spans, just
  // like a server never scanned.
  const seenScans = sortedScans.filter(reachedServer);
  if (seenScans.length === 0) return { current, spans: [] };

  // The status can only change on a day with an event, so it is enough to evaluate the end of those days.
  // One pass over both time-ordered lists: only the status is needed here, not the reason.
  const eventDays = unique(
    [...seenScans.map((s) => dayOf(s.scannedAt)), ...sortedRemediations.map((r) => dayOf(r.remediatedAt))].sort(),
  );
  const spans: StatusSpan[] = [];
  let i = 0;
  let j = 0;
  let eomt = false;
  let lastIndicatorAt = -Infinity;
  let lastRemediationAt = -Infinity;
  let evidence: ScanFacts | null = null;
  for (const day of eventDays) {
    const endOfDay = Date.parse(`${day}T00:00:00.000Z`) + DAY_MS;
    for (; i < seenScans.length && seenScans[i].scannedAt.getTime() < endOfDay; i++) {
      const scan = seenScans[i];
      if (isEomt(scan.mitigation)) eomt = true;
      if (scan.indicators.length > 0) lastIndicatorAt = scan.scannedAt.getTime();
      if (hasPatchEvidence(scan)) evidence = scan;
    }
    for (; j < sortedRemediations.length && sortedRemediations[j].remediatedAt.getTime() < endOfDay; j++) {
      lastRemediationAt = sortedRemediations[j].remediatedAt.getTime();
    }
    // Same rules as stateOf: the patch verdict is the latest patch-evidence scan's, unknown before the first
    // one (a mitigation still shows); a remediation clears indicators found strictly before it.
    const status: Status =
      lastIndicatorAt > -Infinity && lastIndicatorAt >= lastRemediationAt
        ? "compromised"
        : withMitigation(evidence ? evidenceStatus(evidence, judge) : "unknown", eomt);
    const last = spans.at(-1);
    if (last?.status === status) continue;
    if (last) last.toDay = day;
    spans.push({ status, fromDay: day, toDay: null });
  }
  return { current, spans };
}
