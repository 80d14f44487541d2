// What a re-derive stores of a server, from its history: its status and hunt per campaign and for the roll-up, its
// spans, its current state (the server's own columns) and the scans it rests on. The recompute
// (data/fleet/status-recompute.ts) writes it; the property tests compare one way of reaching it with another.
import { evaluateAcrossCampaigns, ROLLUP } from "./campaign-evaluation";
import type { CampaignRules } from "./campaign-rules";
import { dayOf } from "./days";
import type { ScanFacts, ServerHistory } from "./facts";
import type { Hunt } from "./hunt";
import type { Resume } from "./resume";
import { campaignHunt, rollupCampaignHunt, type CampaignHunt } from "./server-hunts";
import type { ServerState, StatusSpan } from "./status";
import type { Status } from "./statuses";

export interface DerivedStatus {
  status: Status;
  hunt: CampaignHunt;
}

export interface ServerDerivation {
  /** by campaign id and ROLLUP; none while decommissioned (it counts nowhere) */
  statuses: Map<string, DerivedStatus>;
  /** by campaign id and ROLLUP */
  spans: Map<string, StatusSpan[]>;
  /** the roll-up's state now: the server's own columns */
  current: ServerState;
  /** the scans its state rests on (resume.ts) */
  anchors: ScanFacts[];
}

/** A server derived from its history (or, with `resume`, from its stored anchors and spans and its new facts). */
export function deriveServer(history: ServerHistory, campaigns: readonly CampaignRules[], asOf: Date, resume?: Resume): ServerDerivation {
  const today = dayOf(asOf);
  const { campaigns: byCampaign, rollup, anchors } = evaluateAcrossCampaigns(history, campaigns, asOf, resume, { explain: false });
  const statuses = new Map<string, DerivedStatus>();
  if (!rollup.current.decommissioned) {
    const hunts = new Map<string, Hunt>();
    for (const c of campaigns) {
      const evaluation = byCampaign.get(c.id)!;
      const hunt = campaignHunt(history, c, evaluation, today);
      hunts.set(c.id, hunt.hunt);
      statuses.set(c.id, { status: evaluation.current.status, hunt });
    }
    statuses.set(ROLLUP, { status: rollup.current.status, hunt: rollupCampaignHunt(hunts, campaigns, rollup.spans, today) });
  }
  const spans = new Map<string, StatusSpan[]>([...[...byCampaign].map(([c, e]) => [c, e.spans] as const), [ROLLUP, rollup.spans]]);
  return { statuses, spans, current: rollup.current, anchors };
}
