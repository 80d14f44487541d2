import { apiRoute } from "@/lib/api/handler";
import { getTrend } from "@/lib/data/fleet/trend";
import type { TrendAnswer } from "@/lib/zod/answers/fleet";
import { trendQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(trendQuery, async ({ access, query }) => ({ days: await getTrend(access, query) }) satisfies TrendAnswer);
