import { apiRoute } from "@/lib/api/handler";
import { reportPdfResponse } from "@/lib/api/report-response";
import { buildFleetReport } from "@/lib/data/reports/client-report";
import { reportQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

// The fleet report, a section per client, for the MSP's own people (callers who see every organization).
export const GET = apiRoute(reportQuery, async ({ access, query }) => reportPdfResponse(await buildFleetReport(access, { campaign: query.campaign })));
