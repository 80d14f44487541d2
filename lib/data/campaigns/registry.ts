// The campaigns the dashboard knows: the built-in files and the ones admins added while the app ran.
import { BUILT_IN_CAMPAIGNS } from "../../domain/campaigns/built-in";
import { ROLLUP_ID } from "../../domain/campaigns/definition";
import { parseCampaign } from "../../domain/campaigns/parse";
import { campaignFromDefinition, type Campaign } from "../../domain/campaigns/rules";
import { updateNamed } from "../../domain/exchange";
import { AppError } from "../../errors";
import type { CampaignView } from "../../views";
import { db } from "../db";
import type { SqlSession } from "../sql-session";

// Campaigns are few and change rarely, but another process may add one: re-read the table at most this often.
const CACHE_MS = 5_000;
let cached: { at: number; campaigns: Campaign[] } | null = null;

/** After a campaign is added in this process: the next read sees it at once. */
export function forgetCampaigns(): void {
  cached = null;
}

function fromRows(rows: { id: string; definition: string }[]): Campaign[] {
  const added = rows.flatMap((row) => {
    const parsed = parseCampaign(JSON.parse(row.definition));
    // A stored definition was checked when it was added; one a later schema refuses is skipped, not fatal.
    return parsed.ok && !BUILT_IN_CAMPAIGNS.some((c) => c.id === parsed.definition.id) ? [campaignFromDefinition(parsed.definition)] : [];
  });
  return [...BUILT_IN_CAMPAIGNS, ...added];
}

/** Every campaign, built-in first (oldest emergency first), then those admins added. */
export async function listCampaigns(): Promise<Campaign[]> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.campaigns;
  const rows = await db.campaign.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, definition: true } });
  cached = { at: Date.now(), campaigns: fromRows(rows) };
  return cached.campaigns;
}

/** The campaigns as a write transaction sees them (it may have just added one). */
export async function campaignsIn(s: SqlSession): Promise<Campaign[]> {
  return fromRows(await s.all<{ id: string; definition: string }>(`SELECT "id", "definition" FROM "Campaign" ORDER BY "createdAt"`));
}

/** A campaign id from a client, or the roll-up ("all"); an unknown id is a 404 listing the known ones. */
export async function resolveCampaignId(id: string | undefined): Promise<string> {
  if (!id || id === ROLLUP_ID) return ROLLUP_ID;
  const campaigns = await listCampaigns();
  if (campaigns.some((c) => c.id === id)) return id;
  throw new AppError(404, "unknown_campaign", `No campaign with that id. Known: ${[ROLLUP_ID, ...campaigns.map((c) => c.id)].join(", ")}.`);
}

export function toCampaignView(c: Campaign, builtIn: boolean): CampaignView {
  const d = c.definition;
  return {
    id: d.id,
    name: d.name,
    alias: d.alias ?? null,
    summary: d.summary,
    cves: d.cves,
    fixes: d.fixes.map((f) => ({ securityUpdate: f.securityUpdate, kb: f.kb ?? null, cves: f.cves, released: updateNamed(f.securityUpdate)?.released ?? d.disclosed })),
    disclosed: d.disclosed,
    exploitedFrom: d.exploitedFrom,
    lookBackFrom: d.lookBackFrom,
    mitigations: d.mitigations.map((m) => ({ id: m.id, name: m.name, bypassedFrom: m.bypassedFrom ?? null, bypassedBy: m.bypassedBy ?? null })),
    builtIn,
  };
}

export async function listCampaignViews(): Promise<CampaignView[]> {
  return (await listCampaigns()).map((c) => toCampaignView(c, BUILT_IN_CAMPAIGNS.includes(c)));
}

