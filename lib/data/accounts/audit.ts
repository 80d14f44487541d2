// The audit log: append-only. Nothing in the app updates or deletes an event.
import { AppError } from "../../errors";
import { can, type Access } from "../../domain/access";
import type { Page } from "../../views";
import { containsText, db } from "../db";
import { withWriteTransaction } from "../sql-session";

export const AUDIT_ACTIONS = [
  "setup",
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "password_change",
  "upload",
  "remediate",
  "token_create",
  "token_revoke",
  "user_create",
  "user_update",
  "user_deactivate",
  "user_reactivate",
  "organization_delete",
  "mapping_create",
  "mapping_delete",
  "campaign_add",
  "settings_update",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEventView {
  id: number;
  at: string;
  actorType: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

export interface AuditQuery {
  action?: AuditAction;
  actor?: string;
  page: number;
  pageSize: number;
}

// Through the writer queue: on SQLite a write from Prisma's shared connection would wait, blocking, for an
// import that holds the write lock.
async function insertEvent(actorType: string, actor: string, action: AuditAction, target: string | null, detail: Record<string, unknown>, ip: string | null) {
  await withWriteTransaction((s) =>
    s.run(`INSERT INTO "AuditEvent" ("at", "actorType", "actor", "action", "target", "detail", "ip") VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      new Date(),
      actorType,
      actor.slice(0, 320),
      action,
      target?.slice(0, 500) ?? null,
      JSON.stringify(detail),
      ip,
    ]),
  );
}

export async function recordAudit(access: Access, action: AuditAction, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await insertEvent(access.actor.type, access.actor.label, action, target, detail, access.ip);
}

/** For events without a signed-in caller (failed sign-ins): the actor is the email that was tried. */
export async function recordAnonymousAudit(actor: string, action: AuditAction, ip: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await insertEvent("anonymous", actor, action, null, detail, ip);
}

export async function listAuditEvents(access: Access, query: AuditQuery): Promise<Page<AuditEventView>> {
  if (!can.administer(access)) throw new AppError(403, "forbidden", "Only admins can read the audit log.");
  const where = {
    ...(query.action ? { action: query.action } : {}),
    // SQLite's LIKE ignores ASCII case already; PostgreSQL needs to be told.
    ...(query.actor ? { actor: containsText(query.actor) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.auditEvent.count({ where }),
  ]);
  return {
    data: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorType: r.actorType,
      actor: r.actor,
      action: r.action,
      target: r.target,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      ip: r.ip,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
