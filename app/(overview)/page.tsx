import { OrganizationsTable } from "@/components/organizations/organizations-table";
import { StatusTrendChart } from "@/components/charts/status-trend-chart";
import { TopOrganizationsChart } from "@/components/charts/top-organizations-chart";
import { StatusCards } from "@/components/status/status-cards";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { getFleetSummary, getTopOrganizations } from "@/lib/data/fleet";
import { listOrganizations } from "@/lib/data/organizations";
import { getTrend } from "@/lib/data/trend";
import { organizationListQuery } from "@/lib/zod/list-queries";
import { parseListQuery, toListState, type SearchParams } from "@/app/_lib/list-query";
import { requireAccess } from "@/app/_lib/access";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const access = await requireAccess();
  const query = parseListQuery(organizationListQuery, await searchParams);
  const [summary, trend, top, organizations] = await Promise.all([
    getFleetSummary(access),
    getTrend(access, {}),
    getTopOrganizations(access, 10),
    listOrganizations(access, query),
  ]);

  if (summary.servers === 0 && summary.organizations === 0) {
    return (
      <>
        <PageHeader title="Fleet overview" description="Patch and compromise status of Exchange servers for ProxyLogon (March 2021)." />
        <EmptyState title="No scans yet" action={<ButtonLink href="/upload">Upload a scan</ButtonLink>}>
          Upload a scan file (a CSV of servers, builds and indicators of compromise) to see which Exchange servers are patched, unpatched,
          mitigated or compromised.
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
            {plural(summary.servers, "Exchange server")} in {plural(summary.organizations, "organization")}, checked against ProxyLogon
            (CVE-2021-26855, -26857, -26858, -27065). A patched server can still be compromised: the two are separate questions.
          </>
        }
        actions={<ButtonLink href="/upload">Upload a scan</ButtonLink>}
      />

      <Section id="status" title="Servers by status">
        <StatusCards counts={summary.statuses} total={summary.servers} hrefFor={(status) => `/servers?status=${status}`} />
      </Section>

      <div className="mb-10 grid gap-6 xl:grid-cols-5">
        <section aria-labelledby="trend-heading" className="xl:col-span-3">
          <h2 id="trend-heading" className="mb-4 text-lg font-semibold tracking-tight">
            Status over time
          </h2>
          <StatusTrendChart data={trend} />
        </section>
        <section aria-labelledby="exposed-heading" className="xl:col-span-2">
          <h2 id="exposed-heading" className="mb-4 text-lg font-semibold tracking-tight">
            Most exposed organizations
          </h2>
          <TopOrganizationsChart data={top} />
        </section>
      </div>

      <Section id="organizations" title="Organizations" description="Sort by any column; filters and the page are kept in the address, so a view can be shared.">
        <OrganizationsTable data={organizations.data} total={organizations.total} state={toListState(query)} />
      </Section>
    </>
  );
}
