// The recompute's short way for a server whose new scans only repeat its latest stored one (lib/domain/steady.ts):
// what it writes instead of a replay.
import type { CampaignRules } from "../../domain/campaign-rules";
import type { ServerHistory } from "../../domain/facts";
import type { Hunt } from "../../domain/hunt";
import { rollupHuntOf } from "../../domain/server-hunts";
import { steadyAnchors, steadyScans } from "../../domain/steady";
import type { Resumable } from "./resume-window";
import type { SteadyStored, StoredStatus } from "./stored-status";

// A steady server's anchors are its last replay's and its latest new scans (lib/domain/steady.ts): a few. A bound all
// the same, past which it is replayed once.
const MAX_ANCHORS = 16;

export interface SteadyServer {
  lastScanAt: Date;
  /** its anchors (steadyAnchors), and of them those this re-derive added */
  anchors: number[];
  added: number[];
  /** its stored roll-up row (its status stays; the only stored row a steady re-derive may rewrite) */
  storedRollup: StoredStatus;
  /** the roll-up's hunt ranked as of today */
  rollupHunt: Hunt;
}

/** What a steady server's re-derive writes; null when it must be replayed. */
export function steadyServer(window: Resumable, history: ServerHistory, { hunts, rollup }: SteadyStored, campaigns: readonly CampaignRules[], today: string): SteadyServer | null {
  // Stored under exactly these campaigns (a campaign added or rules changed since re-derive every server whole).
  if (!rollup || window.derivedOn === null || hunts.size !== campaigns.length + 1 || !campaigns.every((c) => hunts.has(c.id))) return null;
  const fresh = steadyScans({ history, since: window.since, derivedOn: window.derivedOn, campaigns, today });
  if (!fresh) return null;
  const { anchors, added } = steadyAnchors(window.anchors, window.steadyIds, fresh);
  if (anchors.length > MAX_ANCHORS) return null;
  return {
    lastScanAt: new Date(Math.max(...fresh.map((s) => s.scannedAt.getTime()))),
    anchors,
    added,
    storedRollup: rollup,
    rollupHunt: rollupHuntOf(hunts, campaigns, today),
  };
}
