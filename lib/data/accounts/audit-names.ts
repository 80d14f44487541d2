// The names of the people and things on one page of the audit log: one query per type for the whole page (at most
// five, whatever the page size), never one per row. What no longer exists (or is outside the caller's scope; the
// log is for admins, who see everything) is simply absent from the map.
import type { Access } from "../../domain/access";
import { refKey, type AuditRefType, type CurrentName } from "../../domain/audit-log";
import { db } from "../db";
import { organizationIdScope, organizationScope } from "../scope";

const ids = (values: string[]) => values.map(Number).filter(Number.isSafeInteger);

async function lookUp(access: Access, type: AuditRefType, keys: string[]): Promise<[string, CurrentName][]> {
  if (keys.length === 0) return [];
  switch (type) {
    case "user": {
      const rows = await db.user.findMany({ where: { id: { in: keys } }, select: { id: true, name: true, email: true } });
      return rows.map((u) => [u.id, { name: u.name || u.email, context: u.name ? u.email : null }]);
    }
    case "token": {
      const rows = await db.apiToken.findMany({ where: { id: { in: ids(keys) } }, select: { id: true, name: true } });
      return rows.map((t) => [String(t.id), { name: t.name }]);
    }
    case "server": {
      const rows = await db.server.findMany({
        where: { id: { in: ids(keys) }, ...organizationIdScope(access) },
        select: { id: true, hostname: true, organization: { select: { name: true } } },
      });
      return rows.map((s) => [String(s.id), { name: s.hostname, context: s.organization.name }]);
    }
    case "organization": {
      const rows = await db.organization.findMany({ where: { AND: [{ id: { in: ids(keys) } }, organizationScope(access)] }, select: { id: true, name: true, slug: true } });
      return rows.map((o) => [String(o.id), { name: o.name, slug: o.slug }]);
    }
    case "mapping": {
      // Shared mappings (no organization) and the caller's own.
      const rows = await db.columnMapping.findMany({
        where: { id: { in: ids(keys) }, OR: [{ organizationId: null }, organizationIdScope(access)] },
        select: { id: true, name: true },
      });
      return rows.map((m) => [String(m.id), { name: m.name }]);
    }
  }
}

/** Today's names of the given references, keyed by `refKey`. */
export async function currentNames(access: Access, refs: Record<AuditRefType, string[]>): Promise<Map<string, CurrentName>> {
  const found = await Promise.all(
    (Object.keys(refs) as AuditRefType[]).map(async (type) => (await lookUp(access, type, refs[type])).map(([id, name]) => [refKey(type, id), name] as const)),
  );
  return new Map(found.flat());
}
