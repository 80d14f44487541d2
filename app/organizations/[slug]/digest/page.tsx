import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAccess } from "@/app/_lib/access";
import { campaignQuery, pageCampaign } from "@/app/_lib/page-campaign";
import type { SearchParams } from "@/app/_lib/list-query";
import { CampaignSelect } from "@/components/campaigns/campaign-select";
import { DigestDetails } from "@/components/digest/digest-details";
import { DigestWeekNav } from "@/components/digest/digest-week-nav";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { getWeeklyDigest } from "@/lib/data/fleet/digest";
import { digestIsQuiet } from "@/lib/domain/digest";
import { digestQuery } from "@/lib/zod/list-queries";
import { loadOrganization } from "../load-organization";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organization = await loadOrganization((await params).slug);
  return { title: organization ? `Weekly digest: ${organization.name}` : "Organization not found" };
}

// What changed for an organization in a week: the page form of the digest the client report and the weekly webhook
// event carry (lib/data/fleet/digest.ts).
export default async function OrganizationDigestPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const organization = await loadOrganization(slug);
  if (!organization) notFound();
  const search = await searchParams;
  const selected = await pageCampaign(search);
  const { campaign } = selected;
  // A bad or missing day is this week, as the link without one is.
  const parsed = digestQuery.safeParse({ until: typeof search.until === "string" ? search.until : undefined });
  const access = await requireAccess();
  const digest = await getWeeklyDigest(access, { organization: slug, campaign, until: parsed.success ? parsed.data.until : undefined });
  const today = new Date().toISOString().slice(0, 10);
  const base = `/organizations/${encodeURIComponent(slug)}`;
  const hrefFor = (until: string | null) => {
    const query = new URLSearchParams();
    if (campaign !== "all") query.set("campaign", campaign);
    if (until) query.set("until", until);
    const text = query.toString();
    return `${base}/digest${text ? `?${text}` : ""}`;
  };
  const { week } = digest;
  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumbs items={[...(access.organizationIds?.length === 1 ? [] : [{ label: "Overview", href: "/" }]), { label: organization.name, href: `${base}${campaignQuery(campaign)}` }, { label: "Weekly digest" }]} />}
        title={`${organization.name}: ${formatDate(week.from)} – ${formatDate(week.until)}`}
        description={`What changed in these seven days against ${digest.campaign.name}: servers newly patched and newly exposed, findings first reported, and hunts done.${week.until === today ? " The week ends today, so it can still change." : ""}`}
        actions={
          <>
            <DigestWeekNav week={week} today={today} hrefFor={hrefFor} />
            <CampaignSelect campaigns={selected.campaigns} value={campaign} />
          </>
        }
      />
      {digestIsQuiet(digest) ? (
        <p className="mb-6 rounded-xl border border-gray-200 bg-white p-4 text-sm text-gray-700 dark:border-gray-800 dark:bg-gray-900 dark:text-gray-300" role="status">
          A quiet week: no server changed status, no new finding was reported, and no hunt was done.
        </p>
      ) : null}
      <DigestDetails digest={digest} level={2} linkQuery={campaignQuery(campaign)} />
    </>
  );
}
