import { redirect } from "next/navigation";
import { Suspense } from "react";
import { requireAccess } from "@/app/_lib/access";
import { type SearchParams } from "@/app/_lib/list-query";
import { campaignQuery, pageCampaign } from "@/app/_lib/page-campaign";
import { homeOrganization } from "@/lib/data/fleet/organizations";
import { OverviewContent } from "./overview-content";
import { OverviewSkeleton } from "./overview-skeleton";

export const dynamic = "force-dynamic";

// The redirect is decided before anything streams (a real 307, not a page that refreshes itself), so the skeleton is
// this page's own Suspense fallback rather than a loading.tsx around it.
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await requireAccess();
  const params = await searchParams;
  const selected = await pageCampaign(params);
  // Someone who sees one organization has no fleet: their organization's page is their overview.
  const home = await homeOrganization(access);
  if (home) redirect(`/organizations/${encodeURIComponent(home.slug)}${campaignQuery(selected.campaign)}`);
  return (
    <Suspense fallback={<OverviewSkeleton />}>
      <OverviewContent access={access} params={params} selected={selected} />
    </Suspense>
  );
}
