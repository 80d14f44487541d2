// Issue 11 item 7 as a webhook event: the hourly sweep queues each organization's last full week once, to every
// subscribing webhook that covers the organization, busy or quiet; a second sweep, or a second process sweeping at
// the same time, queues nothing more; nothing is read past the webhooks, or written, when nobody subscribes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postScans } from "@/app/api/v1/scans/route";
import { db } from "@/lib/data/db";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { withWriteTransaction } from "@/lib/data/sql-write-transaction";
import { dispatchDue } from "@/lib/data/webhooks/dispatcher";
import { sweepWeeklyDigests } from "@/lib/data/webhooks/weekly-digest";
import { createWebhook } from "@/lib/data/webhooks/webhooks";
import { verifySignature } from "@/lib/domain/webhooks/signature";
import { TEST_ACCESS } from "../access";
import { call } from "../api/request";
import { tokenCaller, type Caller } from "../api/callers";
import { resetDatabase } from "../reset-database";
import { startReceiver, type Receiver } from "../support/webhook-receiver";

// The week of 2021-03-08 to 2021-03-14 (as tests/fleet/digest.int.test.ts): H-PATCHED is patched in it, H-NEW first
// seen unpatched, EXCH01's Test-ProxyLogon run finds two hits; Cove's C-OPEN is patched in it.
const CSV = [
  "organization,hostname,exchange_build,scanned_at,indicators",
  "Harbor,H-PATCHED,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-PATCHED,15.2.792.10,2021-03-09T10:00:00Z,",
  "Harbor,H-OPEN,15.2.792.3,2021-03-04T10:00:00Z,",
  "Harbor,H-NEW,15.2.792.3,2021-03-10T10:00:00Z,",
  "Harbor,EXCH01,15.2.792.3,2021-03-04T10:00:00Z,",
  "Cove,C-OPEN,15.2.792.3,2021-03-05T10:00:00Z,",
  "Cove,C-OPEN,15.2.792.10,2021-03-12T10:00:00Z,",
].join("\n");
const CHECK = [
  `"DateTime","RequestId","ClientIPAddress","UrlHost","UrlStem","RoutingHint","UserAgent","AnchorMailbox","HttpStatus"`,
  `"2021-03-03T02:45:10Z","req-0","86.105.18.116","mail.example","/ecp/y.js","X-BEResource-Cookie","python","ServerInfo~a]@EXCH01:444/x?#","200"`,
  `"2021-03-03T02:50:00Z","req-1","86.105.18.116","mail.example","/owa/auth/x.js","X-BEResource-Cookie","python","ServerInfo~a]@EXCH01:444/x?#","200"`,
].join("\n");

/** Monday morning after the week of the scans. */
const MONDAY = new Date("2021-03-15T08:00:00Z");
const EVENT = "organization.weekly_digest";

let admin: Caller;
let receiver: Receiver;
const secrets: Record<number, string> = {};

async function hook(name: string, organizations: string[], payload: "json" | "slack" = "json", events: ("organization.weekly_digest" | "import.failed")[] = [EVENT]) {
  const created = await createWebhook(TEST_ACCESS, { name, url: receiver.url, events, organizations, payload });
  secrets[created.id] = created.secret;
  return created.id;
}

/** The digest deliveries queued, as (webhook, body) pairs. */
async function queued() {
  const rows = await db.webhookDelivery.findMany({ where: { eventType: EVENT }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ webhookId: r.webhookId, body: JSON.parse(r.body) }));
}

const sentRows = () => db.weeklyDigestSent.findMany({ orderBy: [{ weekFrom: "asc" }, { organizationId: "asc" }] });

beforeAll(async () => {
  await withWriteTransaction((s) => s.run(`DELETE FROM "WeeklyDigestSent"`));
  await resetDatabase();
  receiver = await startReceiver();
  await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
  admin = await tokenCaller("digest hooks admin", "admin", null);
  expect((await call(postScans, "/api/v1/scans", { method: "POST", headers: { ...admin.headers, "content-type": "text/csv" }, body: CSV + "\n" })).status).toBe(201);
  const form = new FormData();
  form.append("organization", "Harbor");
  form.append("scannedAt", "2021-03-12T10:00:00Z");
  form.append("file", new Blob([CHECK + "\n"]), "EXCH01-Cve-2021-26855.csv");
  form.append("file", new Blob([`"Ecp","OwaProxy"\n"30","30"\n`]), "EXCH01-LogAgeDays.csv");
  expect((await call(postScans, "/api/v1/scans", { method: "POST", headers: admin.headers, body: form })).status).toBe(201);
});

afterAll(async () => {
  await receiver?.close();
});

describe("issue 11 item 7: the weekly digest webhook event", () => {
  it("with no webhook subscribed, a sweep queues nothing and remembers nothing", async () => {
    await hook("failures only", [], "json", ["import.failed"]);
    expect(await sweepWeeklyDigests(MONDAY)).toBe(0);
    expect(await queued()).toEqual([]);
    expect(await sentRows()).toEqual([]);
  });

  it("queues the last full week once per webhook and organization it covers, with the week, counts and changes", async () => {
    const everyone = await hook("everyone", []);
    const cove = await hook("cove chat", ["cove"], "slack");
    expect(await sweepWeeklyDigests(MONDAY)).toBe(3);
    const got = await queued();
    expect(got.map((d) => `${d.webhookId === everyone ? "everyone" : "cove chat"}:${d.body.data?.organization.slug ?? "slack"}`).sort()).toEqual(["cove chat:slack", "everyone:cove", "everyone:harbor"]);

    const harbor = got.find((d) => d.body.data?.organization.slug === "harbor")!.body;
    expect(harbor).toMatchObject({ type: EVENT, occurredAt: MONDAY.toISOString() });
    expect(harbor.data.week).toEqual({ from: "2021-03-08", until: "2021-03-14" });
    expect(harbor.data.campaign.id).toBe("all");
    expect(harbor.data.patched).toEqual({ servers: [{ id: expect.any(Number), hostname: "H-PATCHED", before: "unpatched", after: "patched", day: "2021-03-09" }], total: 1 });
    expect(harbor.data.exposed.servers.map((s: { hostname: string }) => s.hostname)).toEqual(["H-NEW"]);
    expect(harbor.data.counts.before).toMatchObject({ servers: 3, patched: 0 });
    expect(harbor.data.counts.after).toMatchObject({ servers: 4, patched: 1 });
    expect(harbor.data.findings).toEqual({ servers: [{ id: expect.any(Number), hostname: "EXCH01", indicators: 2, suspiciousFiles: 0 }], total: 1, findings: 2 });
    expect(harbor.data.hunts).toEqual({ servers: [{ id: expect.any(Number), hostname: "EXCH01", tool: "Test-ProxyLogon", result: "found", at: "2021-03-12T10:00:00.000Z" }], total: 1 });

    const coveJson = got.find((d) => d.body.data?.organization.slug === "cove")!.body.data;
    expect(coveJson.patched.servers.map((s: { hostname: string }) => s.hostname)).toEqual(["C-OPEN"]);
    const slack = got.find((d) => d.webhookId === cove)!.body;
    expect(slack.text).toBe("Weekly digest for Cove, 8 – 14 Mar 2021");
    expect(slack.blocks[0].text.text).toContain("Newly patched: 1 (C-OPEN)");

    const organizations = await db.organization.findMany({ orderBy: { id: "asc" } });
    expect((await sentRows()).map((r) => [r.organizationId, r.weekFrom])).toEqual(organizations.map((o) => [o.id, "2021-03-08"]));
  });

  it("a second sweep of the same week queues nothing", async () => {
    const before = (await queued()).length;
    expect(await sweepWeeklyDigests(MONDAY)).toBe(0);
    expect(await sweepWeeklyDigests(new Date("2021-03-21T23:00:00Z"))).toBe(0); // still the same last full week
    expect(await queued()).toHaveLength(before);
  });

  it("delivers them signed through the dispatcher", async () => {
    receiver.received.length = 0;
    while ((await dispatchDue()) > 0);
    expect(receiver.received).toHaveLength(3);
    const deliveries = await db.webhookDelivery.findMany({ where: { eventType: EVENT } });
    for (const r of receiver.received) {
      expect(r.headers["patchboard-event"]).toBe(EVENT);
      const delivery = deliveries.find((d) => String(d.id) === r.headers["patchboard-delivery"])!;
      expect(delivery.status).toBe("delivered");
      expect(verifySignature(String(r.headers["patchboard-signature"]), secrets[delivery.webhookId], r.body, new Date())).toBe(true);
    }
  });

  it("sends only the last full week, never a backlog, and sends a quiet one", async () => {
    // Four weeks later: the weeks in between are not sent; the last one saw no scans at all.
    expect(await sweepWeeklyDigests(new Date("2021-04-12T00:30:00Z"))).toBe(3);
    const weeks = (await queued()).slice(3);
    const json = weeks.filter((d) => d.body.data);
    expect(json.map((d) => d.body.data.week)).toEqual([
      { from: "2021-04-05", until: "2021-04-11" },
      { from: "2021-04-05", until: "2021-04-11" },
    ]);
    for (const d of json) expect([d.body.data.patched.total, d.body.data.exposed.total, d.body.data.findings.total, d.body.data.hunts.total]).toEqual([0, 0, 0, 0]);
    const slack = weeks.find((d) => !d.body.data)!.body;
    expect(slack.text).toBe("Weekly digest for Cove, 5 – 11 Apr 2021");
    expect(slack.blocks[0].text.text).toContain("Quiet week: nothing changed.");
    expect([...new Set((await sentRows()).map((r) => r.weekFrom))]).toEqual(["2021-03-08", "2021-04-05"]);
  });

  it("two sweeps at once send each digest once, and an organization no webhook covers is not marked as sent", async () => {
    await db.webhook.deleteMany({ where: { name: "everyone" } });
    const week = new Date("2021-04-19T08:00:00Z");
    const [a, b] = await Promise.all([sweepWeeklyDigests(week), sweepWeeklyDigests(week)]);
    expect(a + b).toBe(1);
    const cove = await db.organization.findUniqueOrThrow({ where: { slug: "cove" } });
    expect((await sentRows()).filter((r) => r.weekFrom === "2021-04-12").map((r) => r.organizationId)).toEqual([cove.id]);
  });
});
