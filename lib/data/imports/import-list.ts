// Recent imports, one import, and the servers it touched, for the pages and the API: always through
// `importVisibility`, so a caller never learns of an import into an organization they may not see.
import type { Access } from "../../domain/access";
import { statusChangeAt } from "../../domain/status-change";
import { isStatus } from "../../domain/statuses";
import type { ImportDetail, ImportError, ImportListRow, ImportServerChange, Page } from "../../views";
import { db } from "../db";
import { organizationIdScope, scopedOrganizationIds } from "../scope";
import { storedChanges } from "./import-scope";

export interface PageQuery {
  page: number;
  pageSize: number;
}

const LIST_FIELDS = {
  id: true, createdAt: true, uploadedBy: true, source: true, fileName: true, format: true, rows: true, accepted: true,
  rejected: true, serversCreated: true, serversUpdated: true, newCompromises: true,
} as const;

/**
 * On Import: the imports the caller may see. A caller limited to organizations sees an import only when every
 * organization it wrote to is theirs: one file for two clients is neither client's to read.
 */
export function importVisibility(access: Access) {
  const ids = scopedOrganizationIds(access);
  if (ids === null) return {};
  return { organizations: { some: {}, every: { organizationId: { in: [...ids] } } } };
}

/** The imports the caller may see, newest first. */
export async function listImports(access: Access, query: PageQuery): Promise<Page<ImportListRow>> {
  const where = importVisibility(access);
  const [rows, total] = await Promise.all([
    db.import.findMany({ where, select: LIST_FIELDS, orderBy: { id: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.import.count({ where }),
  ]);
  return { data: rows.map(toListRow), page: query.page, pageSize: query.pageSize, total };
}

/** One import with its stored summary; null when it does not exist or the caller may not see it (the same answer). */
export async function getImport(access: Access, id: number): Promise<ImportDetail | null> {
  const row = await db.import.findFirst({
    where: { id, ...importVisibility(access) },
    select: { ...LIST_FIELDS, indicators: true, errors: true, worsened: true, improved: true, unchanged: true },
  });
  if (!row) return null;
  return { ...toListRow(row), indicators: row.indicators, errors: JSON.parse(row.errors) as ImportError[], changes: storedChanges(row) };
}

/**
 * The servers an import touched with their roll-up status before and after it: new compromises first, then worse,
 * better and unchanged. Null when the caller may not see the import.
 */
export async function listImportServers(access: Access, importId: number, query: PageQuery): Promise<Page<ImportServerChange> | null> {
  const visible = await db.import.findFirst({ where: { id: importId, ...importVisibility(access) }, select: { id: true } });
  if (!visible) return null;
  const [rows, total] = await Promise.all([
    db.importServer.findMany({
      where: { importId },
      orderBy: [{ change: "asc" }, { serverId: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.importServer.count({ where: { importId } }),
  ]);
  const servers = await db.server.findMany({
    where: { id: { in: rows.map((r) => r.serverId) }, ...organizationIdScope(access) },
    select: { id: true, hostname: true, organization: { select: { slug: true, name: true } } },
  });
  const byId = new Map(servers.map((s) => [s.id, s]));
  const data = rows.map((r): ImportServerChange => {
    const server = byId.get(r.serverId);
    return {
      serverId: r.serverId,
      hostname: server?.hostname ?? null,
      organization: server?.organization.slug ?? null,
      organizationName: server?.organization.name ?? null,
      before: isStatus(r.statusBefore) ? r.statusBefore : null,
      after: isStatus(r.statusAfter) ? r.statusAfter : "unknown",
      change: statusChangeAt(r.change),
    };
  });
  return { data, page: query.page, pageSize: query.pageSize, total };
}

function toListRow(row: {
  id: number; createdAt: Date; uploadedBy: string | null; source: string; fileName: string | null; format: string; rows: number; accepted: number;
  rejected: number; serversCreated: number; serversUpdated: number; newCompromises: number | null;
}): ImportListRow {
  const { id, uploadedBy, source, fileName, format, rows, accepted, rejected, serversCreated, serversUpdated, newCompromises } = row;
  return { id, createdAt: row.createdAt.toISOString(), uploadedBy, source, fileName, format, rows, accepted, rejected, serversCreated, serversUpdated, newCompromises };
}
