// The audit log as an admin reads it, for migration tests that run it in a process of its own on a legacy database
// (runWithDatabase calls an export without arguments).
import { listAuditEvents } from "@/lib/data/accounts/audit";
import type { Access } from "@/lib/domain/access";

const READER: Access = { actor: { type: "user", id: "reader", label: "reader@example.test" }, role: "admin", organizationIds: null, ip: null };

export async function readAuditStory() {
  const { data } = await listAuditEvents(READER, { page: 1, pageSize: 200 });
  return data.map((e) => ({ id: e.id, by: e.by, on: e.on, ip: e.ip }));
}
