// The webhooks admins configure (only admins and owners: they see every organization, so a webhook's organization
// filter is about what is relevant to a receiver, not about who may know), and the log of their deliveries.
import { randomUUID } from "node:crypto";
import { can, type Access } from "../../domain/access";
import { isPayloadKind, isWebhookEventType, TEST_EVENT, type PayloadKind, type WebhookEventType } from "../../domain/webhooks/events";
import { AppError, notFound } from "../../errors";
import type { Page } from "../../views";
import { newWebhookSchema, type NewWebhookInput } from "../../zod/webhooks";
import { recordAudit } from "../accounts/audit";
import { db } from "../db";
import { organizationIdsForSlugs } from "../fleet/organizations";
import { withWriteTransaction } from "../sql-write-transaction";
import { insertDelivery, payloadOptions } from "./enqueue";
import { generateWebhookSecret, sealSecret } from "./secret-box";
import { checkNewTarget, targetPolicy } from "./target-check";

export const MAX_WEBHOOKS = 50;
export const DELIVERIES_PAGE_SIZE = 25;

export interface WebhookView {
  id: number;
  name: string;
  url: string;
  events: WebhookEventType[];
  /** empty: every organization */
  organizations: { slug: string; name: string }[];
  payload: PayloadKind;
  active: boolean;
  createdBy: string;
  createdAt: string;
  pending: number;
  failed: number;
}

export interface DeliveryView {
  id: number;
  webhookId: number;
  webhookName: string;
  eventType: string;
  eventId: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  /** only while pending */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

function requireAdmin(access: Access, what: string): void {
  if (!can.administer(access)) throw new AppError(403, "forbidden", `Only admins can ${what}.`);
}

export const parseIds = (json: string): number[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is number => Number.isSafeInteger(v)) : [];
  } catch {
    return [];
  }
};

export const parseEvents = (json: string): WebhookEventType[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(isWebhookEventType) : [];
  } catch {
    return [];
  }
};

/** Makes a webhook; its signing secret is answered this once and never shown again. A refused URL is a 422 naming the field. */
export async function createWebhook(access: Access, raw: NewWebhookInput): Promise<{ id: number; secret: string }> {
  requireAdmin(access, "create webhooks");
  const input = newWebhookSchema.parse(raw);
  const target = await checkNewTarget(input.url, await targetPolicy());
  if (!target.ok) throw new AppError(422, "invalid_url", `This URL cannot receive webhooks: ${target.reason}`, { field: "url", problems: [{ field: "url", message: target.reason }] });
  const organizationIds = await organizationIdsForSlugs(input.organizations);
  const secret = generateWebhookSecret();
  const id = await withWriteTransaction(async (s) => {
    const [{ n }] = await s.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "Webhook"`);
    if (Number(n) >= MAX_WEBHOOKS) throw new AppError(409, "too_many_webhooks", `There can be at most ${MAX_WEBHOOKS} webhooks: delete one first.`);
    const [row] = await s.all<{ id: number }>(
      `INSERT INTO "Webhook" ("name", "url", "secret", "events", "organizations", "payload", "active", "createdBy", "createdAt") VALUES (?, ?, ?, ?, ?, ?, true, ?, ?) RETURNING "id"`,
      [input.name, target.value.href, sealSecret(secret), JSON.stringify(input.events), JSON.stringify(organizationIds), input.payload, access.actor.label.slice(0, 320), new Date()],
    );
    return Number(row.id);
  });
  await recordAudit(access, "webhook_create", input.name, { id, url: target.value.href, events: input.events, organizations: input.organizations, payload: input.payload });
  return { id, secret };
}

export async function listWebhooks(access: Access): Promise<WebhookView[]> {
  requireAdmin(access, "see webhooks");
  const rows = await db.webhook.findMany({ orderBy: { id: "asc" }, take: MAX_WEBHOOKS * 2 });
  const ids = [...new Set(rows.flatMap((r) => parseIds(r.organizations)))];
  const [orgs, counts] = await Promise.all([
    ids.length ? db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true } }) : [],
    db.webhookDelivery.groupBy({ by: ["webhookId", "status"], where: { status: { in: ["pending", "failed"] } }, _count: { _all: true } }),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const count = (webhookId: number, status: string) => counts.find((c) => c.webhookId === webhookId && c.status === status)?._count._all ?? 0;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    url: r.url,
    events: parseEvents(r.events),
    // An organization deleted since is left out; a webhook whose organizations are all gone receives nothing.
    organizations: parseIds(r.organizations).flatMap((id) => (byId.has(id) ? [{ slug: byId.get(id)!.slug, name: byId.get(id)!.name }] : [])),
    payload: isPayloadKind(r.payload) ? r.payload : "json",
    active: r.active,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    pending: count(r.id, "pending"),
    failed: count(r.id, "failed"),
  }));
}

async function findWebhook(id: number) {
  const hook = await db.webhook.findUnique({ where: { id }, select: { id: true, name: true, url: true, payload: true, active: true } });
  if (!hook) throw notFound("Webhook");
  return hook;
}

/** Pauses or resumes a webhook: while paused, its deliveries wait (they are sent once it is resumed). */
export async function setWebhookActive(access: Access, id: number, active: boolean): Promise<void> {
  requireAdmin(access, "change webhooks");
  const hook = await findWebhook(id);
  await withWriteTransaction((s) => s.run(`UPDATE "Webhook" SET "active" = ${active ? "true" : "false"} WHERE "id" = ?`, [id]));
  await recordAudit(access, active ? "webhook_resume" : "webhook_pause", hook.name, { id });
}

/** Deletes a webhook with its deliveries, pending ones included. */
export async function deleteWebhook(access: Access, id: number): Promise<void> {
  requireAdmin(access, "delete webhooks");
  const hook = await findWebhook(id);
  await withWriteTransaction((s) => s.run(`DELETE FROM "Webhook" WHERE "id" = ?`, [id]));
  await recordAudit(access, "webhook_delete", hook.name, { id, url: hook.url });
}

/** Queues a test event for one webhook, whatever it subscribes to; the dispatcher sends it like any other. */
export async function sendTestEvent(access: Access, id: number, now = new Date()): Promise<{ deliveryId: number }> {
  requireAdmin(access, "send test events");
  const hook = await findWebhook(id);
  if (!hook.active) throw new AppError(409, "webhook_paused", "Resume the webhook first: a paused webhook's deliveries wait.");
  const event = {
    id: randomUUID(),
    type: TEST_EVENT,
    occurredAt: now.toISOString(),
    organizationId: null,
    data: { webhook: { id: hook.id, name: hook.name }, message: `${access.actor.label} sent this test from Patchboard's webhooks page.` },
  } as const;
  const deliveryId = await withWriteTransaction((s) => insertDelivery(s, { id: hook.id, payload: isPayloadKind(hook.payload) ? hook.payload : "json" }, event, payloadOptions(), now));
  await recordAudit(access, "webhook_test", hook.name, { id, deliveryId });
  return { deliveryId };
}

/** The delivery log, newest first, a page at a time; optionally one webhook's. */
export async function listDeliveries(access: Access, query: { page: number; webhookId?: number; pageSize?: number }): Promise<Page<DeliveryView>> {
  requireAdmin(access, "see webhook deliveries");
  const pageSize = Math.min(query.pageSize ?? DELIVERIES_PAGE_SIZE, 100);
  const where = query.webhookId ? { webhookId: query.webhookId } : {};
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (query.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, webhookId: true, eventType: true, eventId: true, status: true, attempts: true, lastStatus: true, lastError: true,
        createdAt: true, lastAttemptAt: true, nextAttemptAt: true, deliveredAt: true, webhook: { select: { name: true } },
      },
    }),
    db.webhookDelivery.count({ where }),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    data: rows.map((r) => ({
      id: r.id,
      webhookId: r.webhookId,
      webhookName: r.webhook.name,
      eventType: r.eventType,
      eventId: r.eventId,
      status: r.status === "delivered" || r.status === "failed" ? r.status : "pending",
      attempts: r.attempts,
      lastStatus: r.lastStatus,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      lastAttemptAt: iso(r.lastAttemptAt),
      nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
      deliveredAt: iso(r.deliveredAt),
    })),
    page: query.page,
    pageSize,
    total,
  };
}
