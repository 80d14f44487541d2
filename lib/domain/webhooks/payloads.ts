// What a webhook receives: the event as plain JSON, or a message ready for Slack's or Microsoft Teams' incoming
// webhooks. Pure; links to the app are made only from the configured public URL (PATCHBOARD_URL), never from a
// request's Host header, and are left out without one.
import { digestEventIsQuiet, weekWords } from "./digest-event";
import { MAX_LISTED_SERVERS, type PayloadKind, type WebhookEvent, type WeeklyDigestData } from "./events";

export interface PayloadOptions {
  /** the app's public URL, e.g. "https://patchboard.example.com"; null: no links */
  baseUrl: string | null;
}

/** An event told for people: a title, a few lines, the page to open, and a color for the chat card. */
export interface EventMessage {
  title: string;
  lines: string[];
  path: string | null;
  color: string;
}

const CHAT_HOSTNAMES = 10;
const MAX_CHAT_TEXT = 2500;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function hostnames(servers: { hostname: string }[], total: number): string[] {
  const shown = servers.slice(0, CHAT_HOSTNAMES).map((s) => s.hostname);
  const more = total - shown.length;
  return more > 0 ? [...shown, `and ${plural(more, "more server")}`] : shown;
}

/** "3 (A, B, C)", "14 (A, B, … J and 4 more)", "0". */
function countWithHostnames(list: { servers: { hostname: string }[]; total: number }): string {
  if (list.total === 0) return "0";
  const shown = list.servers.slice(0, CHAT_HOSTNAMES).map((s) => s.hostname);
  const more = list.total - shown.length;
  return `${list.total} (${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""})`;
}

function digestLines(d: WeeklyDigestData): string[] {
  const { before, after } = d.counts;
  const patchedNow = before.servers + after.servers > 0 ? [`Patched now: ${after.patched} of ${plural(after.servers, "server")} (${before.patched} of ${before.servers} before the week).`] : [];
  if (digestEventIsQuiet(d)) return ["Quiet week: nothing changed.", ...patchedNow];
  return [
    `Newly patched: ${countWithHostnames(d.patched)}`,
    `Newly exposed: ${countWithHostnames(d.exposed)}`,
    ...(d.other.total > 0 ? [`Other changes: ${countWithHostnames(d.other)}`] : []),
    d.findings.total > 0 ? `New findings on ${plural(d.findings.total, "server")} (${plural(d.findings.findings, "finding")})` : "New findings: none",
    `Hunts done: ${d.hunts.total}`,
    ...patchedNow,
  ];
}

export function describeEvent(event: WebhookEvent): EventMessage {
  switch (event.type) {
    case "server.compromised": {
      const d = event.data;
      return {
        title: `New compromise: ${plural(d.total, "server")} in ${d.organization.name}`,
        lines: [...hostnames(d.servers, d.total), `Found by import #${d.import.id}${d.import.fileName ? ` (${d.import.fileName})` : ""}.`],
        path: `/imports/${d.import.id}`,
        color: "B91C1C",
      };
    }
    case "server.rolled_back": {
      const d = event.data;
      return {
        title: `Patch rolled back: ${plural(d.total, "server")} in ${d.organization.name} no longer patched`,
        lines: [...hostnames(d.servers, d.total), `Seen in import #${d.import.id}${d.import.fileName ? ` (${d.import.fileName})` : ""}.`],
        path: `/imports/${d.import.id}`,
        color: "C2410C",
      };
    }
    case "campaign.unpatched": {
      const d = event.data;
      const compromised = d.compromised > 0 ? `, ${plural(d.compromised, "server")} compromised` : "";
      return {
        title: `${d.campaign.name}: ${plural(d.unpatched, "server")} unpatched in ${d.organization.name}`,
        lines: [`Campaign ${d.campaign.name} (${d.campaign.id}) was added: ${d.unpatched} of ${plural(d.servers, "server")} are not patched against it${compromised}.`],
        path: `/organizations/${encodeURIComponent(d.organization.slug)}?campaign=${encodeURIComponent(d.campaign.id)}`,
        color: "B45309",
      };
    }
    case "server.past_target": {
      const d = event.data;
      return {
        title: `${d.server.hostname} is past ${d.organization.name}'s patch target`,
        lines: [`Exposed to ${d.campaign} since ${d.exposedSince.slice(0, 10)}, longer than the target of ${plural(d.targetDays, "day")}.`],
        path: `/servers/${d.server.id}`,
        color: "B45309",
      };
    }
    case "import.failed": {
      const d = event.data;
      return {
        title: `Import failed${d.fileName ? `: ${d.fileName}` : ""}${d.organization ? ` (${d.organization.name})` : ""}`,
        lines: [d.error.message, `Uploaded by ${d.uploadedBy} (${d.origin}). Nothing of this file was stored.`],
        path: "/imports",
        color: "4B5563",
      };
    }
    case "organization.weekly_digest": {
      const d = event.data;
      return {
        title: `Weekly digest for ${d.organization.name}, ${weekWords(d.week)}`,
        lines: digestLines(d),
        path: `/organizations/${encodeURIComponent(d.organization.slug)}/digest?until=${d.week.until}`,
        // Amber when the week opened something up, teal otherwise.
        color: d.exposed.total > 0 || d.findings.total > 0 ? "B45309" : "0F766E",
      };
    }
    case "webhook.test":
      return { title: `Test event for the webhook “${event.data.webhook.name}”`, lines: [event.data.message], path: null, color: "1D4ED8" };
  }
}

function linkOf(message: EventMessage, options: PayloadOptions): string | null {
  if (!options.baseUrl || !message.path) return null;
  return options.baseUrl.replace(/\/+$/, "") + message.path;
}

// Slack's mrkdwn gives &, < and > a meaning (links, mentions): user text is escaped.
const slackText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// Adaptive Cards read Markdown in text: user text is escaped so that a host name cannot make a link.
const teamsText = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, "\\$&");
const cap = (text: string) => (text.length > MAX_CHAT_TEXT ? `${text.slice(0, MAX_CHAT_TEXT - 1)}…` : text);

function slackMessage(event: WebhookEvent, message: EventMessage, link: string | null) {
  const text = cap(`*${slackText(message.title)}*\n${message.lines.map(slackText).join("\n")}`);
  return {
    text: message.title,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      { type: "context", elements: [{ type: "mrkdwn", text: `Patchboard · ${event.type} · ${event.occurredAt}${link ? ` · <${link}|Open in Patchboard>` : ""}` }] },
    ],
  };
}

function teamsMessage(event: WebhookEvent, message: EventMessage, link: string | null) {
  return {
    type: "message",
    summary: message.title,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: teamsText(message.title), weight: "Bolder", size: "Medium", wrap: true, color: event.type === "server.compromised" ? "Attention" : "Default" },
            { type: "TextBlock", text: cap(message.lines.map(teamsText).join("\n\n")), wrap: true },
            { type: "TextBlock", text: `Patchboard · ${event.type} · ${event.occurredAt}`, isSubtle: true, size: "Small", wrap: true },
          ],
          ...(link ? { actions: [{ type: "Action.OpenUrl", title: "Open in Patchboard", url: link }] } : {}),
        },
      },
    ],
  };
}

/** The exact body of a delivery: what is signed and sent. */
export function buildPayload(kind: PayloadKind, event: WebhookEvent, options: PayloadOptions): string {
  const message = describeEvent(event);
  const link = linkOf(message, options);
  if (kind === "slack") return JSON.stringify(slackMessage(event, message, link));
  if (kind === "teams") return JSON.stringify(teamsMessage(event, message, link));
  return JSON.stringify({ id: event.id, type: event.type, occurredAt: event.occurredAt, data: event.data, ...(link ? { url: link } : {}) });
}

/** At most MAX_LISTED_SERVERS servers, with the total. */
export function listed<T>(servers: T[]): { servers: T[]; total: number } {
  return { servers: servers.slice(0, MAX_LISTED_SERVERS), total: servers.length };
}
