// A change a person makes to one server (a remediation, a hunt, a lifecycle mark): in one write transaction, the
// server looked up within the caller's scope (another tenant's is a 404 like a missing one), the change written,
// and the server re-derived with it (its organization's counts with it).
import { seesOrganization, type Access } from "../../domain/access";
import { notFound } from "../../errors";
import { campaignsIn } from "../campaigns/registry";
import { type SqlSession } from "../sql-session";
import { withWriteTransaction } from "../sql-write-transaction";
import { recomputeServers } from "./status-recompute";

export interface ChangedServer {
  id: number;
  hostname: string;
  organizationId: number;
  indicatorCount: number;
}

export function changeServer<T>(access: Access, serverId: number, change: (s: SqlSession, server: ChangedServer) => Promise<T>): Promise<{ server: ChangedServer; result: T }> {
  return withWriteTransaction(async (s) => {
    const [row] = await s.all<ChangedServer>(`SELECT "id", "hostname", "organizationId", "indicatorCount" FROM "Server" WHERE "id" = ?`, [serverId]);
    if (!row || !seesOrganization(access, Number(row.organizationId))) throw notFound("Server");
    const server = { id: Number(row.id), hostname: row.hostname, organizationId: Number(row.organizationId), indicatorCount: Number(row.indicatorCount) };
    const result = await change(s, server);
    await recomputeServers(s, [serverId], await campaignsIn(s));
    return { server, result };
  });
}
