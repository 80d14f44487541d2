import type { Metadata } from "next";
import { ServersTable } from "@/components/servers/servers-table";
import { plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { listServers } from "@/lib/data/servers";
import { requireAccess } from "@/app/_lib/access";
import { serverListQuery } from "@/lib/zod/list-queries";
import { STATUS_LABELS } from "@/lib/domain/statuses";
import { parseListQuery, toListState, type SearchParams } from "@/app/_lib/list-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Servers" };

/** Every server of the fleet; the status cards of the overview link here. */
export default async function ServersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseListQuery(serverListQuery, await searchParams, { organization: undefined });
  const servers = await listServers(await requireAccess(), query);
  const what = query.status ? `${STATUS_LABELS[query.status].toLowerCase()} servers` : "servers";
  return (
    <>
      <PageHeader
        title="Servers"
        description={`${plural(servers.total, query.status ? `${STATUS_LABELS[query.status].toLowerCase()} server` : "server")}${
          query.q ? ` matching “${query.q}”` : ""
        } across all organizations.`}
      />
      <ServersTable data={servers.data} total={servers.total} state={toListState(query)} showOrganization label={`All ${what}`} />
    </>
  );
}
