// A server's status for an advisory, from its scans, its findings and the remediations recorded for it.
// Patched and compromised are separate questions: a compromise outranks any patch level and stays until
// someone records that it was remediated. The rules are in server-timeline.ts; this file tells them in words.
import type { BuildVerdict } from "./build-verdict";
import { readFor, type CampaignRules } from "./campaign-rules";
import { normalizeBuild } from "./exchange";
import type { FindingFacts, LifecycleFacts, ScanFacts, ServerHistory } from "./facts";
import {
  evidenceOf, evidenceStatus, noEvidenceVerdict, reachedServer, runLabel, scanVerdict, toolName, unique, withMitigation,
  type Judge,
} from "./patch-evidence";
import { ServerTimeline, sortScans } from "./server-timeline";
import { dayOf, startOfDay } from "./days";
import type { Status } from "./statuses";

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
  /** the sentence about an open compromise, the same for every campaign; null when there is none */
  compromise: string | null;
  /** the status without the compromise: what the patch level and mitigations say */
  patchStatus: Exclude<Status, "compromised">;
  /** the reason without the compromise sentence: what the patch level and mitigations say */
  patchReason: string;
  /** marked decommissioned: it counts nowhere from then on (its history is kept) */
  decommissioned?: boolean;
  /** what a technician's marks say (disconnected, decommissioned, seen again), server-wide; absent when nothing */
  lifecycle?: string;
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
  /** the scans the state rests on: replayed with every later scan, they give the same status (resume.ts) */
  anchors?: ScanFacts[];
}

/** One campaign's evaluation (the roll-up's has no scans of its own). */
export interface CampaignEvaluation extends ServerEvaluation {
  /** the first scan that reached the server, in the order the engine replays them (its hunt starts there) */
  firstSeen: ScanFacts | null;
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

const mitigatedPrefix = (name: string) => `Not patched: ${name} applied, which is not a patch.`;

// What one scan alone says about one campaign, without the server's history.
export function judgeScan(raw: ScanFacts, found: ScanFindingCounts, rules: CampaignRules): ScanJudgement {
  const scan = readFor(raw, rules);
  const judge: Judge = (build) => rules.judgeBuild(build);
  const verdict = scanVerdict(scan, judge);
  const { product, cumulativeUpdate } = verdict;
  const reached = reachedServer(scan);
  const rule = rules.mitigations.find((m) => m.id === scan.mitigation);
  const mitigated = reached && rule !== undefined && evidenceOf(scan) !== "exploitable";
  const status = withMitigation(evidenceStatus(scan, judge), mitigated);
  const patchReason = status === "mitigated" ? `${mitigatedPrefix(rule!.name)} ${verdict.reason}` : verdict.reason;
  const leads = reached ? suspiciousNote(found.suspiciousFiles) : "";
  if (reached && found.indicators > 0) {
    const reason =
      `Compromised: this scan found ${indicatorCount(found.indicators)}; a compromise stays until it is marked ` +
      `remediated. ${patchReason}${leads}`;
    return { status: "compromised", reason, product, cumulativeUpdate };
  }
  return { status, reason: patchReason + leads, product, cumulativeUpdate };
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

function mitigationReason(t: ServerTimeline, patch: BuildVerdict, asOf: number): string {
  const rule = t.mitigationRule;
  if (patch.status === "patched" || t.mitigatedAt === null || rule === null) return patch.reason;
  if (t.mitigationHoldsAt(asOf)) return `${mitigatedPrefix(rule.name)} ${patch.reason}`;
  const recorded = `The ${rule.name} recorded on ${dayOf(t.mitigatedAt.scannedAt)}`;
  if (t.mitigationProbed) {
    const probe = t.exploitableAt!;
    return (
      `${patch.reason} ${recorded} is not working: ${toolName(probe)}'s live probe on ${dayOf(probe.scannedAt)} sends the very ` +
      "request the mitigation blocks, and found the server exploitable."
    );
  }
  return `${patch.reason} ${recorded} no longer counts: since ${rule.bypassedFrom}, ${rule.bypassedBy ?? "a known exploit"} gets past it.`;
}

// What a technician's marks say, before the verdict's reason.
function lifecycleReason(t: ServerTimeline, patched: boolean): string {
  const day = (ms: number) => dayOf(new Date(ms));
  if (t.decommissionedAt !== null) return `Decommissioned on ${day(t.decommissionedAt)}: it leaves the counts, tables and charts from that day; its history is kept. `;
  const back = t.seenAgain ? `Decommissioned on ${day(t.seenAgain.decommissionedAt)}, but a scan on ${day(t.seenAgain.at)} saw it again: it counts again. ` : "";
  if (t.disconnectedAt !== null && !patched) return `${back}Disconnected from the internet on ${day(t.disconnectedAt)}: counts as mitigated until it is reconnected or a scan shows it patched. `;
  return back;
}

function stateOf(t: ServerTimeline, scans: ScanFacts[], findings: FindingFacts[], judge: Judge, asOf: number, explain: boolean): ServerState {
  const patch = patchReason(t, scans, judge);
  const lifecycle = explain ? lifecycleReason(t, t.patchStatus === "patched") : "";
  const reason = explain ? lifecycle + mitigationReason(t, patch.verdict, asOf) : "";
  const open = findings.filter((f) => f.at.getTime() >= t.lastRemediationAt);
  const indicators = open.filter((f) => f.kind === "indicator");
  const count = distinct(indicators);
  const leads = distinct(open.filter((f) => f.kind === "suspicious-file"));
  const remediatedOn = t.lastRemediationAt > -Infinity ? dayOf(new Date(t.lastRemediationAt)) : null;
  // Built as one literal with the optional keys added after, never by spreading: a spread of an object that got its
  // keys conditionally took V8's slow path, and was most of a daily import's time in this function.
  const state: ServerState = {
    status: "unknown",
    reason: "",
    build: patch.scan?.build ? normalizeBuild(patch.scan.build) : null,
    product: patch.verdict.product,
    cumulativeUpdate: patch.verdict.cumulativeUpdate,
    // An unreachable server was not scanned, so an offline attempt must not make it look fresh.
    lastScanAt: t.lastSeen?.scannedAt ?? null,
    indicators: unique(indicators.map((f) => f.type)),
    indicatorCount: count,
    suspiciousFiles: leads,
    compromisedAt: null,
    compromise: null,
    patchStatus: withMitigation(t.patchStatus, t.stopgapHoldsAt(asOf)) as Exclude<Status, "compromised">,
    patchReason: "",
  };
  if (t.decommissioned) state.decommissioned = true;
  if (lifecycle) state.lifecycle = lifecycle.trim();
  if (t.compromised) {
    const first = indicators[0].at;
    state.status = "compromised";
    state.compromisedAt = first;
    if (!explain) {
      state.compromise = "";
      return state;
    }
    const after = remediatedOn ? ` (dated after the remediation recorded on ${remediatedOn})` : "";
    state.compromise = `Compromised: ${indicatorCount(count)} found since ${dayOf(first)}${after}; a compromise stays until it is marked remediated.`;
    state.patchReason = reason + suspiciousNote(leads);
    state.reason = `${state.compromise} ${state.patchReason}`;
    return state;
  }
  state.status = t.liveStatusAt(asOf);
  if (!explain) return state;
  let remediated = "";
  if (remediatedOn) {
    const relisted = findings.filter((f) => f.kind === "indicator" && f.at.getTime() < t.lastRemediationAt && f.reportedAt.getTime() > t.lastRemediationAt);
    const again = distinct(relisted);
    remediated =
      ` Compromise marked remediated on ${remediatedOn}.` +
      (again > 0 ? ` ${plural(again, "finding")} reported again since then ${again === 1 ? "is" : "are"} dated before it, so ${again === 1 ? "it stays" : "they stay"} cleared.` : "");
  }
  state.reason = state.patchReason = reason + remediated + suspiciousNote(leads);
  return state;
}

// The same thing found again (a re-run re-reading old logs, a path listed by every scan) is one indicator.
const distinct = (findings: FindingFacts[]) => new Set(findings.map((f) => `${f.type}\u0000${f.detail}`)).size;

const byTime = <T>(items: T[], time: (item: T) => Date): T[] => [...items].sort((a, b) => time(a).getTime() - time(b).getTime());

// A mark applies after the scans of its day that came before it, and is undone by those after it (a scan that sees
// a decommissioned server brings it back): the scans up to the mark were replayed already, so a later scan of the
// same day is replayed again after it.
function replayMark(timeline: ServerTimeline, mark: LifecycleFacts, seen: ScanFacts[]): void {
  timeline.addLifecycle(mark);
  const at = mark.at.getTime();
  const endOfDay = startOfDay(dayOf(mark.at)) + DAY_MS;
  for (const s of seen) if (s.scannedAt.getTime() > at && s.scannedAt.getTime() < endOfDay) timeline.addScan(s);
}

export interface EvaluateOptions {
  /**
   * Word the state (reason, patchReason, compromise, lifecycle); default true. Without, they are empty strings (and
   * lifecycle absent). A re-derive stores statuses, spans and the server's columns, never the words, so it skips
   * them: they were a large share of a daily import's time.
   */
  explain?: boolean;
}

/** A server's status for one campaign, now (asOf) and on every day with an event. */
export function evaluateServer(history: ServerHistory, rules: CampaignRules, asOf: Date = new Date(), { explain = true }: EvaluateOptions = {}): CampaignEvaluation {
  const judge: Judge = (build) => rules.judgeBuild(build);
  const scans = sortScans(history.scans.map((s) => readFor(s, rules)), judge);
  const findings = byTime(history.findings, (f) => f.at);
  const remediations = byTime(history.remediations, (r) => r.remediatedAt);
  const marks: LifecycleFacts[] = byTime(history.lifecycle ?? [], (l) => l.at);
  const seen = scans.filter(reachedServer);

  // The status can only change on a day with an event, so it is enough to evaluate the end of those days.
  // Leads do not change the status, so their days are not event days.
  const indicatorTimes = findings.filter((f) => f.kind === "indicator").map((f) => f.at);
  // The day a known exploit gets past a stopgap changes the status of a server that relies on it.
  // Not before its first scan: it had no status to change then.
  const firstSeenDay = seen.length ? startOfDay(dayOf(seen[0].scannedAt)) : Infinity;
  const bypasses = seen.some((s) => s.mitigation)
    ? rules.mitigations.flatMap((m) => (m.bypassedFrom && startOfDay(m.bypassedFrom) >= firstSeenDay ? [new Date(startOfDay(m.bypassedFrom))] : []))
    : [];
  const lastEvent = Math.max(...seen.map((s) => s.scannedAt.getTime()), ...indicatorTimes.map((t) => t.getTime()));
  const eventDays = unique(
    [...seen.map((s) => s.scannedAt), ...indicatorTimes, ...remediations.map((r) => r.remediatedAt), ...marks.map((l) => l.at), ...bypasses.filter((b) => b.getTime() <= Math.max(lastEvent, asOf.getTime()))]
      .map(dayOf)
      .sort(),
  );
  const timeline = new ServerTimeline(judge, rules.mitigations);
  const spans: StatusSpan[] = [];
  let [i, j, k, m] = [0, 0, 0, 0];
  // Offline scans show nothing, and a server with only remediations has no status to show: such a server has
  // no spans, just like a server never scanned.
  const visible = seen.length > 0 || indicatorTimes.length > 0;
  for (const day of visible ? eventDays : []) {
    const endOfDay = startOfDay(day) + DAY_MS;
    for (; i < seen.length && seen[i].scannedAt.getTime() < endOfDay; i++) timeline.addScan(seen[i]);
    for (; j < findings.length && findings[j].at.getTime() < endOfDay; j++) timeline.addFinding(findings[j]);
    for (; k < remediations.length && remediations[k].remediatedAt.getTime() < endOfDay; k++) timeline.addRemediation(remediations[k].remediatedAt);
    // A mark and a scan on the same day: the one that came later wins, so they are replayed in time order.
    for (; m < marks.length && marks[m].at.getTime() < endOfDay; m++) replayMark(timeline, marks[m], seen);
    const status = timeline.statusAt(endOfDay - 1);
    const last = spans.at(-1);
    const open = last && last.toDay === null ? last : null;
    if (open?.status === status) continue;
    if (open) open.toDay = day;
    // Decommissioned: no span (it counts nowhere) until it is back.
    if (status !== null) spans.push({ status, fromDay: day, toDay: null });
  }
  // Events not replayed above (a server without spans) still make up its current state.
  for (; i < seen.length; i++) timeline.addScan(seen[i]);
  for (; j < findings.length; j++) timeline.addFinding(findings[j]);
  for (; k < remediations.length; k++) timeline.addRemediation(remediations[k].remediatedAt);
  for (; m < marks.length; m++) replayMark(timeline, marks[m], seen);
  return { current: stateOf(timeline, scans, findings, judge, asOf.getTime(), explain), spans, anchors: anchorsOf(timeline, scans, seen), firstSeen: seen[0] ?? null };
}

// What the timeline holds, plus what the current state reads besides: the first scan that reached the server (its
// hunt starts there) and the last scan of all (an offline one explains an unknown).
function anchorsOf(t: ServerTimeline, scans: ScanFacts[], seen: ScanFacts[]): ScanFacts[] {
  const held = [t.conclusive?.scan, t.inconclusive, t.contradiction, t.mitigatedAt, t.exploitableAt, t.lastSeen, seen[0], scans.at(-1)];
  return [...new Set(held.filter((x): x is ScanFacts => x != null))];
}
