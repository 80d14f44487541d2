import { OrganizationsTable } from "@/components/organizations/organizations-table";
import { StatusTrendChart } from "@/components/charts/status-trend-chart";
import { ExportLinks } from "@/components/exports/export-links";
import { organizationExportHref } from "@/components/exports/export-href";
import { TopOrganizationsChart } from "@/components/charts/top-organizations-chart";
import { StatusCards } from "@/components/status/status-cards";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getFleetSummary, getTopOrganizations } from "@/lib/data/fleet/summary";
import { listOrganizations } from "@/lib/data/fleet/organizations";
import { fleetReportAllowed } from "@/lib/data/reports/client-report";
import { getTrend } from "@/lib/data/fleet/trend";
import { organizationListQuery } from "@/lib/zod/list-queries";
import { parseListQuery, toListState, type SearchParams } from "@/app/_lib/list-query";
import { campaignQuery, checkedAgainst, trendMarkers, padTrend, type PageCampaign } from "@/app/_lib/page-campaign";
import { CampaignSelect } from "@/components/campaigns/campaign-select";
import { FreshnessNote } from "@/components/status/freshness-note";
import { getAppSettings } from "@/lib/data/settings/app-settings";
import { can, type Access } from "@/lib/domain/access";
import { HuntNeededCard } from "@/components/hunts/hunt-needed-card";
import { PatchTimeCard } from "@/app/_components/patch-time-card";

/** The overview's cards, charts and table: everything that waits for the fleet's numbers. */
export async function OverviewContent({ access, params, selected }: { access: Access; params: SearchParams; selected: PageCampaign }) {
  const { campaign } = selected;
  const query = { ...parseListQuery(organizationListQuery, params), campaign };
  const [summary, trend, top, organizations, settings] = await Promise.all([
    getFleetSummary(access, { campaign }),
    getTrend(access, { campaign }).then((days) => padTrend(days, selected)),
    getTopOrganizations(access, 10, campaign),
    listOrganizations(access, query),
    getAppSettings(),
  ]);
  const upload = can.write(access) ? <ButtonLink href="/upload">Upload a scan</ButtonLink> : null;
  const select = <CampaignSelect campaigns={selected.campaigns} value={campaign} />;

  if (summary.servers === 0 && summary.organizations === 0) {
    return (
      <>
        <PageHeader title="Fleet overview" description="Patch and compromise status of Exchange servers for every known-exploited Exchange emergency." />
        <EmptyState title="No scans yet" action={upload}>
          {upload
            ? "Upload a scan file (a CSV of servers, builds and indicators of compromise) to see which Exchange servers are patched, unpatched, mitigated or compromised."
            : "Nothing has been scanned for the organizations you can see yet. Your Patchboard admin or technician uploads the scans."}
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Fleet overview"
        description={
          <>
            {plural(summary.servers, "Exchange server")} in {plural(summary.organizations, "organization")}, checked against{" "}
            {checkedAgainst(selected.current)}. A patched server can still be compromised: the two are separate questions.
          </>
        }
        actions={
          <>
            {select}
            {fleetReportAllowed(access) ? <ButtonLink href={`/report${campaignQuery(campaign)}`} variant="secondary">Fleet report</ButtonLink> : null}
            {upload}
          </>
        }
      />
      <FreshnessNote latestScanAt={summary.latestScanAt} staleAfterDays={settings.staleAfterDays} staleHref={`/servers?notScannedDays=${settings.staleAfterDays}`} />

      <Section id="status" title="Servers by status">
        <StatusCards counts={summary.statuses} total={summary.servers} hrefFor={(status) => `/servers?status=${status}${campaignQuery(campaign, "&")}`} />
        <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          <HuntNeededCard count={summary.huntNeeded} total={summary.servers} href={`/servers?hunt=needed,partly-hunted&sort=exposure${campaignQuery(campaign, "&")}`} />
        </div>
      </Section>

      <div className="mb-10 grid gap-6 xl:grid-cols-5">
        <section aria-labelledby="trend-heading" className="xl:col-span-3">
          <h2 id="trend-heading" className="mb-4 text-lg font-semibold tracking-tight">
            Status over time
          </h2>
          <StatusTrendChart data={trend} markers={trendMarkers(selected)} />
        </section>
        <section aria-labelledby="exposed-heading" className="xl:col-span-2">
          <h2 id="exposed-heading" className="mb-4 text-lg font-semibold tracking-tight">
            Most exposed organizations
          </h2>
          <TopOrganizationsChart data={top} linkQuery={campaignQuery(campaign)} />
        </section>
      </div>

      <PatchTimeCard access={access} campaign={campaign} title="the fleet's" linkQuery={campaignQuery(campaign)} />

      <Section id="organizations" title="Organizations" description="Sort by any column; filters and the page are kept in the address, so a view can be shared.">
        <div className="mb-3 flex justify-end">
          <ExportLinks noun="organizations" csvHref={organizationExportHref(query, "csv")} xlsxHref={organizationExportHref(query, "xlsx")} />
        </div>
        <OrganizationsTable data={organizations.data} total={organizations.total} state={toListState(query)} linkQuery={campaignQuery(campaign)} />
      </Section>
    </>
  );
}
