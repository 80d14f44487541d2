// The audit log: append-only. Nothing in the app updates or deletes an event.
import { AppError } from "../../errors";
import { can, type Access } from "../../domain/access";
import { readableAddress } from "../../domain/addresses";
import { AUDIT_ACTIONS, dayRange, describeActor, describeTarget, refsByType, type AuditAction, type AuditRef, type AuditSubject } from "../../domain/audit-log";
import type { AuditQuery } from "../../zod/audit-query";
import type { Page } from "../../views";
import { containsText, db } from "../db";
import { withWriteTransaction } from "../sql-write-transaction";
import { currentNames } from "./audit-names";

export { AUDIT_ACTIONS, type AuditAction, type AuditQuery, type AuditRef, type AuditSubject };

export interface AuditEventView {
  id: number;
  at: string;
  actorType: string;
  /** who did it, in the words recorded at the time: an email or a token's name */
  actor: string;
  action: string;
  /** what it was done to, in the words recorded at the time */
  target: string | null;
  /** who did it, as they are named now */
  by: AuditSubject;
  /** what it was done to, as it is named now (or marked deleted) */
  on: AuditSubject | null;
  detail: Record<string, unknown>;
  /** as people write it: an IPv4-mapped address recorded by an earlier version shows as IPv4 */
  ip: string | null;
}

const MAX_LABEL = 500;
const MAX_USERS_BY_NAME = 200;

// Through the writer queue: on SQLite a write from Prisma's shared connection would wait, blocking, for an
// import that holds the write lock.
async function insertEvent(
  actor: { type: string; id: string | null; label: string },
  action: AuditAction,
  target: AuditRef | string | null,
  detail: Record<string, unknown>,
  ip: string | null,
) {
  const ref = typeof target === "string" || target === null ? null : target;
  const label = typeof target === "string" ? target : (target?.label ?? null);
  await withWriteTransaction((s) =>
    s.run(
      `INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actor", "action", "targetType", "targetId", "target", "detail", "ip") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [new Date(), actor.type, actor.id, actor.label.slice(0, 320), action, ref?.type ?? null, ref ? String(ref.id) : null, label?.slice(0, MAX_LABEL) ?? null, JSON.stringify(detail), ip],
    ),
  );
}

/**
 * Records what the caller did. A target given as an `AuditRef` (a server, a user, …) is shown by its name of the day
 * the log is read, and as deleted once it is gone; one given as words (a file name) is shown as recorded.
 */
export async function recordAudit(access: Access, action: AuditAction, target: AuditRef | string | null, detail: Record<string, unknown> = {}): Promise<void> {
  const actorId = access.actor.type === "system" ? null : String(access.actor.id);
  await insertEvent({ type: access.actor.type, id: actorId, label: access.actor.label }, action, target, detail, access.ip);
}

/** For events without a signed-in caller (failed sign-ins): the actor is the email that was tried. */
export async function recordAnonymousAudit(actor: string, action: AuditAction, ip: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await insertEvent({ type: "anonymous", id: null, label: actor }, action, null, detail, ip);
}

/** "Who": part of the recorded email or token name, or of a user's name as it is now. */
async function whoFilter(text: string) {
  const users = await db.user.findMany({ where: { name: containsText(text) }, select: { id: true }, take: MAX_USERS_BY_NAME });
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be told (containsText).
  return { OR: [{ actor: containsText(text) }, ...(users.length ? [{ actorType: "user", actorId: { in: users.map((u) => u.id) } }] : [])] };
}

export async function listAuditEvents(access: Access, query: Partial<AuditQuery> & { page: number; pageSize: number }): Promise<Page<AuditEventView>> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can read the audit log.");
  const at = dayRange(query.from, query.to);
  const where = {
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? await whoFilter(query.actor) : {}),
    ...(at.gte || at.lt ? { at } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.auditEvent.count({ where }),
  ]);
  const names = await currentNames(access, refsByType(rows));
  return {
    data: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorType: r.actorType,
      actor: r.actor,
      action: r.action,
      target: r.target,
      by: describeActor(r, names),
      on: describeTarget(r, names),
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      ip: r.ip === null ? null : readableAddress(r.ip),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
