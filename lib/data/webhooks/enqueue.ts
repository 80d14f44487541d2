// Events into the outbox: one WebhookDelivery per matching active webhook, written in the same transaction as the
// change that caused the event (an import, a campaign added), so an event is queued exactly when its cause commits.
// The body is built here, once: it is the exact bytes the dispatcher signs and sends, however often it tries.
import { randomUUID } from "node:crypto";
import { publicUrl } from "../../config";
import type { Access } from "../../domain/access";
import { statusChangeOrder } from "../../domain/status-change";
import { webhookMatches, type AnyEventType, type EventData, type OrganizationRef, type PayloadKind, type ServerChange, type WebhookEvent } from "../../domain/webhooks/events";
import { buildPayload, listed, type PayloadOptions } from "../../domain/webhooks/payloads";
import { isPayloadKind, isWebhookEventType } from "../../domain/webhooks/events";
import type { AppError } from "../../errors";
import { type SqlSession } from "../sql-session";
import { withWriteTransaction } from "../sql-write-transaction";

export interface ActiveHook {
  id: number;
  payload: PayloadKind;
  events: string[];
  organizations: number[];
}

/** Rows an import's events read at most (a first import that finds thousands of compromises lists the first ones; the totals stay exact). */
const MAX_IMPORT_ROWS = 20_000;
const MAX_ORGANIZATIONS = 10_000;

export function payloadOptions(): PayloadOptions {
  return { baseUrl: publicUrl() ?? null };
}

const jsonArray = (text: string): unknown[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};

export async function activeHooks(s: SqlSession): Promise<ActiveHook[]> {
  const rows = await s.all<{ id: number; payload: string; events: string; organizations: string }>(
    `SELECT "id", "payload", "events", "organizations" FROM "Webhook" WHERE "active" = true ORDER BY "id" LIMIT 1000`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    payload: isPayloadKind(r.payload) ? r.payload : "json",
    events: jsonArray(r.events).filter(isWebhookEventType),
    organizations: jsonArray(r.organizations).filter((v): v is number => Number.isSafeInteger(v)),
  }));
}

export function newEvent<T extends AnyEventType>(type: T, organizationId: number | null, data: EventData[T], now = new Date()): WebhookEvent {
  return { id: randomUUID(), type, occurredAt: now.toISOString(), organizationId, data } as WebhookEvent;
}

/** One delivery of one event to one webhook, due now; answers its id. */
export async function insertDelivery(s: SqlSession, hook: { id: number; payload: PayloadKind }, event: WebhookEvent, options: PayloadOptions, now = new Date()): Promise<number> {
  const [row] = await s.all<{ id: number }>(
    `INSERT INTO "WebhookDelivery" ("webhookId", "eventType", "eventId", "body", "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING "id"`,
    [hook.id, event.type, event.id, buildPayload(hook.payload, event, options), now, now],
  );
  return Number(row.id);
}

/** Queues the event for every active webhook that subscribes to it (and to its organization); answers how many. */
export async function enqueueEvent(s: SqlSession, event: WebhookEvent, hooks?: ActiveHook[]): Promise<number> {
  const matching = (hooks ?? (await activeHooks(s))).filter((h) => webhookMatches(h, event.type, event.organizationId));
  const options = payloadOptions();
  for (const hook of matching) await insertDelivery(s, hook, event, options, new Date(event.occurredAt));
  return matching.length;
}

const subscribed = (hooks: ActiveHook[], ...types: string[]) => hooks.some((h) => types.some((t) => h.events.includes(t)));

async function organizationRef(s: SqlSession, id: number): Promise<OrganizationRef | null> {
  const [row] = await s.all<{ id: number; slug: string; name: string }>(`SELECT "id", "slug", "name" FROM "Organization" WHERE "id" = ?`, [id]);
  return row ? { id: Number(row.id), slug: row.slug, name: row.name } : null;
}

/**
 * After an import's changes are recorded (ImportServer), in its transaction: per organization, one event for the
 * servers newly compromised, and one for the servers rolled back: patched before the import (against every
 * campaign: the roll-up) and unpatched after it. Conservative on purpose: patched to unknown (a build the tables do
 * not know) and mitigated to unpatched (a stopgap that no longer counts) are not called roll-backs, and patched to
 * compromised is a new compromise.
 */
export async function enqueueImportEvents(s: SqlSession, importId: number, fileName: string | null, now = new Date()): Promise<number> {
  const hooks = await activeHooks(s);
  if (!subscribed(hooks, "server.compromised", "server.rolled_back")) return 0;
  const rows = await s.all<{ serverId: number; statusBefore: string | null; statusAfter: string; hostname: string; organizationId: number; slug: string; name: string; change: number }>(
    `SELECT i."serverId", i."statusBefore", i."statusAfter", i."change", v."hostname", v."organizationId", o."slug", o."name"
     FROM "ImportServer" i JOIN "Server" v ON v."id" = i."serverId" JOIN "Organization" o ON o."id" = v."organizationId"
     WHERE i."importId" = ? AND (i."change" = ? OR (i."statusBefore" = 'patched' AND i."statusAfter" = 'unpatched'))
     ORDER BY v."organizationId", v."hostnameKey" LIMIT ${MAX_IMPORT_ROWS}`,
    [importId, statusChangeOrder("new-compromise")],
  );
  const groups = new Map<string, { type: "server.compromised" | "server.rolled_back"; organization: OrganizationRef; servers: ServerChange[] }>();
  for (const r of rows) {
    const type = Number(r.change) === statusChangeOrder("new-compromise") ? "server.compromised" : "server.rolled_back";
    const key = `${type}:${r.organizationId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { type, organization: { id: Number(r.organizationId), slug: r.slug, name: r.name }, servers: [] }));
    group.servers.push({ id: Number(r.serverId), hostname: r.hostname, statusBefore: r.statusBefore, statusAfter: r.statusAfter });
  }
  let queued = 0;
  for (const g of groups.values()) {
    const data = { organization: g.organization, import: { id: importId, fileName }, ...listed(g.servers) };
    queued += await enqueueEvent(s, newEvent(g.type, g.organization.id, data, now), hooks);
  }
  return queued;
}

/** After a campaign is added and judged, in its transaction: one event per organization with servers unpatched against it. */
export async function enqueueCampaignUnpatched(s: SqlSession, campaign: { id: string; name: string }, now = new Date()): Promise<number> {
  const hooks = await activeHooks(s);
  if (!subscribed(hooks, "campaign.unpatched")) return 0;
  const rows = await s.all<{ organizationId: number; servers: number; unpatched: number; compromised: number; slug: string; name: string }>(
    `SELECT c."organizationId", c."servers", c."unpatched", c."compromised", o."slug", o."name" FROM "OrganizationStatus" c JOIN "Organization" o ON o."id" = c."organizationId"
     WHERE c."campaign" = ? AND c."unpatched" > 0 ORDER BY o."nameKey" LIMIT ${MAX_ORGANIZATIONS}`,
    [campaign.id],
  );
  let queued = 0;
  for (const r of rows) {
    const organization = { id: Number(r.organizationId), slug: r.slug, name: r.name };
    const data = { organization, campaign, servers: Number(r.servers), unpatched: Number(r.unpatched), compromised: Number(r.compromised) };
    queued += await enqueueEvent(s, newEvent("campaign.unpatched", organization.id, data, now), hooks);
  }
  return queued;
}

export interface PastTarget {
  organizationId: number;
  serverId: number;
  hostname: string;
  /** the campaign's id (or name) the server is exposed to */
  campaign: string;
  exposedSince: Date | string;
  targetDays: number;
}

/** A server has been exposed longer than its organization's patch target: called, in its transaction, by whoever notices. */
export async function enqueuePastTarget(s: SqlSession, p: PastTarget, now = new Date()): Promise<number> {
  const organization = await organizationRef(s, p.organizationId);
  if (!organization) return 0;
  const exposedSince = typeof p.exposedSince === "string" ? p.exposedSince : p.exposedSince.toISOString();
  const data = { organization, server: { id: p.serverId, hostname: p.hostname }, campaign: p.campaign, exposedSince, targetDays: p.targetDays };
  return enqueueEvent(s, newEvent("server.past_target", organization.id, data, now));
}

const MAX_ERROR_MESSAGE = 500;

/**
 * A failed import, after its transaction was rolled back: queued in a small transaction of its own. It is about the
 * uploader's one organization when they are limited to exactly one, else about none (webhooks for every
 * organization get it). It never fails the upload's answer.
 */
export async function recordImportFailure(access: Access, failure: AppError, ctx: { fileName: string | null; origin: string }, now = new Date()): Promise<void> {
  try {
    await withWriteTransaction(async (s) => {
      const hooks = await activeHooks(s);
      if (!subscribed(hooks, "import.failed")) return;
      const only = access.organizationIds?.length === 1 ? await organizationRef(s, access.organizationIds[0]) : null;
      const data = {
        organization: only,
        fileName: ctx.fileName,
        error: { code: failure.code, message: failure.message.slice(0, MAX_ERROR_MESSAGE) },
        uploadedBy: access.actor.label,
        origin: ctx.origin,
      };
      await enqueueEvent(s, newEvent("import.failed", only?.id ?? null, data, now), hooks);
    });
  } catch (err) {
    console.error("Patchboard: could not queue the import.failed webhook event:", (err as Error).message);
  }
}
