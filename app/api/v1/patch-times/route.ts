import { apiRoute } from "@/lib/api/handler";
import { getPatchTimes } from "@/lib/data/fleet/patch-times";
import { summaryQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

// Time to patch for the caller's fleet or one organization (`organization=SLUG`), for a campaign (default: the roll-up).
export const GET = apiRoute(summaryQuery, ({ access, query }) => getPatchTimes(access, query));
