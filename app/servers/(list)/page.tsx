import type { Metadata } from "next";
import { ServersTable } from "@/components/servers/servers-table";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listServers } from "@/lib/data/fleet/servers";
import { requireAccess } from "@/app/_lib/access";
import { serverListQuery } from "@/lib/zod/list-queries";
import { statusWords } from "@/components/status/status-words";
import { parseListQuery, toListState, type SearchParams } from "@/app/_lib/list-query";
import { campaignQuery, checkedAgainst, pageCampaign } from "@/app/_lib/page-campaign";
import { CampaignSelect } from "@/components/campaigns/campaign-select";
import { ServerFilters } from "@/components/servers/server-filters";
import { serverFilterProps } from "@/app/_lib/server-filter-options";
import { ExportLinks } from "@/components/exports/export-links";
import { serverExportHref } from "@/components/exports/export-href";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Servers" };

/** Every server of the fleet; the status cards of the overview link here. */
export default async function ServersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const selected = await pageCampaign(params);
  const query = parseListQuery(serverListQuery, params, { organization: undefined, campaign: selected.campaign });
  const servers = await listServers(await requireAccess(), query);
  const which = statusWords(query.status);
  const what = which ? `${which} servers` : "servers";
  return (
    <>
      <PageHeader
        title="Servers"
        description={`${plural(servers.total, which ? `${which} server` : "server")}${
          query.q ? ` matching “${query.q}”` : ""
        }${query.behind ? " behind on security updates" : ""}${query.cve ? ` with ${query.cve} open` : ""}${
          query.notScannedDays ? ` not scanned in ${query.notScannedDays} days` : ""
        } across all organizations, for ${checkedAgainst(selected.current)}.`}
        actions={<CampaignSelect campaigns={selected.campaigns} value={selected.campaign} />}
      />
      <ServerFilters {...await serverFilterProps(query)} />
      <div className="mb-3 flex justify-end">
        <ExportLinks noun="servers" csvHref={serverExportHref(query, "csv")} xlsxHref={serverExportHref(query, "xlsx")} />
      </div>
      <ServersTable data={servers.data} total={servers.total} state={toListState(query)} showOrganization label={`All ${what}`} linkQuery={campaignQuery(selected.campaign)} />
    </>
  );
}
