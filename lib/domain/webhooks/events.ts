// The events a webhook can subscribe to, and what each carries. Pure: the data layer fills them in, payloads.ts
// turns them into the bytes sent.
import type { DigestWeek, WeeklyDigest } from "../digest";
import type { Status } from "../statuses";

export const WEBHOOK_EVENT_TYPES = ["server.compromised", "server.rolled_back", "campaign.unpatched", "server.past_target", "import.failed", "organization.weekly_digest"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/** Sent only by "Send test event", to one webhook: nothing subscribes to it. */
export const TEST_EVENT = "webhook.test";
export type AnyEventType = WebhookEventType | typeof TEST_EVENT;

export const isWebhookEventType = (value: unknown): value is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly unknown[]).includes(value);

export const EVENT_LABELS: Record<WebhookEventType, { label: string; hint: string }> = {
  "server.compromised": { label: "New compromise", hint: "An import found indicators of compromise on a server that was not compromised before." },
  "server.rolled_back": { label: "Patch rolled back", hint: "A server that was patched against every campaign is unpatched after an import (e.g. an update was rolled back)." },
  "campaign.unpatched": { label: "Campaign leaves servers unpatched", hint: "An admin added a campaign, and some servers are not patched against it." },
  "server.past_target": { label: "Past the patch target", hint: "A server has been exposed longer than its organization's patch target." },
  "import.failed": { label: "Import failed", hint: "An upload was refused or its import failed: nothing of that file was stored." },
  "organization.weekly_digest": {
    label: "Weekly digest",
    hint: "Each Monday, per organization: what changed last week (newly patched, newly exposed, new findings, hunts done), quiet weeks included.",
  },
};

export const PAYLOAD_KINDS = ["json", "slack", "teams"] as const;
export type PayloadKind = (typeof PAYLOAD_KINDS)[number];
export const isPayloadKind = (value: unknown): value is PayloadKind => (PAYLOAD_KINDS as readonly unknown[]).includes(value);
export const PAYLOAD_LABELS: Record<PayloadKind, string> = { json: "JSON", slack: "Slack message", teams: "Microsoft Teams message" };

export interface OrganizationRef {
  id: number;
  slug: string;
  name: string;
}

export interface ServerChange {
  id: number;
  hostname: string;
  /** null: the import created the server */
  statusBefore: string | null;
  statusAfter: string;
}

/** At most this many servers are listed in one event; `total` says how many there were. */
export const MAX_LISTED_SERVERS = 100;

/** A server's change of status over a digest's week (null: not counted before, or no longer counted). */
export interface DigestServerChange {
  id: number;
  hostname: string;
  before: Status | null;
  after: Status | null;
  day: string;
}

export interface WeeklyDigestData {
  organization: OrganizationRef;
  week: DigestWeek;
  campaign: { id: string; name: string };
  counts: WeeklyDigest["counts"];
  patched: { servers: DigestServerChange[]; total: number };
  exposed: { servers: DigestServerChange[]; total: number };
  other: { servers: DigestServerChange[]; total: number };
  findings: { servers: { id: number; hostname: string; indicators: number; suspiciousFiles: number }[]; total: number; findings: number };
  hunts: { servers: { id: number; hostname: string; tool: string; result: "clean" | "found"; at: string }[]; total: number };
}

export interface EventData {
  "server.compromised": { organization: OrganizationRef; import: { id: number; fileName: string | null }; servers: ServerChange[]; total: number };
  "server.rolled_back": { organization: OrganizationRef; import: { id: number; fileName: string | null }; servers: ServerChange[]; total: number };
  "campaign.unpatched": { organization: OrganizationRef; campaign: { id: string; name: string }; servers: number; unpatched: number; compromised: number };
  "server.past_target": { organization: OrganizationRef; server: { id: number; hostname: string }; campaign: string; exposedSince: string; targetDays: number };
  "import.failed": { organization: OrganizationRef | null; fileName: string | null; error: { code: string; message: string }; uploadedBy: string; origin: string };
  "organization.weekly_digest": WeeklyDigestData;
  "webhook.test": { webhook: { id: number; name: string }; message: string };
}

/** One event, as every payload kind starts from it. */
export type WebhookEvent = {
  [T in AnyEventType]: { id: string; type: T; occurredAt: string; organizationId: number | null; data: EventData[T] };
}[AnyEventType];

/** Whether a webhook with these subscriptions receives an event of this type and organization. */
export function webhookMatches(hook: { events: readonly string[]; organizations: readonly number[] }, type: string, organizationId: number | null): boolean {
  if (!hook.events.includes(type)) return false;
  // A webhook limited to organizations gets only their events; one about no organization in particular goes to
  // the webhooks for every organization.
  if (hook.organizations.length === 0) return true;
  return organizationId !== null && hook.organizations.includes(organizationId);
}
