import { apiRoute } from "@/lib/api/handler";
import { getFleetSummary } from "@/lib/data/fleet/summary";
import { summaryQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(summaryQuery, ({ access, query }) => getFleetSummary(access, query));
