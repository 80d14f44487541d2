// Answers of the campaigns, webhooks and branding routes.
import { z } from "zod";
import { PAYLOAD_KINDS, WEBHOOK_EVENT_TYPES } from "../../domain/webhooks/events";
import type { CampaignView } from "../../views";
import type { Agree } from "./agree";
import { count, isoDay, isoTime } from "./common";

export const campaignView = z
  .object({
    id: z.string(),
    name: z.string(),
    alias: z.string().nullable(),
    summary: z.string(),
    cves: z.array(z.string()),
    fixes: z
      .array(z.object({ securityUpdate: z.string(), kb: z.string().nullable(), cves: z.array(z.string()), released: isoDay }))
      .describe("the security updates that fix its CVEs, with the day each came out"),
    disclosed: isoDay,
    exploitedFrom: isoDay,
    lookBackFrom: isoDay,
    mitigations: z.array(z.object({ id: z.string(), name: z.string(), bypassedFrom: isoDay.nullable(), bypassedBy: z.string().nullable() })),
    builtIn: z.boolean().describe("shipped as a file, not added by an admin"),
  })
  .describe("A campaign: a named Exchange emergency.");
export const campaignsAnswer = z.object({
  rollup: z.literal("all").describe("the id of the roll-up of every campaign, the default of every read route"),
  campaigns: z.array(campaignView).describe("oldest emergency first"),
});
export type CampaignsAnswer = z.infer<typeof campaignsAnswer>;
export const campaignAdded = z.object({ campaign: campaignView, servers: count.describe("servers judged against it") });
export type CampaignAdded = z.infer<typeof campaignAdded>;

export const webhook = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    organizations: z.array(z.object({ slug: z.string(), name: z.string() })).describe("empty: every organization"),
    payload: z.enum(PAYLOAD_KINDS),
    active: z.boolean(),
    createdBy: z.string(),
    createdAt: isoTime,
    pending: count.describe("deliveries waiting"),
    failed: count.describe("deliveries that failed for good"),
  })
  .describe("A webhook, without its signing secret.");
export const webhooksAnswer = z.object({ webhooks: z.array(webhook) });
export const webhookCreated = z.object({ id: z.number().int(), secret: z.string().describe("the signing secret, answered this once") });
export type WebhooksAnswer = z.infer<typeof webhooksAnswer>;
export type WebhookCreated = z.infer<typeof webhookCreated>;

export const logoSet = z.object({ logo: z.object({ contentType: z.enum(["image/png", "image/jpeg"]).describe("told from the bytes"), bytes: count }) });
export const logoRemoved = z.object({ logo: z.null() });
export type LogoSet = z.infer<typeof logoSet>;
export type LogoRemoved = z.infer<typeof logoRemoved>;

const _agree: [Agree<z.infer<typeof campaignView>, CampaignView>] = [true];
