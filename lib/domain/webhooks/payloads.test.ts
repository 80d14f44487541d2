import { describe, expect, it } from "vitest";
import type { WebhookEvent, WeeklyDigestData } from "./events";
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

  describe("the weekly digest", () => {
    const counts = (patched: number, servers: number) => ({ patched, unpatched: servers - patched, mitigated: 0, compromised: 0, unknown: 0, servers });
    const change = (hostname: string) => ({ id: 1, hostname, before: "unpatched" as const, after: "patched" as const, day: "2026-12-01" });
    const quiet: WeeklyDigestData = {
      organization: { id: 3, slug: "harbor & co", name: "Harbor" },
      week: { from: "2026-11-30", until: "2026-12-06" },
      campaign: { id: "all", name: "All known-exploited" },
      counts: { before: counts(2, 5), after: counts(2, 5) },
      patched: { servers: [], total: 0 },
      exposed: { servers: [], total: 0 },
      other: { servers: [], total: 0 },
      findings: { servers: [], total: 0, findings: 0 },
      hunts: { servers: [], total: 0 },
    };
    const digest = (data: WeeklyDigestData): WebhookEvent => ({ id: "e", type: "organization.weekly_digest", occurredAt: "2026-12-07T08:00:00.000Z", organizationId: 3, data });

    it("tells a busy week: the servers newly patched and exposed by name, findings and hunts by count", () => {
      const busy: WeeklyDigestData = {
        ...quiet,
        counts: { before: counts(2, 5), after: counts(5, 6) },
        patched: { servers: ["A", "B", "C"].map(change), total: 3 },
        exposed: { servers: Array.from({ length: 12 }, (_, i) => change(`X${i}`)), total: 40 },
        findings: { servers: [{ id: 9, hostname: "EX9", indicators: 2, suspiciousFiles: 0 }], total: 1, findings: 2 },
        hunts: { servers: [{ id: 9, hostname: "EX9", tool: "Test-ProxyLogon", result: "found", at: "2026-12-02T10:00:00.000Z" }], total: 1 },
      };
      const message = describeEvent(digest(busy));
      expect(message.title).toBe("Weekly digest for Harbor, 30 Nov – 6 Dec 2026");
      expect(message.lines).toEqual([
        "Newly patched: 3 (A, B, C)",
        "Newly exposed: 40 (X0, X1, X2, X3, X4, X5, X6, X7, X8, X9 and 30 more)",
        "New findings on 1 server (2 findings)",
        "Hunts done: 1",
        "Patched now: 5 of 6 servers (2 of 5 before the week).",
      ]);
      expect(message.path).toBe("/organizations/harbor%20%26%20co/digest?until=2026-12-06");
      expect(message.color).toBe("B45309");
      const other = describeEvent(digest({ ...quiet, other: { servers: [change("GONE")], total: 1 } })).lines;
      expect(other).toContain("Other changes: 1 (GONE)");
      expect(other).toContain("Newly patched: 0");
    });

    it("says so when nothing changed, and is sent all the same", () => {
      const message = describeEvent(digest(quiet));
      expect(message.lines).toEqual(["Quiet week: nothing changed.", "Patched now: 2 of 5 servers (2 of 5 before the week)."]);
      expect(message.color).toBe("0F766E");
      const empty = { ...quiet, counts: { before: counts(0, 0), after: counts(0, 0) } };
      expect(describeEvent(digest(empty)).lines).toEqual(["Quiet week: nothing changed."]);
      const slack = JSON.parse(buildPayload("slack", digest(quiet), { baseUrl: "https://pb.example.com" }));
      expect(slack.text).toBe("Weekly digest for Harbor, 30 Nov – 6 Dec 2026");
      expect(slack.blocks[1].elements[0].text).toContain("<https://pb.example.com/organizations/harbor%20%26%20co/digest?until=2026-12-06|Open in Patchboard>");
      expect(JSON.parse(buildPayload("json", digest(quiet), { baseUrl: null })).data).toEqual(quiet);
    });
  });
});
