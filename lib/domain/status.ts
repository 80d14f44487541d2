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

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

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

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function evidenceOf(scan: ScanFacts): PatchEvidence {
  return scan.patchEvidence ?? "build";
}

// Only these scans decide the patch verdict; "not-checked" and "offline" scans leave it as it was.
function hasPatchEvidence(scan: ScanFacts): boolean {
  const evidence = evidenceOf(scan);
  return evidence === "build" || evidence === "vulnerable" || evidence === "not-determined";
}

// A tool that could not reach the server saw nothing: neither a build, a mitigation nor an indicator.
function reachedServer(scan: ScanFacts): boolean {
  return evidenceOf(scan) !== "offline";
}

function toolName(scan: ScanFacts): string {
  return scan.tool?.trim() || "the scanner";
}

// "the nmap scan", "the Test-ProxyLogon check"; "the scan" when the tool is not named.
function runLabel(scan: ScanFacts, noun: "scan" | "check"): string {
  const tool = scan.tool?.trim();
  return tool ? `the ${tool} ${noun}` : `the ${noun}`;
}

// A mitigation only matters while the server is not patched: it is a stopgap, never a patch.
// This holds for "unknown" too: a server of unknown patch level with the IIS URL Rewrite rule is at least
// mitigated, and "mitigated" still says "not patched", so it never overstates. That covers a
// "not-determined" scan with EOMT, and a "vulnerable" one: EOMT is the stopgap for exactly that.
function withMitigation(status: BuildVerdict["status"], mitigated: boolean): Status {
  return mitigated && status !== "patched" ? "mitigated" : status;
}

function patchPart(verdict: BuildVerdict, mitigated: boolean): { status: Status; reason: string } {
  const status = withMitigation(verdict.status, mitigated);
  if (status === "mitigated") {
    return { status, reason: `Not patched: EOMT mitigation applied, which is not a patch. ${verdict.reason}` };
  }
  return { status, reason: verdict.reason };
}

// The patch status a scan's evidence gives, without a reason: all the spans loop needs.
// stateOf and judgeScan take their status from here too, so the two can never disagree.
function evidenceStatus(scan: ScanFacts, judge: Judge): BuildVerdict["status"] {
  switch (evidenceOf(scan)) {
    case "build":
      return judge(scan.build).status;
    case "vulnerable":
      return "unpatched";
    default:
      return "unknown";
  }
}

// The build's own verdict, appended to a tool's finding. When the build looks patched, the bridge says why
// the status is not, or the reason would contradict it.
function buildNote(scan: ScanFacts, fromBuild: BuildVerdict, bridgeIfPatched: string): string {
  if (!scan.build?.trim()) return "";
  return fromBuild.status === "patched" ? ` ${bridgeIfPatched}: ${fromBuild.reason}` : ` ${fromBuild.reason}`;
}

function offlineReason(scan: ScanFacts): string {
  return `Unknown: ${toolName(scan)} could not reach this server on ${dayOf(scan.scannedAt)}, so it was not scanned.`;
}

// What one scan says about the patch level. Product and CU come from the build only when the scan's
// evidence is about the patch: a compromise check or an unreachable server says nothing about the build.
function scanVerdict(scan: ScanFacts, judge: Judge): BuildVerdict {
  const evidence = evidenceOf(scan);
  const fromBuild = judge(scan.build);
  if (evidence === "build") return fromBuild;
  const day = dayOf(scan.scannedAt);
  const status = evidenceStatus(scan, judge);
  const { product, cumulativeUpdate } = fromBuild;
  if (evidence === "vulnerable") {
    const cves = scan.cves?.length ? ` to ${unique(scan.cves).join(", ")}` : "";
    const reason =
      `Unpatched: ${toolName(scan)} found the server vulnerable${cves} on ${day}.` +
      buildNote(scan, fromBuild, "Its build looks patched, but the tool's finding outranks the build number");
    return { status, product, cumulativeUpdate, reason };
  }
  if (evidence === "not-determined") {
    const reason =
      `Unknown: ${runLabel(scan, "scan")} on ${day} could not determine whether the server is patched.` +
      buildNote(scan, fromBuild, "Its build alone looks patched, but this scan does not confirm it");
    return { status, product, cumulativeUpdate, reason };
  }
  const reason =
    evidence === "offline"
      ? offlineReason(scan)
      : `Unknown: ${runLabel(scan, "check")} on ${day} says nothing about the patch level: it only looks for compromise.`;
  return { status, product: null, cumulativeUpdate: null, reason };
}

// The patch verdict of a server none of whose scans has patch evidence. Scans must be sorted oldest first.
function noEvidenceVerdict(scans: ScanFacts[]): BuildVerdict {
  const seen = scans.findLast(reachedServer);
  const reason = seen
    ? `Unknown: no scan of this server says which build it runs; ${runLabel(seen, "check")} on ` +
      `${dayOf(seen.scannedAt)} only looks for compromise.`
    : offlineReason(scans[scans.length - 1]);
  return { status: "unknown", product: null, cumulativeUpdate: null, reason };
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
