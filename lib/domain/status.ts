// A server's status for an advisory, from its scans and the remediations recorded for it.
// Patched and compromised are separate questions: a compromise outranks any patch level and stays until
// someone records that it was remediated.
import { judgeBuild, type Advisory } from "./advisory";
import { PROXYLOGON } from "./advisories/proxylogon";
import type { Status } from "./statuses";

export interface BuildVerdict {
  status: "patched" | "unpatched" | "unknown";
  product: string | null;
  cumulativeUpdate: string | null;
  reason: string;
}

export interface ScanFacts {
  scannedAt: Date;
  build: string | null;
  indicators: string[];
  // "eomt": the EOMT / IIS URL Rewrite mitigation was applied.
  mitigation: string | null;
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

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isEomt(mitigation: string | null): boolean {
  return mitigation?.trim().toLowerCase() === EOMT_MITIGATION;
}

function indicatorCount(n: number): string {
  return `${n} indicator${n === 1 ? "" : "s"} of compromise`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

// A mitigation only matters while the build is not patched: it is a stopgap, never a patch.
function patchPart(verdict: BuildVerdict, mitigated: boolean): { status: Status; reason: string } {
  if (mitigated && verdict.status !== "patched") {
    return { status: "mitigated", reason: `Not patched: EOMT mitigation applied, which is not a patch. ${verdict.reason}` };
  }
  return { status: verdict.status, reason: verdict.reason };
}

// What one scan alone says, without the server's history.
export function judgeScan(scan: ScanFacts, advisory: Advisory = PROXYLOGON): ScanJudgement {
  const verdict = judgeBuild(scan.build, advisory);
  const { product, cumulativeUpdate } = verdict;
  const patch = patchPart(verdict, isEomt(scan.mitigation));
  const found = unique(scan.indicators);
  if (found.length > 0) {
    const reason =
      `Compromised: this scan found ${indicatorCount(found.length)}; a compromise stays until it is marked ` +
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

type Judge = (build: string | null) => BuildVerdict;

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
  const latest = scans.at(-1);
  if (!latest) return { ...NO_SCAN };
  const verdict = judge(latest.build);
  // Decision: an EOMT mitigation recorded by any scan still counts later, even when the latest scan does not
  // report it: the IIS URL Rewrite rule stays in place once applied, and scanners that only read the build
  // (nmap, Nessus) cannot see it.
  const patch = patchPart(verdict, scans.some((s) => isEomt(s.mitigation)));
  const lastRemediation = remediations.at(-1)?.remediatedAt ?? null;
  // A remediation only clears indicators found before it; a scan at the very same moment is not cleared.
  const open = scans.filter((s) => lastRemediation === null || s.scannedAt.getTime() >= lastRemediation.getTime());
  const indicators = unique(open.flatMap((s) => s.indicators));
  const firstOpenIndicator = open.find((s) => s.indicators.length > 0) ?? null;
  const base = {
    build: latest.build,
    product: verdict.product,
    cumulativeUpdate: verdict.cumulativeUpdate,
    lastScanAt: latest.scannedAt,
    indicators,
  };
  if (firstOpenIndicator) {
    const since = dayOf(firstOpenIndicator.scannedAt);
    const reason =
      `Compromised: ${indicatorCount(indicators.length)} found since ${since}; a compromise stays until it is ` +
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
  if (sortedScans.length === 0) return { current, spans: [] };

  // The status can only change on a day with an event, so it is enough to evaluate the end of those days.
  // One pass over both time-ordered lists: only the status is needed here, not the reason.
  const eventDays = unique(
    [...sortedScans.map((s) => dayOf(s.scannedAt)), ...sortedRemediations.map((r) => dayOf(r.remediatedAt))].sort(),
  );
  const spans: StatusSpan[] = [];
  let i = 0;
  let j = 0;
  let eomt = false;
  let lastIndicatorAt = -Infinity;
  let lastRemediationAt = -Infinity;
  for (const day of eventDays) {
    const endOfDay = Date.parse(`${day}T00:00:00.000Z`) + DAY_MS;
    for (; i < sortedScans.length && sortedScans[i].scannedAt.getTime() < endOfDay; i++) {
      const scan = sortedScans[i];
      if (isEomt(scan.mitigation)) eomt = true;
      if (scan.indicators.length > 0) lastIndicatorAt = scan.scannedAt.getTime();
    }
    for (; j < sortedRemediations.length && sortedRemediations[j].remediatedAt.getTime() < endOfDay; j++) {
      lastRemediationAt = sortedRemediations[j].remediatedAt.getTime();
    }
    // Same rules as stateOf: no scan yet is unknown; a remediation clears indicators found strictly before it.
    const status: Status =
      i === 0
        ? "unknown"
        : lastIndicatorAt > -Infinity && lastIndicatorAt >= lastRemediationAt
        ? "compromised"
        : patchPart(judge(sortedScans[i - 1].build), eomt).status;
    const last = spans.at(-1);
    if (last?.status === status) continue;
    if (last) last.toDay = day;
    spans.push({ status, fromDay: day, toDay: null });
  }
  return { current, spans };
}
