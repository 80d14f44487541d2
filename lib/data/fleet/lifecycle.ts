// A technician marks a server disconnected or decommissioned, or undoes it: recorded for good, audited, and the
// server re-derived with it (every campaign, the roll-up, the counts).
import { can, type Access } from "../../domain/access";
import { ROLLUP } from "../../domain/campaign-evaluation";
import { lifecycleState, markFor } from "../../domain/lifecycle";
import { reachedServer } from "../../domain/patch-evidence";
import { AppError, notFound } from "../../errors";
import type { LifecycleInput } from "../../zod/lifecycle";
import type { ServerLifecycleView } from "../../views";
import { recordAudit } from "../accounts/audit";
import { db } from "../db";
import { organizationIdScope } from "../scope";
import { changeServer } from "./server-change";
import { loadHistories } from "./server-history";

// A server has a handful of marks; its page shows the latest.
const MAX_LISTED = 50;

export async function markServer(access: Access, serverId: number, input: LifecycleInput): Promise<ServerLifecycleView> {
  if (!can.write(access)) throw new AppError(403, "forbidden", "Client viewers cannot change a server's state.");
  const { server, result: kind } = await changeServer(access, serverId, async (s) => {
    const loaded = (await loadHistories(s, [serverId])).get(serverId)!;
    const lastSeenAt = loaded.history.scans.filter(reachedServer).reduce<Date | null>((latest, x) => (latest === null || x.scannedAt > latest ? x.scannedAt : latest), null);
    const mark = markFor(input.action, lifecycleState(loaded.history.lifecycle ?? [], lastSeenAt));
    if ("refused" in mark) throw new AppError(409, "invalid_state", mark.refused);
    const now = new Date();
    await s.run(`INSERT INTO "ServerLifecycle" ("serverId", "kind", "at", "note", "recordedBy", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`, [serverId, mark.kind, now, input.note, access.actor.label, now]);
    return mark.kind;
  });
  await recordAudit(access, "server_lifecycle", { type: "server", id: serverId, label: server.hostname }, { action: input.action, note: input.note });
  const { marks } = await serverLifecycle(access, serverId);
  return marks.find((m) => m.kind === kind) ?? marks[0];
}

/** The server's marks, latest first, and what is in force. */
export async function serverLifecycle(access: Access, serverId: number): Promise<{ disconnected: boolean; decommissioned: boolean; marks: ServerLifecycleView[] }> {
  const server = await db.server.findFirst({ where: { id: serverId, ...organizationIdScope(access) }, select: { id: true } });
  if (!server) throw notFound("Server");
  const [rows, lastSeen] = await Promise.all([
    db.serverLifecycle.findMany({ where: { serverId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: MAX_LISTED }),
    // Only whether a scan reached it after the last decommissioning matters: the latest scan that did is enough.
    db.scan.findFirst({ where: { serverId, patchEvidence: { not: "offline" } }, orderBy: { scannedAt: "desc" }, select: { scannedAt: true } }),
  ]);
  const marks = rows.map((r) => ({ id: r.id, kind: r.kind as ServerLifecycleView["kind"], at: r.at.toISOString(), note: r.note, recordedBy: r.recordedBy }));
  const state = lifecycleState(
    rows.map((r) => ({ kind: r.kind as ServerLifecycleView["kind"], at: r.at })),
    lastSeen?.scannedAt ?? null,
  );
  return { ...state, marks };
}

/**
 * An organization's decommissioned servers (they have no status row: they left every count), with the day each was
 * marked: the client report names them, so a server that left the counts does not simply vanish from it.
 */
export async function listDecommissioned(access: Access, organizationId: number, limit: number): Promise<{ servers: { id: number; hostname: string; since: string | null }[]; total: number }> {
  const where = { organizationId, ...organizationIdScope(access), statuses: { none: { campaign: ROLLUP } } };
  const [rows, total] = await Promise.all([
    db.server.findMany({
      where,
      orderBy: { hostnameKey: "asc" },
      take: limit,
      select: { id: true, hostname: true, lifecycle: { where: { kind: "decommissioned" }, orderBy: { at: "desc" }, take: 1, select: { at: true } } },
    }),
    db.server.count({ where }),
  ]);
  return { servers: rows.map((r) => ({ id: r.id, hostname: r.hostname, since: r.lifecycle[0]?.at.toISOString() ?? null })), total };
}
