// The Fleet operations: counts by status, the trend, time to patch and the fleet report.
import { fleetSummary, patchTimes, trendAnswer } from "../../zod/answers/fleet";
import { reportQuery, summaryQuery, trendQuery } from "../../zod/list-queries";
import { CAMPAIGN_404, ORGANIZATION_404, pdfAnswer } from "./route-parts";
import type { OperationSpec } from "./operation";

export const FLEET_ROUTES: OperationSpec[] = [
  {
    id: "getSummary",
    method: "get",
    path: "/summary",
    tag: "Fleet",
    summary: "Counts by status",
    description: "Servers by status across the caller's fleet, or one organization's, for a campaign (default: the roll-up of every campaign), with the newest scan behind them and how many servers need a hunt.",
    audience: "anyone",
    query: summaryQuery,
    answers: { 200: { description: "The counts.", json: fleetSummary } },
    errors: { 404: `${CAMPAIGN_404} ${ORGANIZATION_404}` },
  },
  {
    id: "getTrend",
    method: "get",
    path: "/trend",
    tag: "Fleet",
    summary: "Counts by status per day",
    description: "Servers by status at the end of each UTC day, for the fleet or one organization and a campaign. Without `to`, the series ends on the day of the latest scan.",
    audience: "anyone",
    query: trendQuery,
    answers: { 200: { description: "One entry per day, oldest first; none before the first scan.", json: trendAnswer } },
    errors: { 400: "`invalid_date`: from or to is not a real day; `invalid_range`: from is after to; `range_too_long`: more days than a trend covers.", 404: `${CAMPAIGN_404} ${ORGANIZATION_404}` },
  },
  {
    id: "getPatchTimes",
    method: "get",
    path: "/patch-times",
    tag: "Fleet",
    summary: "Time to patch",
    description:
      "How fast exposures to a campaign were patched, for the fleet or one organization: the median and 90th percentile (nearest rank), the share patched within the organization's patch target, the exposures still open past it, and the share patched by each day. For the roll-up, every campaign's exposures are pooled.",
    audience: "anyone",
    query: summaryQuery,
    answers: { 200: { description: "The figures.", json: patchTimes } },
    errors: { 404: `${CAMPAIGN_404} ${ORGANIZATION_404}` },
  },
  {
    id: "getFleetReport",
    method: "get",
    path: "/report.pdf",
    tag: "Fleet",
    summary: "Fleet report (PDF)",
    description: "The client report for every organization, a section per client, worst first: for the MSP's own people.",
    audience: "everyOrganization",
    query: reportQuery,
    answers: { 200: pdfAnswer("patchboard-report-fleet-CAMPAIGN-DAY.pdf") },
    errors: { 404: CAMPAIGN_404 },
  },
];
