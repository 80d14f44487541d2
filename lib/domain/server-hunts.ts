// A server's hunt and exposure for each campaign and the roll-up, from its stored facts and the spans the status
// engine derived: what the recompute stores beside each status.
import type { CampaignRules } from "./campaign-rules";
import type { ServerHistory } from "./facts";
import { checkCover, huntOf, rollupHunt, type CoverRange, type Hunt } from "./hunt";
import { dayOf } from "./days";
import type { CampaignEvaluation, StatusSpan } from "./status";
import { exposureOf, type Exposure } from "./time-to-patch";

export interface CampaignHunt {
  hunt: Hunt;
  exposure: Exposure | null;
}

/** The days clean checks looked at, for this campaign: its compromise checks' runs and every recorded hunt. */
export function coversFor(history: ServerHistory, campaign: CampaignRules): CoverRange[] {
  const checks = campaign.compromiseChecks ?? [];
  const runs = (history.checks ?? []).flatMap((c) =>
    checks.includes(c.checkId) ? [checkCover({ day: dayOf(c.at), reachDays: c.reachDays, latestFindingDay: c.latestFindingAt ? dayOf(c.latestFindingAt) : null })] : [],
  );
  return [...runs.filter((c): c is CoverRange => c !== null), ...(history.hunts ?? [])];
}

/**
 * A campaign's hunt and exposure from its evaluation: its spans (as stored), its state now and the first scan that
 * reached the server as the engine ordered them (scans of the same moment in its replay order, so that a resumed
 * re-derive, which keeps that scan as an anchor, finds the same one).
 */
export function campaignHunt(history: ServerHistory, campaign: CampaignRules, { spans, current, firstSeen: first }: Pick<CampaignEvaluation, "spans" | "current" | "firstSeen">, today: string): CampaignHunt {
  const hunt = huntOf({
    campaign: { exploitedFrom: campaign.exploitedFrom, lookBackFrom: campaign.lookBackFrom, fixReleased: campaign.fixReleased ?? null },
    spans,
    status: current.status,
    firstScan: first ? { day: dayOf(first.scannedAt), safe: campaign.safeFromStart?.(first.build) ?? false } : null,
    covers: coversFor(history, campaign),
    today,
  });
  return { hunt, exposure: exposureOf(spans) };
}

/** The roll-up's hunt: the worst of the campaigns disclosed by today, taken in the campaigns' order (it breaks ties). */
export function rollupHuntOf(hunts: ReadonlyMap<string, Hunt>, campaigns: readonly CampaignRules[], today: string): Hunt {
  return rollupHunt(
    campaigns.flatMap((c) => (c.disclosed <= today && hunts.has(c.id) ? [hunts.get(c.id)!] : [])),
    today,
  );
}

/** The roll-up's: its hunt (rollupHuntOf), and the exposure its own spans tell. */
export function rollupCampaignHunt(hunts: ReadonlyMap<string, Hunt>, campaigns: readonly CampaignRules[], rollupSpans: readonly StatusSpan[], today: string): CampaignHunt {
  return { hunt: rollupHuntOf(hunts, campaigns, today), exposure: exposureOf(rollupSpans) };
}
