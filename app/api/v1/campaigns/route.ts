import { apiRoute } from "@/lib/api/handler";
import { readJsonBody } from "@/lib/api/json-body";
import { listCampaignViews } from "@/lib/data/campaigns/registry";
import { addCampaign } from "@/lib/data/campaigns/add-campaign";
import type { CampaignAdded, CampaignsAnswer } from "@/lib/zod/answers/admin";

export const dynamic = "force-dynamic";

// Every campaign, oldest emergency first; "all" (the roll-up of every campaign) is the default of every read route.
export const GET = apiRoute(null, async () => ({ rollup: "all", campaigns: await listCampaignViews() }) satisfies CampaignsAnswer);

// Adds a campaign (admins): the same JSON as the files in lib/domain/campaigns/data; every server is judged against
// it before the answer.
export const POST = apiRoute(null, async ({ req, access }) => {
  const added: CampaignAdded = await addCampaign(access, await readJsonBody(req));
  return Response.json(added, { status: 201 });
});
