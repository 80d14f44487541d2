// Answers of the fleet's read routes: summary, trend, the organizations and servers lists, time to patch.
import { z } from "zod";
import type { ExposureView, FleetSummary, HuntWindowView, OrganizationRow, Page, PastTargetServer, PatchTimesView, ServerListRow, ServerRow, TrendDay } from "../../views";
import type { Agree } from "./agree";
import { count, huntState, isoDay, isoTime, page, status, statusCounts } from "./common";

export const fleetSummary = z
  .object({
    campaign: z.string().describe('the campaign the counts are for; "all" is the roll-up of every campaign'),
    servers: count,
    organizations: count,
    statuses: statusCounts,
    latestScanAt: isoTime.nullable().describe("the newest scan behind the counts; null before the first"),
    huntNeeded: count.describe("servers that still need a hunt for the campaign (needed or partly hunted)"),
  })
  .describe("Counts by status across the caller's fleet, or one organization.");

export const trendDay = statusCounts.extend({ date: isoDay }).describe("Servers by status at the end of a UTC day.");
export const trendAnswer = z.object({ days: z.array(trendDay) });
export type TrendAnswer = z.infer<typeof trendAnswer>;

export const organizationRow = z
  .object({
    slug: z.string(),
    name: z.string(),
    servers: count,
    statuses: statusCounts,
    worstStatus: status.nullable().describe("the worst status among its servers; null without servers"),
    percentPatched: z.number().min(0).max(100).describe("0-100, one decimal"),
  })
  .describe("An organization (a client) with its servers' counts by status.");
export const organizationPage = page(organizationRow);

export const huntWindow = z
  .object({
    windowFrom: isoDay.nullable().describe("the first day to look at; null when no hunt is needed"),
    windowTo: isoDay.nullable().describe("the last day to look at; null while the server is still exposed"),
    covered: count.describe("days of the window that clean checks cover"),
    days: count.describe("days in the window"),
    exposedSince: isoDay.nullable().describe("the first day it was exposed while exploited"),
  })
  .describe("A server's hunt window for one campaign.");

export const exposure = z
  .object({
    from: isoDay,
    patchedOn: isoDay.nullable().describe("null while still open"),
    days: count.describe("days to patch; while open, the days so far"),
    open: z.boolean(),
  })
  .describe("A server's exposure to one campaign: from its first day to the scan that showed it patched.");

export const serverRow = z.object({
  id: z.number().int(),
  hostname: z.string(),
  organization: z.string().describe("the organization's slug"),
  organizationName: z.string(),
  ipAddress: z.string().nullable(),
  build: z.string().nullable(),
  product: z.string().nullable(),
  cumulativeUpdate: z.string().nullable(),
  status,
  lastScanAt: isoTime.nullable(),
  indicators: z.array(z.string()).describe("what the open indicators of compromise are (a type, or the path a CSV reported)"),
  indicatorCount: count.describe("open indicators of compromise"),
  suspiciousFiles: count.describe("open leads: suspicious files that are not proof by themselves"),
  updatesBehind: count.nullable().describe("security updates shipped for its product that the build lacks; null when the build cannot tell"),
  supported: z.boolean().nullable().describe("its product still gets security updates; null for an unknown product"),
});

export const serverListRow = serverRow
  .extend({
    stale: z.boolean().describe("its last scan is older than the stale threshold, or it was never scanned"),
    exposedSince: isoDay.nullable().describe("the first day of its current run of not-patched days for the campaign; null when patched"),
    hunt: huntState,
    huntWindow,
    exposure: exposure.nullable().describe("null when it has no exposure to the campaign"),
  })
  .describe("A server as the servers table shows it, for one campaign.");
export const serverPage = page(serverListRow);

export const pastTargetServer = z.object({
  id: z.number().int(),
  hostname: z.string(),
  organization: z.string(),
  organizationName: z.string(),
  exposedFrom: isoDay,
  days: count,
  targetDays: count,
  campaign: z.string().describe("the campaign it is exposed to, by name"),
});

export const patchTimes = z
  .object({
    campaign: z.string(),
    targetDays: count.nullable().describe("the organization's patch target; null for a fleet (each organization has its own)"),
    exposed: count,
    patched: count,
    open: count,
    median: z.number().nullable(),
    p90: z.number().nullable(),
    withinTarget: count,
    patchedLate: count,
    openPastTarget: count,
    curve: z.array(z.object({ day: count, share: z.number().min(0).max(1) })).describe("the share patched by each day since `since`"),
    since: z.enum(["disclosure", "exposure"]),
    pastTarget: z.array(pastTargetServer).describe("the open exposures past their target, oldest first (a few)"),
  })
  .describe("Time to patch for an organization or the fleet, for one campaign.");

const _agree: [
  Agree<z.infer<typeof fleetSummary>, FleetSummary>,
  Agree<z.infer<typeof trendDay>, TrendDay>,
  Agree<z.infer<typeof organizationPage>, Page<OrganizationRow>>,
  Agree<z.infer<typeof huntWindow>, HuntWindowView>,
  Agree<z.infer<typeof exposure>, ExposureView>,
  Agree<z.infer<typeof serverRow>, ServerRow>,
  Agree<z.infer<typeof serverPage>, Page<ServerListRow>>,
  Agree<z.infer<typeof patchTimes>, PatchTimesView>,
  Agree<z.infer<typeof pastTargetServer>, PastTargetServer>,
] = [true, true, true, true, true, true, true, true, true];
