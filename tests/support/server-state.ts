// A server as the tests read it: its row, with its status and the reason for one campaign (ProxyLogon unless
// another is named, "all" for the roll-up), as the pages and the API see them.
import { db } from "@/lib/data/db";
import { getServer } from "@/lib/data/fleet/server-detail";
import { TEST_ACCESS } from "../access";

export async function serverState(hostname: string, campaign = "proxylogon") {
  const server = await db.server.findFirstOrThrow({ where: { hostname } });
  const row = await db.serverCampaign.findUnique({ where: { serverId_campaign: { serverId: server.id, campaign } } });
  const detail = (await getServer(TEST_ACCESS, server.id))!;
  const reason = campaign === "all" ? detail.reason : detail.campaigns.find((c) => c.id === campaign)?.reason;
  return { ...server, status: row?.status ?? null, reason: reason ?? null, detail };
}

/** An organization's counts for a campaign (default: ProxyLogon). */
export async function organizationCounts(name: string, campaign = "proxylogon") {
  const org = await db.organization.findFirstOrThrow({ where: { name } });
  return db.organizationStatus.findUniqueOrThrow({ where: { campaign_organizationId: { campaign, organizationId: org.id } } });
}
