import { apiRoute } from "@/lib/api/handler";
import { getWeeklyDigest } from "@/lib/data/fleet/digest";
import { digestQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

// One organization's weekly digest: what changed in the seven days ending on `until` (default today), for a campaign
// (default: the roll-up). Another tenant's organization is a 404, exactly like a missing one.
export const GET = apiRoute(digestQuery, ({ access, params, query }) => getWeeklyDigest(access, { organization: params.slug ?? "", campaign: query.campaign, until: query.until }));
