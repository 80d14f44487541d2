// Issue 11 item 5: webhook deliveries reach a real receiver, signed; a 500 is retried later; a delivery pending
// when a dispatcher stops (or whose dispatcher died mid-send) is delivered by the next one; a target on loopback is
// refused unless the admin setting allows private targets.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/webhooks/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { db } from "@/lib/data/db";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { withWriteTransaction } from "@/lib/data/sql-write-transaction";
import { dispatchDue, startDispatcher } from "@/lib/data/webhooks/dispatcher";
import { enqueuePastTarget } from "@/lib/data/webhooks/enqueue";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, sendTestEvent, setWebhookActive } from "@/lib/data/webhooks/webhooks";
import { verifySignature } from "@/lib/domain/webhooks/signature";
import { AppError } from "@/lib/errors";
import { TEST_ACCESS } from "../access";
import { call } from "../api/request";
import { resetDatabase } from "../reset-database";
import { startReceiver, type Receiver } from "../support/webhook-receiver";

let receiver: Receiver;
const MINUTE = 60_000;
const later = (ms: number) => () => new Date(Date.now() + ms);
const delivery = (id: number) => db.webhookDelivery.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  await resetDatabase();
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

beforeEach(async () => {
  receiver.received.length = 0;
  receiver.answers.length = 0;
  await withWriteTransaction((s) => s.run(`DELETE FROM "Webhook"`));
  await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
});

describe("webhook targets", () => {
  it("refuses a loopback URL unless private targets are allowed, naming the field", async () => {
    await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: false });
    const refused = await createWebhook(TEST_ACCESS, { name: "Local", url: receiver.url, events: ["import.failed"] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 422, code: "invalid_url", details: { field: "url" } });
    for (const url of ["http://localhost:9/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.1/"]) {
      await expect(createWebhook(TEST_ACCESS, { name: "x", url, events: ["import.failed"] })).rejects.toMatchObject({ status: 422 });
    }
    // A webhook made while the setting was on is checked again at send time, and not sent once it is off.
    await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
    const { id } = await createWebhook(TEST_ACCESS, { name: "Local", url: receiver.url, events: ["import.failed"] });
    const { deliveryId } = await sendTestEvent(TEST_ACCESS, id);
    await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: false });
    await dispatchDue();
    expect(receiver.received).toHaveLength(0);
    expect(await delivery(deliveryId)).toMatchObject({ status: "pending", attempts: 1, lastStatus: null });
    expect((await delivery(deliveryId)).lastError).toMatch(/^Target refused: .*loopback/);
    // The metadata service stays refused even with the setting on.
    await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
    await expect(createWebhook(TEST_ACCESS, { name: "x", url: "http://169.254.169.254/", events: ["import.failed"] })).rejects.toMatchObject({ status: 422 });
  });

  it("checks the other fields with the shared schema", async () => {
    await expect(createWebhook(TEST_ACCESS, { name: "", url: receiver.url, events: [] })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createWebhook(TEST_ACCESS, { name: "x", url: receiver.url, events: ["no.such"] as never })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createWebhook({ ...TEST_ACCESS, role: "technician" }, { name: "x", url: receiver.url, events: ["import.failed"] })).rejects.toMatchObject({ status: 403 });
  });
});

describe("webhook deliveries", () => {
  it("reach the receiver with a valid signature and the documented headers, and are logged", async () => {
    const { id, secret } = await createWebhook(TEST_ACCESS, { name: "Receiver", url: receiver.url, events: ["import.failed"] });
    expect(secret).toMatch(/^whsec_/);
    const stored = await db.webhook.findUniqueOrThrow({ where: { id } });
    expect(stored.secret).not.toContain(secret.slice(6)); // kept encrypted
    const { deliveryId } = await sendTestEvent(TEST_ACCESS, id);
    expect(await dispatchDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [req] = receiver.received;
    expect(req.path).toBe("/hooks/patchboard");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["patchboard-event"]).toBe("webhook.test");
    expect(req.headers["patchboard-delivery"]).toBe(String(deliveryId));
    expect(verifySignature(String(req.headers["patchboard-signature"]), secret, req.body, new Date())).toBe(true);
    expect(verifySignature(String(req.headers["patchboard-signature"]), "another secret", req.body, new Date())).toBe(false);
    expect(JSON.parse(req.body)).toMatchObject({ type: "webhook.test", data: { webhook: { id, name: "Receiver" } } });
    expect(await delivery(deliveryId)).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200, lastError: null, leasedUntil: null });
    const log = await listDeliveries(TEST_ACCESS, { page: 1 });
    expect(log.data[0]).toMatchObject({ id: deliveryId, webhookName: "Receiver", status: "delivered", attempts: 1, lastStatus: 200, nextAttemptAt: null });
    expect(await dispatchDue()).toBe(0);
  });

  it("are retried after a 500, with backoff, and delivered then", async () => {
    const { id, secret } = await createWebhook(TEST_ACCESS, { name: "Flaky", url: receiver.url, events: ["import.failed"] });
    receiver.answers.push(500);
    const { deliveryId } = await sendTestEvent(TEST_ACCESS, id);
    await dispatchDue();
    const failed = await delivery(deliveryId);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "HTTP 500." });
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not before its time...
    expect(await dispatchDue()).toBe(0);
    // ...and then again, the same bytes signed anew.
    expect(await dispatchDue({ now: later(5 * MINUTE) })).toBe(1);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].body).toBe(receiver.received[0].body);
    expect(verifySignature(String(receiver.received[1].headers["patchboard-signature"]), secret, receiver.received[1].body, new Date(Date.now() + 5 * MINUTE))).toBe(true);
    expect(await delivery(deliveryId)).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 200, lastError: null });
  });

  it("give up after the last attempt", async () => {
    const { id } = await createWebhook(TEST_ACCESS, { name: "Down", url: receiver.url, events: ["import.failed"] });
    receiver.answers.push(...Array<number>(10).fill(503));
    const { deliveryId } = await sendTestEvent(TEST_ACCESS, id);
    for (let i = 0; i < 10; i++) await dispatchDue({ now: later(i * 7 * 3600_000) });
    expect(await delivery(deliveryId)).toMatchObject({ status: "failed", attempts: 10, lastStatus: 503 });
    expect((await listWebhooks(TEST_ACCESS))[0]).toMatchObject({ failed: 1, pending: 0 });
  });

  it("survive a restart: what one dispatcher left pending or leased, the next one delivers", async () => {
    const { id, secret } = await createWebhook(TEST_ACCESS, { name: "Restart", url: receiver.url, events: ["import.failed"] });
    // The first dispatcher meets a 500 and is stopped: the delivery stays pending in the database.
    receiver.answers.push(500);
    const first = await sendTestEvent(TEST_ACCESS, id);
    const one = startDispatcher({ intervalMs: 20 });
    await expect.poll(async () => (await delivery(first.deliveryId)).attempts, { timeout: 10_000 }).toBe(1);
    await one.stop();
    // Another is claimed by a dispatcher that dies mid-send (the receiver never answers; its lease is left).
    receiver.answers.push("hang");
    const second = await sendTestEvent(TEST_ACCESS, id);
    const dying = dispatchDue({ timeoutMs: 60_000 });
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
    expect((await delivery(second.deliveryId)).leasedUntil).not.toBeNull();
    void dying.catch(() => {});
    // A new dispatcher, started later (past the backoff and the lease), delivers both.
    const two = startDispatcher({ intervalMs: 20, now: later(10 * MINUTE) });
    await expect.poll(async () => (await delivery(second.deliveryId)).status, { timeout: 10_000 }).toBe("delivered");
    await expect.poll(async () => (await delivery(first.deliveryId)).status, { timeout: 10_000 }).toBe("delivered");
    await two.stop();
    const delivered = receiver.received.slice(2);
    expect(delivered.map((r) => r.headers["patchboard-delivery"]).sort()).toEqual([String(first.deliveryId), String(second.deliveryId)].sort());
    for (const r of delivered) expect(verifySignature(String(r.headers["patchboard-signature"]), secret, r.body, new Date(Date.now() + 10 * MINUTE))).toBe(true);
    receiver.answers.length = 0;
  });

  it("wait while their webhook is paused, and go with it when it is deleted", async () => {
    const { id } = await createWebhook(TEST_ACCESS, { name: "Paused", url: receiver.url, events: ["server.past_target"] });
    const org = await db.organization.create({ data: { slug: "paused-org", name: "Paused Org", nameKey: "paused org" } });
    await setWebhookActive(TEST_ACCESS, id, false);
    await expect(sendTestEvent(TEST_ACCESS, id)).rejects.toMatchObject({ status: 409 });
    // Paused webhooks are not sent new events at all.
    await withWriteTransaction((s) => enqueuePastTarget(s, { organizationId: org.id, serverId: 1, hostname: "EX1", campaign: "proxylogon", exposedSince: new Date(), targetDays: 7 }));
    expect(await db.webhookDelivery.count({ where: { webhookId: id } })).toBe(0);
    await setWebhookActive(TEST_ACCESS, id, true);
    const { deliveryId } = await sendTestEvent(TEST_ACCESS, id);
    await setWebhookActive(TEST_ACCESS, id, false);
    expect(await dispatchDue()).toBe(0);
    await setWebhookActive(TEST_ACCESS, id, true);
    expect(await dispatchDue()).toBe(1);
    expect((await delivery(deliveryId)).status).toBe("delivered");
    await deleteWebhook(TEST_ACCESS, id);
    expect(await db.webhookDelivery.count({ where: { webhookId: id } })).toBe(0);
    const audit = await db.auditEvent.findMany({ where: { action: { startsWith: "webhook_" } }, orderBy: { id: "asc" }, select: { action: true } });
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["webhook_create", "webhook_test", "webhook_pause", "webhook_resume", "webhook_delete"]));
  });
});

describe("the webhooks API", () => {
  it("lets admins list and create webhooks, with a JSON error naming the field for a refused URL", async () => {
    const admin = (await createApiToken("webhooks admin", { role: "admin" })).token;
    const technician = (await createApiToken("webhooks tech", { role: "technician" })).token;
    const body = (url: string) => JSON.stringify({ name: "API hook", url, events: ["import.failed"], payload: "slack" });
    await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: false });
    const refused = await call(POST, "/api/v1/webhooks", { method: "POST", token: admin, body: body(receiver.url), headers: { "content-type": "application/json" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "invalid_url", details: { field: "url" } });
    expect(refused.json.error.message).toMatch(/loopback/);
    await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
    const created = await call(POST, "/api/v1/webhooks", { method: "POST", token: admin, body: body(receiver.url), headers: { "content-type": "application/json" } });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    const listed = await call(GET, "/api/v1/webhooks", { token: admin });
    expect(listed.json.webhooks).toEqual([expect.objectContaining({ id: created.json.id, name: "API hook", payload: "slack", events: ["import.failed"], organizations: [], active: true })]);
    expect(listed.text).not.toContain(created.json.secret);
    expect((await call(GET, "/api/v1/webhooks", { token: technician })).status).toBe(403);
    const bad = await call(POST, "/api/v1/webhooks", { method: "POST", token: admin, body: JSON.stringify({ name: "x", url: receiver.url, events: [] }), headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
  });
});
