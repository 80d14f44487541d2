import "server-only";
import { listCampaignViews } from "@/lib/data/campaigns/registry";
import { ROLLUP_ID } from "@/lib/domain/campaigns/definition";
import type { CampaignView, TrendDay, TrendMarker } from "@/lib/views";
import type { SearchParams } from "./list-query";

export interface PageCampaign {
  /** the campaign the page shows; "all" is the roll-up */
  campaign: string;
  /** the campaign's definition, null for the roll-up */
  current: CampaignView | null;
  campaigns: CampaignView[];
}

/** The campaign a page's URL asks for; one that does not exist (a stale link) shows the roll-up. */
export async function pageCampaign(raw: SearchParams): Promise<PageCampaign> {
  const campaigns = await listCampaignViews();
  const asked = Array.isArray(raw.campaign) ? raw.campaign[0] : raw.campaign;
  const current = campaigns.find((c) => c.id === asked) ?? null;
  return { campaign: current?.id ?? ROLLUP_ID, current, campaigns };
}

/** The campaign as a query string for links that keep it ("" for the roll-up). */
export function campaignQuery(campaign: string, prefix: "?" | "&" = "?"): string {
  return campaign === ROLLUP_ID ? "" : `${prefix}campaign=${encodeURIComponent(campaign)}`;
}

/** The words a page uses for what it is checked against. */
export function checkedAgainst(current: CampaignView | null): string {
  if (!current) return "every known-exploited Exchange emergency (the worst status of each server across them)";
  return `${current.name}${current.alias ? ` (${current.alias})` : ""}: ${current.cves.join(", ")}`;
}

/** The days the trend marks: the campaign's disclosure and its fixes, or every campaign's disclosure for the roll-up. */
export function trendMarkers({ current, campaigns }: PageCampaign): TrendMarker[] {
  if (!current) return campaigns.map((c) => ({ date: c.disclosed, label: c.name }));
  const fixes = current.fixes.map((f) => ({ date: f.released, label: `${f.securityUpdate} out` }));
  return [{ date: current.disclosed, label: `${current.name} disclosed` }, ...fixes];
}

const DAY_MS = 86_400_000;
// A disclosure a few weeks before the first scan is worth showing; one a year before would squash the chart.
const MAX_PAD_DAYS = 31;

/** A campaign's trend, started on its disclosure day when that is shortly before its first day of data. */
export function padTrend(days: TrendDay[], { current }: PageCampaign): TrendDay[] {
  if (!current || days.length === 0 || current.disclosed >= days[0].date) return days;
  const first = Date.parse(`${days[0].date}T00:00:00Z`);
  const from = Date.parse(`${current.disclosed}T00:00:00Z`);
  if ((first - from) / DAY_MS > MAX_PAD_DAYS) return days;
  const pad: TrendDay[] = [];
  for (let t = from; t < first; t += DAY_MS) pad.push({ date: new Date(t).toISOString().slice(0, 10), patched: 0, unpatched: 0, mitigated: 0, compromised: 0, unknown: 0 });
  return [...pad, ...days];
}
