import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusTrendChart } from "@/components/charts/status-trend-chart";
import { ServersTable } from "@/components/servers/servers-table";
import { ExportLinks } from "@/components/exports/export-links";
import { serverExportHref } from "@/components/exports/export-href";
import { StatusCards } from "@/components/status/status-cards";
import { formatPercent, plural } from "@/components/ui/format";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getFleetSummary } from "@/lib/data/fleet/summary";
import { listServers } from "@/lib/data/fleet/servers";
import { getTrend } from "@/lib/data/fleet/trend";
import { requireAccess } from "@/app/_lib/access";
import { serverListQuery } from "@/lib/zod/list-queries";
import { loadOrganization } from "./load-organization";
import { parseListQuery, toListState, type SearchParams } from "@/app/_lib/list-query";
import { campaignQuery, checkedAgainst, pageCampaign, trendMarkers, padTrend } from "@/app/_lib/page-campaign";
import { CampaignSelect } from "@/components/campaigns/campaign-select";
import { ServerFilters } from "@/components/servers/server-filters";
import { serverFilterProps } from "@/app/_lib/server-filter-options";
import { FreshnessNote } from "@/components/status/freshness-note";
import { getAppSettings } from "@/lib/data/settings/app-settings";
import { HuntNeededCard } from "@/components/hunts/hunt-needed-card";
import { HuntQueue } from "@/components/hunts/hunt-queue";
import { PatchTimeCard } from "@/app/_components/patch-time-card";
import { ReportLinks } from "@/components/reports/report-links";
import { ButtonLink } from "@/components/ui/button-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organization = await loadOrganization((await params).slug);
  return { title: organization ? organization.name : "Organization not found" };
}

export default async function OrganizationPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const organization = await loadOrganization(slug);
  if (!organization) notFound();

  const search = await searchParams;
  const selected = await pageCampaign(search);
  const { campaign } = selected;
  const query = parseListQuery(serverListQuery, search, { organization: slug, campaign });
  const access = await requireAccess();
  const huntQuery = serverListQuery.parse({ organization: slug, campaign, hunt: "needed,partly-hunted", sort: "exposure", pageSize: 10 });
  const [summary, trend, servers, settings, toHunt] = await Promise.all([
    getFleetSummary(access, { organization: slug, campaign }),
    getTrend(access, { organization: slug, campaign }).then((days) => padTrend(days, selected)),
    listServers(access, query),
    getAppSettings(),
    listServers(access, huntQuery),
  ]);
  const base = `/organizations/${encodeURIComponent(slug)}`;

  return (
    <>
      <PageHeader
        eyebrow={access.organizationIds?.length === 1 ? "Organization" : <Breadcrumbs items={[{ label: "Overview", href: "/" }, { label: "Organization" }]} />}
        title={organization.name}
        description={`${plural(summary.servers, "Exchange server")}, ${formatPercent(summary.servers ? (100 * summary.statuses.patched) / summary.servers : 0)} patched against ${checkedAgainst(selected.current)}.`}
        actions={
          <>
            <ButtonLink href={`${base}/digest${campaignQuery(campaign)}`} variant="secondary">
              Weekly digest
            </ButtonLink>
            <ReportLinks slug={slug} campaign={campaign} />
            <CampaignSelect campaigns={selected.campaigns} value={campaign} />
          </>
        }
      />

      <FreshnessNote latestScanAt={summary.latestScanAt} staleAfterDays={settings.staleAfterDays} staleHref={`${base}?notScannedDays=${settings.staleAfterDays}#servers`} />

      <Section id="status" title="Servers by status">
        <StatusCards counts={summary.statuses} total={summary.servers} hrefFor={(status) => `${base}?status=${status}${campaignQuery(campaign, "&")}#servers`} />
        <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <HuntNeededCard count={summary.huntNeeded} total={summary.servers} href={`${base}?hunt=needed,partly-hunted&sort=exposure${campaignQuery(campaign, "&")}#servers`} />
        </div>
      </Section>

      <Section id="hunt" title="Servers to hunt" description="Exposed while the campaign was exploited and not yet checked for compromise over the whole window, oldest exposure first.">
        <HuntQueue servers={toHunt.data} total={toHunt.total} allHref={`${base}?hunt=needed,partly-hunted&sort=exposure${campaignQuery(campaign, "&")}#servers`} linkQuery={campaignQuery(campaign)} />
      </Section>

      <Section id="trend" title="Status over time">
        <StatusTrendChart data={trend} markers={trendMarkers(selected)} caption={`Servers of ${organization.name} in each status, per day`} />
      </Section>

      <PatchTimeCard access={access} organization={slug} campaign={campaign} title={`${organization.name}'s`} linkQuery={campaignQuery(campaign)} />

      <Section id="servers" title="Servers">
        <ServerFilters {...await serverFilterProps(query)} />
        <div className="mb-3 flex justify-end">
          <ExportLinks noun="servers" csvHref={serverExportHref(query, "csv")} xlsxHref={serverExportHref(query, "xlsx")} />
        </div>
        <ServersTable data={servers.data} total={servers.total} state={toListState(query)} label={`Servers of ${organization.name}`} linkQuery={campaignQuery(campaign)} />
      </Section>
    </>
  );
}
