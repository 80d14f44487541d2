// The weekly digest as a webhook event (issue 11 item 7). Time passing, not an import, ends a week, so the hourly
// sweep the dispatcher runs notices the organizations whose last full week (Monday to Sunday) has not been sent and
// queues one `organization.weekly_digest` each; WeeklyDigestSent remembers them, so each organization hears of a week
// once. Only the last full week is sent: a dispatcher that was down for a month sends last week, not a backlog.
// A quiet week is sent too: "nothing changed" is what some clients want to hear.
import { lastFullWeek, type DigestWeek } from "../../domain/digest";
import { digestEventData } from "../../domain/webhooks/digest-event";
import { webhookMatches } from "../../domain/webhooks/events";
import { campaignRef, readDigest } from "../fleet/digest";
import { withReadSession, type SqlSession } from "../sql-session";
import { withWriteTransaction } from "../sql-write-transaction";
import { inIds } from "../sql-rows";
import { activeHooks, enqueueEvent, newEvent, type ActiveHook } from "./enqueue";

const EVENT = "organization.weekly_digest";
/** Organizations per write transaction: a fleet of thousands never holds the writer queue for long. */
const BATCH = 100;
/** Organizations per sweep; the next hour's sweep goes on with the rest. */
const MAX_ORGANIZATIONS = 10_000;
/** Webhook organization ids looked up per query. */
const ID_CHUNK = 500;

/** The organizations the subscribing webhooks cover: all of them, some, or none (null: no subscriber). */
function coverage(hooks: ActiveHook[]): "all" | number[] | null {
  const subscribers = hooks.filter((h) => h.events.includes(EVENT));
  if (subscribers.length === 0) return null;
  if (subscribers.some((h) => h.organizations.length === 0)) return "all";
  return [...new Set(subscribers.flatMap((h) => h.organizations))].sort((a, b) => a - b);
}

async function dueOrganizations(s: SqlSession, covered: "all" | number[], week: DigestWeek): Promise<number[]> {
  const unsent = `NOT EXISTS (SELECT 1 FROM "WeeklyDigestSent" w WHERE w."organizationId" = o."id" AND w."weekFrom" = ?)`;
  if (covered === "all") {
    const rows = await s.all<{ id: number }>(`SELECT o."id" FROM "Organization" o WHERE ${unsent} ORDER BY o."id" LIMIT ${MAX_ORGANIZATIONS}`, [week.from]);
    return rows.map((r) => Number(r.id));
  }
  // The cap applies to the unsent ones: capping the ids first would stall on the ones already sent.
  const due: number[] = [];
  for (let i = 0; i < covered.length && due.length < MAX_ORGANIZATIONS; i += ID_CHUNK) {
    const ids = inIds(s, covered.slice(i, i + ID_CHUNK));
    const rows = await s.all<{ id: number }>(`SELECT o."id" FROM "Organization" o WHERE o."id" ${ids.sql} AND ${unsent} ORDER BY o."id"`, [...ids.params, week.from]);
    due.push(...rows.map((r) => Number(r.id)));
  }
  return due.slice(0, MAX_ORGANIZATIONS);
}

/** Queues the last full week's digest for each covered organization that has not had it; answers how many deliveries. */
export async function sweepWeeklyDigests(now = new Date()): Promise<number> {
  const week = lastFullWeek(now.toISOString().slice(0, 10));
  // A read first: every sweep but the week's first finds nothing, and takes no turn in the writer queue.
  const due = await withReadSession(async (s) => {
    const covered = coverage(await activeHooks(s));
    return covered ? dueOrganizations(s, covered, week) : [];
  });
  if (due.length === 0) return 0;
  const campaign = await campaignRef(undefined);
  let queued = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    // Read outside the write transaction: the digests' queries never hold up the app's writers.
    const digests = await withReadSession(async (s) => {
      const ids = inIds(s, batch);
      // An organization deleted since the first read has no digest to send.
      const still = new Set((await s.all<{ id: number }>(`SELECT "id" FROM "Organization" WHERE "id" ${ids.sql}`, ids.params)).map((r) => Number(r.id)));
      const read = [];
      for (const id of batch) if (still.has(id)) read.push(await readDigest(s, id, campaign, week));
      return read;
    });
    queued += await withWriteTransaction(async (s) => {
      // Again in the transaction: a webhook paused or changed meanwhile decides, and an organization no longer
      // covered is not marked as sent (a webhook added for it later this week still gets the week).
      const hooks = await activeHooks(s);
      let n = 0;
      for (const d of digests) {
        if (!hooks.some((h) => webhookMatches(h, EVENT, d.organization.id))) continue;
        // Whoever inserts the row sends the event: another process sweeping the same week finds it taken.
        const inserted = await s.run(`INSERT INTO "WeeklyDigestSent" ("organizationId", "weekFrom", "sentAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [d.organization.id, week.from, now]);
        if (inserted === 1) n += await enqueueEvent(s, newEvent(EVENT, d.organization.id, digestEventData(d), now), hooks);
      }
      return n;
    });
  }
  return queued;
}
