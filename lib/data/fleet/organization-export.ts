// The organizations table as an export: the list's filters, campaign, order and scope (organizations.ts), in
// keyset pages.
import type { Access } from "../../domain/access";
import type { Prisma } from "../../generated/sqlite/client";
import type { OrganizationRow } from "../../views";
import type { OrganizationListQuery } from "../../zod/list-queries";
import { db } from "../db";
import { checkExportSize, type ExportLimits, type ExportRows } from "../export-limit";
import { keysetPages } from "../keyset";
import type { OrderEntry } from "../keyset-where";
import { organizationListWhere, organizationOrder, toOrganizationRow } from "./organizations";

type CountsRecord = Parameters<typeof toOrganizationRow>[0] & { organizationId: number };

export interface OrganizationExportRow extends OrganizationRow {
  /** the latest scan of any of its servers (ISO 8601), null when none was scanned */
  lastScanAt: string | null;
}

const COUNTS_SELECT = {
  organizationId: true,
  servers: true,
  percentPatched: true,
  patched: true,
  unpatched: true,
  mitigated: true,
  compromised: true,
  unknown: true,
  organization: { select: { slug: true, name: true } },
} as const;

/** The caller's organizations matching the list query with their counts, in the table's order; a 422 over `limits.maxRows`. */
export async function exportOrganizations(access: Access, query: OrganizationListQuery, limits: ExportLimits): Promise<ExportRows<OrganizationExportRow>> {
  const { campaign, where } = await organizationListWhere(access, query);
  const total = await db.organizationStatus.count({ where });
  checkExportSize(total, limits.maxRows, "organizations");
  const countPages = keysetPages<CountsRecord>({
    where,
    pageSize: limits.pageSize,
    orderBy: organizationOrder(query.sort) as OrderEntry[],
    select: COUNTS_SELECT,
    find: (args) => db.organizationStatus.findMany(args as Prisma.OrganizationStatusFindManyArgs) as unknown as Promise<CountsRecord[]>,
  });
  async function* pages(): AsyncGenerator<OrganizationExportRow[]> {
    for await (const page of countPages) {
      // The page's latest scans, one grouped query per page of organizations.
      const latest = await db.server.groupBy({ by: ["organizationId"], where: { organizationId: { in: page.map((r) => r.organizationId) } }, _max: { lastScanAt: true } });
      const lastScan = new Map(latest.map((l) => [l.organizationId, l._max.lastScanAt]));
      yield page.map((r) => ({ ...toOrganizationRow(r), lastScanAt: lastScan.get(r.organizationId)?.toISOString() ?? null }));
    }
  }
  return { campaign, total, pages: pages() };
}
