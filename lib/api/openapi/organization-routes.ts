// The Organizations operations: the table, one organization's weekly digest and client report.
import { weeklyDigest } from "../../zod/answers/digest";
import { organizationPage } from "../../zod/answers/fleet";
import { organizationExportQuery } from "../../zod/exports";
import { digestQuery, reportQuery } from "../../zod/list-queries";
import { slug, CAMPAIGN_404, ORGANIZATION_404, exportAnswer, pdfAnswer, EXPORT_TOO_LARGE } from "./route-parts";
import type { OperationSpec } from "./operation";

export const ORGANIZATION_ROUTES: OperationSpec[] = [
  {
    id: "listOrganizations",
    method: "get",
    path: "/organizations",
    tag: "Organizations",
    summary: "The organizations table",
    description: "The organizations the caller sees with their servers' counts for a campaign, filtered, sorted (worst first by default) and paged; or all of them as a CSV or XLSX download.",
    audience: "anyone",
    query: organizationExportQuery,
    answers: { 200: exportAnswer(organizationPage, "organizations", "patchboard-organizations-CAMPAIGN-DAY.csv") },
    errors: { 404: CAMPAIGN_404, 422: EXPORT_TOO_LARGE },
  },
  {
    id: "getWeeklyDigest",
    method: "get",
    path: "/organizations/{slug}/digest",
    tag: "Organizations",
    summary: "Weekly digest",
    description: "What changed for one organization in the seven days ending on `until`: servers newly patched and newly exposed, other changes, findings first reported, compromise checks and hunts done, and the counts before and after.",
    audience: "anyone",
    params: { slug },
    query: digestQuery,
    answers: { 200: { description: "The week's digest.", json: weeklyDigest } },
    errors: { 404: `${ORGANIZATION_404} ${CAMPAIGN_404}` },
  },
  {
    id: "getClientReport",
    method: "get",
    path: "/organizations/{slug}/report.pdf",
    tag: "Organizations",
    summary: "Client report (PDF)",
    description: "One organization's report for a campaign: the summary and trend, time to patch, what remains to do, every server worst first with its verdict, and the remediations.",
    audience: "anyone",
    params: { slug },
    query: reportQuery,
    answers: { 200: pdfAnswer("patchboard-report-SLUG-CAMPAIGN-DAY.pdf") },
    errors: { 404: `${ORGANIZATION_404} ${CAMPAIGN_404}` },
  },
];
