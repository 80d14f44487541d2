// Issue 11 item 5: a server past its organization's patch target is reported once, by the sweep the dispatcher runs,
// when its exposure crosses the target (not for exposures that crossed long ago), and only to its subscribers.
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { importScanFile } from "@/lib/data/imports/imports";
import { updateAppSettings } from "@/lib/data/settings/app-settings";
import { dispatchDue } from "@/lib/data/webhooks/dispatcher";
import { sweepPastTarget } from "@/lib/data/webhooks/past-target";
import { createWebhook } from "@/lib/data/webhooks/webhooks";
import { verifySignature } from "@/lib/domain/webhooks/signature";
import { TEST_ACCESS } from "../access";
import { resetDatabase } from "../reset-database";
import { startReceiver, type Receiver } from "../support/webhook-receiver";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
// Unpatched against every built-in campaign: exposed from its first scan (all campaigns were disclosed long ago).
const CSV = `organization,hostname,exchange_build,scanned_at
Harbor,LATE,15.2.792.3,${daysAgo(16)}
Harbor,ON-TIME,15.2.792.3,${daysAgo(5)}
Harbor,ANCIENT,15.2.792.3,${daysAgo(400)}
`;
let receiver: Receiver;
let secret: string;

beforeAll(async () => {
  await resetDatabase();
  receiver = await startReceiver();
  await updateAppSettings(TEST_ACCESS, { allowPrivateWebhookTargets: true });
  await importScanFile({ access: TEST_ACCESS, body: Readable.from([Buffer.from(CSV)]), fileName: "t.csv", origin: "api", maxBytes: 1e6 });
  secret = (await createWebhook(TEST_ACCESS, { name: "late", url: receiver.url, events: ["server.past_target"], organizations: [], payload: "json" })).secret;
});

afterAll(async () => {
  await receiver?.close();
});

describe("server past its patch target", () => {
  it("reports each campaign's exposure that crossed the 14-day target in the last week, once, signed", async () => {
    const campaigns = await db.serverCampaign.count({ where: { server: { hostname: "LATE" }, campaign: { not: "all" }, patchDays: null, exposureFrom: { not: null } } });
    expect(campaigns).toBeGreaterThan(0);
    expect(await sweepPastTarget()).toBe(campaigns);
    expect(await sweepPastTarget()).toBe(0);
    while ((await dispatchDue()) > 0);
    expect(receiver.received).toHaveLength(campaigns);
    for (const r of receiver.received) {
      expect(verifySignature(String(r.headers["patchboard-signature"]), secret, r.body, new Date())).toBe(true);
      const body = JSON.parse(r.body);
      expect(body.type).toBe("server.past_target");
      expect(body.data).toMatchObject({ server: { hostname: "LATE" }, targetDays: 14 });
    }
    expect(new Set(receiver.received.map((r) => JSON.parse(r.body).data.campaign)).has("ProxyLogon")).toBe(true);
  });

  it("follows the organization's own target", async () => {
    await db.organization.update({ where: { slug: "harbor" }, data: { patchTargetDays: 3 } });
    // ON-TIME (5 days) is now past a 3-day target; LATE crossed 13 days ago, outside the week: not news.
    receiver.received.length = 0;
    expect(await sweepPastTarget()).toBeGreaterThan(0);
    while ((await dispatchDue()) > 0);
    expect(new Set(receiver.received.map((r) => JSON.parse(r.body).data.server.hostname))).toEqual(new Set(["ON-TIME"]));
  });
});
