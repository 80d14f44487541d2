// A server judged against every campaign at once, and the roll-up "All known-exploited": compromised when a
// compromise is open; else unpatched when unpatched against any campaign; else unknown when any campaign cannot be
// decided (it may be unpatched); else mitigated when any exposure is only mitigated; else patched. A campaign counts
// from the day it was disclosed: before that it was no emergency, and a 2021 trend must not show every server
// unpatched against a flaw found in 2022.
import type { CampaignRules } from "./campaign-rules";
import type { ScanFacts, ServerHistory } from "./facts";
import type { Resume } from "./resume";
import { clipSpans, spliceSpans } from "./span-days";
import { evaluateServer, type CampaignEvaluation, type EvaluateOptions, type ServerEvaluation, type ServerState, type StatusSpan } from "./status";
import { STATUSES, severityOf, type Status } from "./statuses";

export const ROLLUP = "all";

export function rollupStatus(statuses: readonly Status[]): Status | null {
  for (const status of STATUSES) if (statuses.includes(status)) return status;
  return null;
}

export interface ServerAcrossCampaigns {
  /** by campaign id, with spans from the campaign's disclosure on */
  campaigns: Map<string, CampaignEvaluation>;
  rollup: ServerEvaluation;
  /** every campaign's anchors (resume.ts), each scan once */
  anchors: ScanFacts[];
}

function statusOn(spans: readonly StatusSpan[], day: string): Status | null {
  for (const s of spans) if (s.fromDay <= day && (s.toDay === null || day < s.toDay)) return s.status;
  return null;
}

// A day's worst status across the campaigns (null when no campaign has one), without a list per day: an import
// rolls up every server it touches.
function worstOn(perCampaign: readonly (readonly StatusSpan[])[], day: string): Status | null {
  let worst: Status | null = null;
  for (const spans of perCampaign) {
    const status = statusOn(spans, day);
    if (status !== null && (worst === null || severityOf(status) < severityOf(worst))) worst = status;
  }
  return worst;
}

function rollupSpans(perCampaign: readonly (readonly StatusSpan[])[]): StatusSpan[] {
  const boundaries = new Set<string>();
  for (const list of perCampaign) {
    for (const s of list) {
      boundaries.add(s.fromDay);
      if (s.toDay) boundaries.add(s.toDay);
    }
  }
  const spans: StatusSpan[] = [];
  for (const day of [...boundaries].sort()) {
    const status = worstOn(perCampaign, day);
    const last = spans.at(-1);
    if (last && last.toDay === null && last.status === status) continue;
    if (last && last.toDay === null) last.toDay = day;
    if (status !== null) spans.push({ status, fromDay: day, toDay: null });
  }
  return spans;
}

/**
 * The roll-up of a server from its campaigns: its current status is the worst of the active campaigns' statuses
 * (those disclosed by now; unknown when none is), and its spans, day by day, the worst of every campaign's spans
 * (each already clipped to its campaign's disclosure). The one way both a full evaluation and a stored re-derive
 * (adding a campaign) compute it.
 */
export function rollupOf(perCampaignSpans: readonly (readonly StatusSpan[])[], activeStatuses: readonly Status[]): { status: Status; spans: StatusSpan[] } {
  return { status: rollupStatus(activeStatuses) ?? "unknown", spans: rollupSpans(perCampaignSpans) };
}

const names = (list: CampaignRules[]) => list.map((c) => c.name).join(", ");

const WORDS = [
  ["unpatched", "Unpatched against"],
  ["unknown", "Cannot tell whether patched against"],
  ["mitigated", "Only mitigated against"],
  ["patched", "Patched against"],
] as const;

function rollupReason(states: { campaign: CampaignRules; state: ServerState }[]): { reason: string; patchReason: string } {
  const parts = WORDS.flatMap(([status, words]) => {
    const list = states.filter((x) => x.state.patchStatus === status).map((x) => x.campaign);
    return list.length ? [`${words} ${names(list)}.`] : [];
  });
  // A compromise is server-wide: every campaign states it the same way.
  const compromise = states.find((x) => x.state.compromise)?.state.compromise;
  // So are a technician's marks (disconnected, decommissioned).
  const lifecycle = states.find((x) => x.state.lifecycle)?.state.lifecycle;
  const none = "No campaign applies yet.";
  return { reason: [compromise, lifecycle, ...parts].filter(Boolean).join(" ") || none, patchReason: [lifecycle, ...parts].filter(Boolean).join(" ") || none };
}

/**
 * A server against every campaign and the roll-up. With `resume`, the history holds only the stored anchors and the
 * facts from `resume.day` on (resume.ts), and the spans before that day are the stored ones.
 */
export function evaluateAcrossCampaigns(
  history: ServerHistory,
  campaigns: readonly CampaignRules[],
  asOf: Date = new Date(),
  resume?: Resume,
  options: EvaluateOptions = {},
): ServerAcrossCampaigns {
  const explain = options.explain ?? true;
  const today = asOf.toISOString().slice(0, 10);
  const results = new Map<string, CampaignEvaluation>();
  const active: { campaign: CampaignRules; state: ServerState }[] = [];
  const anchors = new Set<ScanFacts>();
  for (const campaign of campaigns) {
    const evaluation = evaluateServer(history, campaign, asOf, options);
    const fresh = clipSpans(evaluation.spans, campaign.disclosed);
    const spans = resume ? spliceSpans(resume.stored.get(campaign.id) ?? [], fresh, resume.day) : fresh;
    results.set(campaign.id, { current: evaluation.current, spans, firstSeen: evaluation.firstSeen });
    for (const scan of evaluation.anchors ?? []) anchors.add(scan);
    if (campaign.disclosed <= today) active.push({ campaign, state: evaluation.current });
  }
  const first = results.get(campaigns[0]?.id ?? "")?.current;
  const { status, spans } = rollupOf([...results.values()].map((e) => e.spans), active.map((a) => a.state.status));
  const current: ServerState = first
    ? { ...first, status, patchStatus: status === "compromised" ? (rollupStatus(active.map((a) => a.state.patchStatus)) as ServerState["patchStatus"]) ?? "unknown" : (status as ServerState["patchStatus"]), ...(explain ? rollupReason(active) : { reason: "", patchReason: "" }) }
    : { status, patchStatus: "unknown", reason: "No campaign is defined.", patchReason: "No campaign is defined.", build: null, product: null, cumulativeUpdate: null, lastScanAt: null, indicators: [], indicatorCount: 0, suspiciousFiles: 0, compromisedAt: null, compromise: null };
  return { campaigns: results, rollup: { current, spans }, anchors: [...anchors] };
}
