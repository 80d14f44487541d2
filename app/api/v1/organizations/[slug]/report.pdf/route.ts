import { apiRoute } from "@/lib/api/handler";
import { reportPdfResponse } from "@/lib/api/report-response";
import { buildClientReport } from "@/lib/data/reports/client-report";
import { reportQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

// One organization's client report as a PDF, for a campaign (default: the roll-up). Another tenant's organization
// is a 404, exactly like a missing one.
export const GET = apiRoute(reportQuery, async ({ access, params, query }) =>
  reportPdfResponse(await buildClientReport(access, params.slug ?? "", { campaign: query.campaign })),
);
