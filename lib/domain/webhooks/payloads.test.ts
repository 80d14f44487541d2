import { describe, expect, it } from "vitest";
import type { WebhookEvent } from "./events";
import { buildPayload, describeEvent } from "./payloads";

const org = { id: 3, slug: "acme", name: "Acme <Corp>" };
const compromised: WebhookEvent = {
  id: "evt-1",
  type: "server.compromised",
  occurredAt: "2026-12-02T10:00:00.000Z",
  organizationId: 3,
  data: { organization: org, import: { id: 42, fileName: "scan.csv" }, servers: [{ id: 7, hostname: "EX01 <!channel>", statusBefore: "patched", statusAfter: "compromised" }], total: 1 },
};

describe("webhook payloads", () => {
  it("JSON: the event as it is, with a link only when the public URL is set", () => {
    const body = JSON.parse(buildPayload("json", compromised, { baseUrl: null }));
    expect(body).toEqual({ id: "evt-1", type: "server.compromised", occurredAt: compromised.occurredAt, data: compromised.data });
    expect(JSON.parse(buildPayload("json", compromised, { baseUrl: "https://pb.example.com/" })).url).toBe("https://pb.example.com/imports/42");
  });

  it("Slack: text and blocks, with user text escaped so it cannot mention or link", () => {
    const body = JSON.parse(buildPayload("slack", compromised, { baseUrl: "https://pb.example.com" }));
    expect(body.text).toBe("New compromise: 1 server in Acme <Corp>");
    const section = body.blocks[0].text.text as string;
    expect(section).toContain("EX01 &lt;!channel&gt;");
    expect(section).not.toContain("<!channel>");
    expect(body.blocks[1].elements[0].text).toContain("<https://pb.example.com/imports/42|Open in Patchboard>");
  });

  it("Teams: an Adaptive Card message with an Open action", () => {
    const body = JSON.parse(buildPayload("teams", compromised, { baseUrl: "https://pb.example.com" }));
    expect(body.type).toBe("message");
    const card = body.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.type).toBe("AdaptiveCard");
    expect(card.content.actions[0]).toEqual({ type: "Action.OpenUrl", title: "Open in Patchboard", url: "https://pb.example.com/imports/42" });
    expect(JSON.parse(buildPayload("teams", compromised, { baseUrl: null })).attachments[0].content.actions).toBeUndefined();
  });

  it("tells every event in words", () => {
    const many = { ...compromised, data: { ...compromised.data, servers: Array.from({ length: 12 }, (_, i) => ({ id: i, hostname: `H${i}`, statusBefore: null, statusAfter: "compromised" })), total: 130 } };
    expect(describeEvent(many).lines).toContain("and 120 more servers");
    expect(describeEvent({ id: "e", type: "campaign.unpatched", occurredAt: "", organizationId: 3, data: { organization: org, campaign: { id: "new", name: "NewHole" }, servers: 10, unpatched: 4, compromised: 1 } }).title).toBe("NewHole: 4 servers unpatched in Acme <Corp>");
    expect(describeEvent({ id: "e", type: "server.past_target", occurredAt: "", organizationId: 3, data: { organization: org, server: { id: 9, hostname: "EX9" }, campaign: "proxylogon", exposedSince: "2026-11-01T00:00:00Z", targetDays: 14 } }).path).toBe("/servers/9");
    expect(describeEvent({ id: "e", type: "import.failed", occurredAt: "", organizationId: null, data: { organization: null, fileName: "x.csv", error: { code: "bad", message: "Bad file." }, uploadedBy: "a@b.c", origin: "api" } }).title).toBe("Import failed: x.csv");
  });
});
