// The servers table as an export: the same filters, campaign, order and scope as the list (servers.ts), read in
// keyset pages so that 100,000 servers stream through a few hundred rows of memory.
import type { Access } from "../../domain/access";
import type { Prisma } from "../../generated/sqlite/client";
import type { ServerListRow } from "../../views";
import type { ServerListQuery } from "../../zod/list-queries";
import { db } from "../db";
import { checkExportSize, type ExportLimits, type ExportRows } from "../export-limit";
import { keysetPages } from "../keyset";
import type { OrderEntry } from "../keyset-where";
import { getAppSettings } from "../settings/app-settings";
import { openExposureSince } from "./exposure";
import { huntAndExposure, orderBy, patchLevelToday, serverListWhere, STATUS_SELECT, toServerRow, type StatusRecord } from "./servers";

const DAY_MS = 86_400_000;
// The order's columns that may be null (sorting by IP address, build, last scan or the oldest exposure).
const NULLABLE = ["server.ipAddress", "server.build", "server.lastScanAt", "exposedSince"] as const;

export interface ServerExportRow extends ServerListRow {
  /** the known-exploited CVEs still open on its build */
  openCves: string[];
}

/** The caller's servers matching the list query, in the table's order; a 422 over `limits.maxRows`. */
export async function exportServers(access: Access, query: ServerListQuery, limits: ExportLimits): Promise<ExportRows<ServerExportRow>> {
  const { campaign, where } = await serverListWhere(access, query);
  const total = await db.serverCampaign.count({ where });
  checkExportSize(total, limits.maxRows, "servers");
  const { staleAfterDays } = await getAppSettings();
  const statusPages = keysetPages<StatusRecord>({
    where,
    pageSize: limits.pageSize,
    orderBy: orderBy(query) as OrderEntry[],
    nullable: NULLABLE,
    select: STATUS_SELECT,
    find: (args) => db.serverCampaign.findMany(args as Prisma.ServerCampaignFindManyArgs),
  });
  async function* pages(): AsyncGenerator<ServerExportRow[]> {
    const staleBefore = Date.now() - staleAfterDays * DAY_MS;
    const today = new Date().toISOString().slice(0, 10);
    for await (const page of statusPages) {
      const ids = page.map((r) => r.serverId);
      const [rows, exposures] = await Promise.all([
        db.server.findMany({ where: { id: { in: ids } }, include: { organization: { select: { slug: true, name: true } } } }),
        openExposureSince(campaign, ids),
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      yield page.flatMap((p): ServerExportRow[] => {
        const row = byId.get(p.serverId);
        if (!row) return [];
        const stale = !row.lastScanAt || row.lastScanAt.getTime() < staleBefore;
        const openCves = patchLevelToday(row.build).openCves.map((c) => c.cve);
        return [{ ...toServerRow(row, p.status), stale, exposedSince: exposures.get(row.id) ?? null, ...huntAndExposure(p, today), openCves }];
      });
    }
  }
  return { campaign, total, pages: pages() };
}
