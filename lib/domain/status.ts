// A server's status for an advisory, from its scans, its findings and the remediations recorded for it.
// Patched and compromised are separate questions: a compromise outranks any patch level and stays until
// someone records that it was remediated. The rules are in server-timeline.ts; this file tells them in words.
import { judgeBuild, type Advisory, type BuildVerdict } from "./advisory";
import { normalizeBuild } from "./exchange-builds";
import type { FindingFacts, ScanFacts, ServerHistory } from "./facts";
import {
  dayOf, evidenceOf, evidenceStatus, noEvidenceVerdict, reachedServer, runLabel, scanVerdict, toolName, unique, withMitigation,
  type Judge,
} from "./patch-evidence";
import { isEomt, ServerTimeline, sortScans } from "./server-timeline";
import type { Status } from "./statuses";

export { dayOf };

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
  /** the types of the open indicators of compromise, oldest first */
  indicators: string[];
  /** how many distinct open indicators of compromise (findings dated at or after the last remediation) */
  indicatorCount: number;
  /** open leads: suspicious files that are not proof of compromise by themselves */
  suspiciousFiles: number;
  /** the time of the first open indicator */
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

export interface ScanFindingCounts {
  indicators: number;
  suspiciousFiles: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

const indicatorCount = (n: number) => `${plural(n, "indicator")} of compromise`;

function suspiciousNote(n: number): string {
  if (n === 0) return "";
  return ` ${plural(n, "suspicious file")} found (an archive in ProgramData or the like): a lead to look at, not proof of compromise.`;
}

// What one scan alone says, without the server's history.
export function judgeScan(scan: ScanFacts, found: ScanFindingCounts, advisory: Advisory): ScanJudgement {
  const judge: Judge = (build) => judgeBuild(build, advisory);
  const verdict = scanVerdict(scan, judge);
  const { product, cumulativeUpdate } = verdict;
  const reached = reachedServer(scan);
  const mitigated = reached && isEomt(scan.mitigation) && evidenceOf(scan) !== "exploitable";
  const status = withMitigation(evidenceStatus(scan, judge), mitigated);
  const patchReason = status === "mitigated" ? `${MITIGATED_PREFIX} ${verdict.reason}` : verdict.reason;
  const leads = reached ? suspiciousNote(found.suspiciousFiles) : "";
  if (reached && found.indicators > 0) {
    const reason =
      `Compromised: this scan found ${indicatorCount(found.indicators)}; a compromise stays until it is marked ` +
      `remediated. ${patchReason}${leads}`;
    return { status: "compromised", reason, product, cumulativeUpdate };
  }
  return { status, reason: patchReason + leads, product, cumulativeUpdate };
}

const MITIGATED_PREFIX = "Not patched: EOMT mitigation applied, which is not a patch.";

// A fleet runs a few hundred distinct builds at most, and a recompute judges them for every server and event
// day: judging each build once per advisory keeps imports cheap.
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

function patchReason(t: ServerTimeline, scans: ScanFacts[], judge: Judge): { verdict: BuildVerdict; scan: ScanFacts | null } {
  const { conclusive, inconclusive, contradiction } = t;
  if (contradiction && conclusive) {
    const now = scanVerdict(contradiction, judge);
    const before = judge(conclusive.scan.build);
    const reason =
      `Unknown: ${runLabel(contradiction)} on ${dayOf(contradiction.scannedAt)} shows build ${normalizeBuild(contradiction.build)} ` +
      `(${now.product} ${now.cumulativeUpdate ?? "of an unknown cumulative update"}), not the ${before.product} ${before.cumulativeUpdate} ` +
      `build judged on ${dayOf(conclusive.scan.scannedAt)}, and cannot tell whether it is patched. ${now.reason}`;
    return { verdict: { ...now, status: "unknown", reason }, scan: contradiction };
  }
  if (conclusive) {
    const verdict = scanVerdict(conclusive.scan, judge);
    if (!inconclusive) return { verdict, scan: conclusive.scan };
    const from = conclusive.scan.build?.trim() ? `build ${normalizeBuild(conclusive.scan.build)}` : `${toolName(conclusive.scan)}'s finding`;
    const reason =
      `${verdict.reason} Last determined on ${dayOf(conclusive.scan.scannedAt)} from ${from}; ` +
      `${runLabel(inconclusive)} on ${dayOf(inconclusive.scannedAt)} could not tell.`;
    return { verdict: { ...verdict, reason }, scan: conclusive.scan };
  }
  if (inconclusive) return { verdict: scanVerdict(inconclusive, judge), scan: inconclusive };
  return { verdict: noEvidenceVerdict(scans), scan: null };
}

function mitigationReason(t: ServerTimeline, patch: BuildVerdict): string {
  if (patch.status === "patched" || t.mitigatedAt === null) return patch.reason;
  if (t.mitigationHolds) return `${MITIGATED_PREFIX} ${patch.reason}`;
  const probe = t.exploitableAt!;
  return (
    `${patch.reason} The EOMT mitigation recorded on ${dayOf(t.mitigatedAt.scannedAt)} is not working: ` +
    `${toolName(probe)}'s live probe on ${dayOf(probe.scannedAt)} sends the very request the mitigation blocks, and found the server exploitable.`
  );
}

function stateOf(t: ServerTimeline, scans: ScanFacts[], findings: FindingFacts[], judge: Judge): ServerState {
  const patch = patchReason(t, scans, judge);
  const reason = mitigationReason(t, patch.verdict);
  const open = findings.filter((f) => f.at.getTime() >= t.lastRemediationAt);
  const indicators = open.filter((f) => f.kind === "indicator");
  const count = distinct(indicators);
  const leads = distinct(open.filter((f) => f.kind === "suspicious-file"));
  const remediatedOn = t.lastRemediationAt > -Infinity ? dayOf(new Date(t.lastRemediationAt)) : null;
  const base = {
    build: patch.scan?.build ? normalizeBuild(patch.scan.build) : null,
    product: patch.verdict.product,
    cumulativeUpdate: patch.verdict.cumulativeUpdate,
    // An unreachable server was not scanned, so an offline attempt must not make it look fresh.
    lastScanAt: t.lastSeen?.scannedAt ?? null,
    indicators: unique(indicators.map((f) => f.type)),
    indicatorCount: count,
    suspiciousFiles: leads,
  };
  if (t.compromised) {
    const first = indicators[0].at;
    const after = remediatedOn ? ` (dated after the remediation recorded on ${remediatedOn})` : "";
    const text =
      `Compromised: ${indicatorCount(count)} found since ${dayOf(first)}${after}; a compromise stays until it is ` +
      `marked remediated. ${reason}${suspiciousNote(leads)}`;
    return { ...base, status: "compromised", reason: text, compromisedAt: first };
  }
  let remediated = "";
  if (remediatedOn) {
    const relisted = findings.filter((f) => f.kind === "indicator" && f.at.getTime() < t.lastRemediationAt && f.reportedAt.getTime() > t.lastRemediationAt);
    const again = distinct(relisted);
    remediated =
      ` Compromise marked remediated on ${remediatedOn}.` +
      (again > 0 ? ` ${plural(again, "finding")} reported again since then ${again === 1 ? "is" : "are"} dated before it, so ${again === 1 ? "it stays" : "they stay"} cleared.` : "");
  }
  return { ...base, status: t.status, reason: reason + remediated + suspiciousNote(leads), compromisedAt: null };
}

// The same thing found again (a re-run re-reading old logs, a path listed by every scan) is one indicator.
const distinct = (findings: FindingFacts[]) => new Set(findings.map((f) => `${f.type}\u0000${f.detail}`)).size;

const byTime = <T>(items: T[], time: (item: T) => Date): T[] => [...items].sort((a, b) => time(a).getTime() - time(b).getTime());

export function evaluateServer(history: ServerHistory, advisory: Advisory): ServerEvaluation {
  const judge = memoJudge(advisory);
  const scans = sortScans(history.scans, judge);
  const findings = byTime(history.findings, (f) => f.at);
  const remediations = byTime(history.remediations, (r) => r.remediatedAt);
  const seen = scans.filter(reachedServer);

  // The status can only change on a day with an event, so it is enough to evaluate the end of those days.
  // Leads do not change the status, so their days are not event days.
  const indicatorTimes = findings.filter((f) => f.kind === "indicator").map((f) => f.at);
  const eventDays = unique([...seen.map((s) => s.scannedAt), ...indicatorTimes, ...remediations.map((r) => r.remediatedAt)].map(dayOf).sort());
  const timeline = new ServerTimeline(judge);
  const spans: StatusSpan[] = [];
  let [i, j, k] = [0, 0, 0];
  // Offline scans show nothing, and a server with only remediations has no status to show: such a server has
  // no spans, just like a server never scanned.
  const visible = seen.length > 0 || indicatorTimes.length > 0;
  for (const day of visible ? eventDays : []) {
    const endOfDay = Date.parse(`${day}T00:00:00.000Z`) + DAY_MS;
    for (; i < seen.length && seen[i].scannedAt.getTime() < endOfDay; i++) timeline.addScan(seen[i]);
    for (; j < findings.length && findings[j].at.getTime() < endOfDay; j++) timeline.addFinding(findings[j]);
    for (; k < remediations.length && remediations[k].remediatedAt.getTime() < endOfDay; k++) timeline.addRemediation(remediations[k].remediatedAt);
    const status = timeline.status;
    const last = spans.at(-1);
    if (last?.status === status) continue;
    if (last) last.toDay = day;
    spans.push({ status, fromDay: day, toDay: null });
  }
  // Events not replayed above (a server without spans) still make up its current state.
  for (; i < seen.length; i++) timeline.addScan(seen[i]);
  for (; j < findings.length; j++) timeline.addFinding(findings[j]);
  for (; k < remediations.length; k++) timeline.addRemediation(remediations[k].remediatedAt);
  return { current: stateOf(timeline, scans, findings, judge), spans };
}
