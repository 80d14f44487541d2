// Issue 11 item 5: the events come from the real changes, in their transactions: an import that finds a new
// compromise or a roll-back, a campaign added that leaves servers unpatched, a failed import, a server past its
// organization's target (enqueuePastTarget, for the lead's exposure code); each goes only to the webhooks that
// subscribe to it and to its organization.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { addCampaign } from "@/lib/data/campaigns/add-campaign";
import { db } from "@/lib/data/db";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { withWriteTransaction } from "@/lib/data/sql-write-transaction";
import { dispatchDue } from "@/lib/data/webhooks/dispatcher";
import { enqueuePastTarget } from "@/lib/data/webhooks/enqueue";
import { createWebhook } from "@/lib/data/webhooks/webhooks";
import proxylogonFile from "@/lib/domain/campaigns/data/proxylogon.json";
import type { WebhookEventType } from "@/lib/domain/webhooks/events";
import { verifySignature } from "@/lib/domain/webhooks/signature";
import { TEST_ACCESS } from "../access";
import { call } from "../api/request";
import { resetDatabase } from "../reset-database";
import { startReceiver, type Receiver } from "../support/webhook-receiver";

const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n";
const OLD = "15.2.792.3"; // unpatched
const CURRENT = "15.2.1258.12"; // patched against every built-in campaign
const FIRST = HEADER + [`Harbor,H-BREACHED,,${CURRENT},2023-06-01T10:00:00Z,,`, `Harbor,H-REGRESSED,,${CURRENT},2023-06-01T10:00:00Z,,`, `Quay,Q-1,,${CURRENT},2023-06-01T10:00:00Z,,`].join("\n");
const SECOND = HEADER + [
  `Harbor,H-BREACHED,,${CURRENT},2023-06-02T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx,`,
  `Harbor,H-REGRESSED,,${OLD},2023-06-02T10:00:00Z,,`,
  `Quay,Q-1,,${CURRENT},2023-06-02T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx,`,
].join("\n");

let receiver: Receiver;
let token: string;
const upload = (csv: string, name = "scan.csv") =>
  call(POST, `/api/v1/scans?fileName=${encodeURIComponent(name)}`, { method: "POST", token, body: csv, headers: { "content-type": "text/csv" } });

async function hook(name: string, events: WebhookEventType[], organizations: string[] = [], payload: "json" | "slack" | "teams" = "json") {
  const created = await createWebhook(TEST_ACCESS, { name, url: `${receiver.url}?hook=${encodeURIComponent(name)}`, events, organizations, payload });
  return { ...created, name };
}

/** Sends everything due; answers what each webhook received, as parsed JSON, checking every signature. */
async function sent(secrets: Record<string, string>) {
  receiver.received.length = 0;
  while ((await dispatchDue()) > 0);
  const by: Record<string, { event: string; body: Record<string, any> }[]> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const r of receiver.received) {
    const name = decodeURIComponent(new URL(r.path, "http://x").searchParams.get("hook") ?? "");
    expect(verifySignature(String(r.headers["patchboard-signature"]), secrets[name], r.body, new Date()), name).toBe(true);
    (by[name] ??= []).push({ event: String(r.headers["patchboard-event"]), body: JSON.parse(r.body) });
  }
  return by;
}

beforeAll(async () => {
  await resetDatabase();
  receiver = await startReceiver();
  token = (await createApiToken("events test", { role: "admin" })).token;
  await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
});

afterAll(async () => {
  await receiver?.close();
});

beforeEach(async () => {
  await withWriteTransaction((s) => s.run(`DELETE FROM "Webhook"`));
});

describe("webhook events", () => {
  it("an import: one event per organization for new compromises and one for roll-backs, filtered by organization", async () => {
    expect((await upload(FIRST)).status).toBe(201);
    const all = await hook("all", ["server.compromised", "server.rolled_back"]);
    const harbor = await hook("harbor", ["server.compromised", "server.rolled_back"], ["harbor"]);
    const quay = await hook("quay-failures", ["import.failed"], ["quay"]);
    const slack = await hook("slack", ["server.compromised"], [], "slack");
    const secrets = { all: all.secret, harbor: harbor.secret, "quay-failures": quay.secret, slack: slack.secret };
    const res = await upload(SECOND, "second.csv");
    expect(res.status).toBe(201);
    const importId = res.json.imports[0].id;
    const got = await sent(secrets);
    expect(got["quay-failures"]).toBeUndefined();
    expect(got.all.map((e) => `${e.event}:${e.body.data.organization.slug}`).sort()).toEqual(["server.compromised:harbor", "server.compromised:quay", "server.rolled_back:harbor"]);
    expect(got.harbor.map((e) => e.event).sort()).toEqual(["server.compromised", "server.rolled_back"]);
    const compromised = got.harbor.find((e) => e.event === "server.compromised")!.body;
    expect(compromised).toMatchObject({
      type: "server.compromised",
      data: { import: { id: importId, fileName: "second.csv" }, total: 1, servers: [{ hostname: "H-BREACHED", statusBefore: "patched", statusAfter: "compromised" }] },
    });
    const rolledBack = got.harbor.find((e) => e.event === "server.rolled_back")!.body;
    expect(rolledBack.data.servers).toEqual([expect.objectContaining({ hostname: "H-REGRESSED", statusBefore: "patched", statusAfter: "unpatched" })]);
    expect(got.slack.map((e) => e.body.text).sort()).toEqual(["New compromise: 1 server in Harbor", "New compromise: 1 server in Quay"]);
    // The same file again is a duplicate: nothing changes, nothing is sent.
    await upload(SECOND, "second.csv");
    expect(await sent(secrets)).toEqual({});
  });

  it("a rolled-back import sends nothing: the deliveries commit with the import or not at all", async () => {
    const all = await hook("all", ["server.compromised", "import.failed"]);
    const before = await db.webhookDelivery.count();
    // A token limited to Harbor sends a file that also names Quay: refused whole (403) after Harbor's row was
    // written, with the new compromise it found.
    const limited = await createApiToken("limited", { role: "technician", organizationSlugs: ["harbor"] });
    const csv = HEADER + [`Harbor,H-NEW-BAD,,${CURRENT},2023-06-03T10:00:00Z,C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx,`, `Quay,Q-2,,${CURRENT},2023-06-03T10:00:00Z,,`].join("\n");
    const res = await call(POST, `/api/v1/scans?fileName=mixed.csv`, { method: "POST", token: limited.token, body: csv, headers: { "content-type": "text/csv" } });
    expect(res.status).toBe(403);
    const got = await sent({ all: all.secret });
    expect(got.all.map((e) => e.event)).toEqual(["import.failed"]);
    expect(got.all[0].body.data).toMatchObject({ fileName: "mixed.csv", uploadedBy: "limited", origin: "api", organization: { slug: "harbor" }, error: { code: expect.any(String) } });
    expect(await db.webhookDelivery.count()).toBe(before + 1);
    expect(await db.server.count({ where: { hostname: "H-NEW-BAD" } })).toBe(0);
  });

  it("a failed import: a file that is no scan", async () => {
    const failures = await hook("failures", ["import.failed"]);
    const res = await upload("hello\nthis is no scan\n", "notes.csv");
    expect(res.status).toBeGreaterThanOrEqual(400);
    const got = await sent({ failures: failures.secret });
    expect(got.failures).toHaveLength(1);
    expect(got.failures[0].body).toMatchObject({ type: "import.failed", data: { organization: null, fileName: "notes.csv", uploadedBy: "events test", origin: "api" } });
  });

  it("a campaign added: one event per organization with servers unpatched against it", async () => {
    const campaigns = await hook("campaigns", ["campaign.unpatched"]);
    const quayOnly = await hook("quay", ["campaign.unpatched"], ["quay"]);
    await addCampaign(TEST_ACCESS, { ...proxylogonFile, id: "webhook-test", name: "Webhook Test", disclosed: "2021-03-02" });
    const got = await sent({ campaigns: campaigns.secret, quay: quayOnly.secret });
    // Only Harbor's H-REGRESSED is on an old build; Quay's server is patched (and compromised): nothing for Quay.
    expect(got.campaigns.map((e) => e.body.data)).toEqual([
      { organization: expect.objectContaining({ slug: "harbor" }), campaign: { id: "webhook-test", name: "Webhook Test" }, servers: expect.any(Number), unpatched: 1, compromised: 1 },
    ]);
    expect(got.quay).toBeUndefined();
  });

  it("a server past its organization's patch target: enqueuePastTarget, in the caller's transaction", async () => {
    const target = await hook("target", ["server.past_target"], ["harbor"], "teams");
    const harbor = await db.organization.findUniqueOrThrow({ where: { slug: "harbor" } });
    const quay = await db.organization.findUniqueOrThrow({ where: { slug: "quay" } });
    const server = await db.server.findFirstOrThrow({ where: { hostname: "H-REGRESSED" } });
    const queued = await withWriteTransaction(async (s) => {
      const a = await enqueuePastTarget(s, { organizationId: harbor.id, serverId: server.id, hostname: server.hostname, campaign: "proxylogon", exposedSince: new Date("2023-06-02T10:00:00Z"), targetDays: 14 });
      const b = await enqueuePastTarget(s, { organizationId: quay.id, serverId: 999, hostname: "Q-1", campaign: "proxylogon", exposedSince: "2023-06-02T10:00:00Z", targetDays: 14 });
      return a + b;
    });
    expect(queued).toBe(1);
    const got = await sent({ target: target.secret });
    expect(got.target).toHaveLength(1);
    const card = got.target[0].body.attachments[0].content;
    expect(card.body[0].text).toBe("H\\-REGRESSED is past Harbor's patch target");
    expect(got.target[0].event).toBe("server.past_target");
  });
});
