import { can, seesOrganization, type Access } from "../../domain/access";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../accounts/audit";
import { changeServer } from "./server-change";
import { db } from "../db";

export interface RemediationInput {
  serverId: number;
  note: string;
  remediatedAt?: Date;
}

/**
 * Records that a compromised server was cleaned up. Remediations are kept for the record
 * and never deleted; the server's status and history are re-derived with it.
 */
export async function recordRemediation(access: Access, input: RemediationInput): Promise<void> {
  if (!can.write(access)) throw new AppError(403, "forbidden", "Client viewers cannot record remediations.");
  const note = input.note.trim();
  if (note.length < 3 || note.length > 2000) throw new AppError(400, "invalid_note", "The note must be 3 to 2000 characters.");
  const { server } = await changeServer(access, input.serverId, async (s, server) => {
    // Compromised means open indicators: findings dated at or after the last remediation.
    if (server.indicatorCount === 0) throw new AppError(409, "not_compromised", "This server is not marked compromised.");
    const now = new Date();
    await s.run(`INSERT INTO "Remediation" ("serverId", "remediatedAt", "note", "recordedBy", "createdAt") VALUES (?, ?, ?, ?, ?)`, [
      input.serverId,
      input.remediatedAt ?? now,
      note,
      access.actor.label,
      now,
    ]);
  });
  await recordAudit(access, "remediate", { type: "server", id: input.serverId, label: server.hostname }, { note });
}

export interface RemediationRecord {
  serverId: number;
  hostname: string;
  remediatedAt: Date;
  note: string;
  recordedBy: string;
}

/** One organization's recorded remediations, newest first, at most `limit`, with how many there are in all. */
export async function listOrganizationRemediations(access: Access, organizationId: number, limit: number): Promise<{ data: RemediationRecord[]; total: number }> {
  if (!seesOrganization(access, organizationId)) throw notFound("Organization");
  const where = { server: { organizationId } };
  const [rows, total] = await Promise.all([
    db.remediation.findMany({
      where,
      orderBy: [{ remediatedAt: "desc" }, { id: "desc" }],
      take: Math.max(1, Math.min(10_000, Math.trunc(limit))),
      select: { serverId: true, remediatedAt: true, note: true, recordedBy: true, server: { select: { hostname: true } } },
    }),
    db.remediation.count({ where }),
  ]);
  return { data: rows.map((r) => ({ serverId: r.serverId, hostname: r.server.hostname, remediatedAt: r.remediatedAt, note: r.note, recordedBy: r.recordedBy })), total };
}
