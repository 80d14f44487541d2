// Sends the outbox. Started by the production server (scripts/serve.ts), never by the pages: every few seconds it
// claims the deliveries that are due with a lease (so that another process, or this one's next round, does not send
// them too; on PostgreSQL with FOR UPDATE SKIP LOCKED), checks the target again, signs and posts each, and records
// what happened: delivered, or another attempt later (lib/domain/webhooks/backoff.ts), or failed after the last.
// A delivery whose process stopped mid-send is leased only for a while: the next dispatcher sends it then.
// Writes go through withWriteTransaction, the one writer queue (on SQLite a second writer would block the server).
import { nextAttemptAt } from "../../domain/webhooks/backoff";
import { reportWorker } from "../../ops/process-state";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from "../../domain/webhooks/signature";
import { withReadSession, type SqlSession } from "../sql-session";
import { withWriteTransaction } from "../sql-write-transaction";
import { openSecret } from "./secret-box";
import { postJson, type SendResult } from "./send";
import { resolveTarget, targetPolicy } from "./target-check";
import { sweepPastTarget } from "./past-target";
import { sweepWeeklyDigests } from "./weekly-digest";

export interface DispatchOptions {
  /** the clock (tests move it forward to reach a retry) */
  now?: () => Date;
  batchSize?: number;
  timeoutMs?: number;
  leaseMs?: number;
}

interface Claimed {
  id: number;
  webhookId: number;
  eventType: string;
  body: string;
  attempts: number;
}

const DEFAULTS = { batchSize: 20, timeoutMs: 10_000, leaseMs: 60_000 };
const MAX_ERROR = 300;

const DUE = `d."status" = 'pending' AND d."nextAttemptAt" <= ? AND (d."leasedUntil" IS NULL OR d."leasedUntil" < ?) AND w."active" = true`;

async function anyDue(now: Date): Promise<boolean> {
  const rows = await withReadSession((s) =>
    s.all(`SELECT d."id" FROM "WebhookDelivery" d JOIN "Webhook" w ON w."id" = d."webhookId" WHERE ${DUE} LIMIT 1`, [now, now]),
  );
  return rows.length > 0;
}

async function claim(s: SqlSession, now: Date, leaseUntil: Date, batchSize: number): Promise<Claimed[]> {
  const lock = s.dialect === "postgres" ? "FOR UPDATE OF d SKIP LOCKED" : "";
  const rows = await s.all<Claimed>(
    `UPDATE "WebhookDelivery" SET "leasedUntil" = ? WHERE "id" IN (
       SELECT d."id" FROM "WebhookDelivery" d JOIN "Webhook" w ON w."id" = d."webhookId" WHERE ${DUE} ORDER BY d."nextAttemptAt", d."id" LIMIT ${Number(batchSize)} ${lock}
     ) RETURNING "id", "webhookId", "eventType", "body", "attempts"`,
    [leaseUntil, now, now],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), webhookId: Number(r.webhookId), attempts: Number(r.attempts) }));
}

async function sendOne(delivery: Claimed, hook: { url: string; secret: string } | undefined, now: Date, timeoutMs: number, policy: Awaited<ReturnType<typeof targetPolicy>>): Promise<SendResult> {
  if (!hook) return { status: null, ok: false, error: "The webhook is gone." };
  const secret = openSecret(hook.secret);
  if (secret === null) return { status: null, ok: false, error: "The signing secret cannot be read (PATCHBOARD_SECRET changed?): make the webhook again." };
  // Checked again at every send: the setting may have changed, and the name may resolve elsewhere now.
  const target = await resolveTarget(hook.url, policy);
  if (!target.ok) return { status: null, ok: false, error: `Target refused: ${target.reason}` };
  const headers = {
    [SIGNATURE_HEADER]: signatureHeader(secret, delivery.body, now),
    [EVENT_HEADER]: delivery.eventType,
    [DELIVERY_HEADER]: String(delivery.id),
  };
  return postJson(target.value, delivery.body, headers, timeoutMs);
}

async function record(s: SqlSession, delivery: Claimed, result: SendResult, now: Date, leaseUntil: Date): Promise<void> {
  const attempts = delivery.attempts + 1;
  // Only while this round's lease holds: a round that overran its lease must not overwrite a later one's answer.
  const mine = `WHERE "id" = ? AND "leasedUntil" = ?`;
  if (result.ok) {
    await s.run(
      `UPDATE "WebhookDelivery" SET "status" = 'delivered', "attempts" = ?, "lastStatus" = ?, "lastError" = NULL, "lastAttemptAt" = ?, "deliveredAt" = ?, "leasedUntil" = NULL ${mine}`,
      [attempts, result.status, now, now, delivery.id, leaseUntil],
    );
    return;
  }
  const next = nextAttemptAt(attempts, now);
  await s.run(
    `UPDATE "WebhookDelivery" SET "status" = ?, "attempts" = ?, "lastStatus" = ?, "lastError" = ?, "lastAttemptAt" = ?, "nextAttemptAt" = ?, "leasedUntil" = NULL ${mine}`,
    [next ? "pending" : "failed", attempts, result.status, (result.error ?? "failed").slice(0, MAX_ERROR), now, next ?? now, delivery.id, leaseUntil],
  );
}

/** One round: claims the deliveries due, sends them, records the outcome; answers how many were claimed. */
export async function dispatchDue(options: DispatchOptions = {}): Promise<number> {
  const { batchSize, timeoutMs, leaseMs } = { ...DEFAULTS, ...options };
  const clock = options.now ?? (() => new Date());
  const now = clock();
  // A read first: most rounds find nothing, and then take no turn in the writer queue.
  if (!(await anyDue(now))) return 0;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { claimed, hooks } = await withWriteTransaction(async (s) => {
    const claimed = await claim(s, now, leaseUntil, batchSize);
    const ids = [...new Set(claimed.map((c) => c.webhookId))];
    const hooks = new Map<number, { url: string; secret: string }>();
    if (ids.length) {
      const rows = await s.all<{ id: number; url: string; secret: string }>(`SELECT "id", "url", "secret" FROM "Webhook" WHERE "id" IN (${ids.map(() => "?").join(", ")})`, ids);
      for (const r of rows) hooks.set(Number(r.id), { url: r.url, secret: r.secret });
    }
    return { claimed, hooks };
  });
  if (claimed.length === 0) return 0;
  const policy = await targetPolicy();
  const results = await Promise.all(claimed.map((d) => sendOne(d, hooks.get(d.webhookId), clock(), timeoutMs, policy)));
  const done = clock();
  await withWriteTransaction(async (s) => {
    for (let i = 0; i < claimed.length; i++) await record(s, claimed[i], results[i], done, leaseUntil);
  });
  return claimed.length;
}

export interface Dispatcher {
  /** stops polling and waits for the round in flight */
  stop(): Promise<void>;
}

// Servers become late and weeks end with time: the sweeps run at start and then hourly.
const SWEEP_MS = 60 * 60 * 1000;
const SWEEPS = [sweepPastTarget, sweepWeeklyDigests];

/**
 * Polls every `intervalMs` (5 s), and at once again after a full batch; sweeps for servers past their target and for
 * weeks to digest hourly. It reports itself running at each round's start and end, and stopped, for /api/ready.
 */
export function startDispatcher(options: DispatchOptions & { intervalMs?: number; onError?: (err: unknown) => void; sweep?: boolean } = {}): Dispatcher {
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? DEFAULTS.batchSize;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let lastSweep = -Infinity;
  const onError = options.onError ?? ((e) => console.error("Patchboard: webhook dispatch failed:", (e as Error).message));
  const tick = () => {
    round = (async () => {
      reportWorker("webhooks", true);
      let claimed = 0;
      if (options.sweep !== false && Date.now() - lastSweep >= SWEEP_MS) {
        lastSweep = Date.now();
        // Each on its own: one failing neither stops the other nor the sending.
        for (const sweep of SWEEPS) await sweep().catch(onError);
      }
      try {
        claimed = await dispatchDue(options);
      } catch (err) {
        onError(err);
      }
      if (!stopped) {
        reportWorker("webhooks", true);
        timer = setTimeout(tick, claimed >= batchSize ? 0 : intervalMs);
        timer.unref?.();
      }
    })();
  };
  reportWorker("webhooks", true);
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      reportWorker("webhooks", false);
      clearTimeout(timer);
      await round;
    },
  };
}
