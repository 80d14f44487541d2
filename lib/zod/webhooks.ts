import { z } from "zod";
import { PAYLOAD_KINDS, WEBHOOK_EVENT_TYPES } from "../domain/webhooks/events";

// Shared by the webhooks page's form, the API and the data layer.
export const newWebhookSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter a name." }).max(100, { error: "Use at most 100 characters." }),
  url: z.string().trim().min(1, { error: "Enter the URL that receives the events." }).max(2000, { error: "Use at most 2000 characters." }),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Choose events from the list." }))
    .min(1, { error: "Choose at least one event." })
    .max(20)
    .transform((events) => [...new Set(events)]),
  /** organization slugs; none: every organization */
  organizations: z.array(z.string().trim().min(1).max(200)).max(1000).default([]).transform((slugs) => [...new Set(slugs)]),
  payload: z.enum(PAYLOAD_KINDS, { error: "Choose JSON, Slack or Teams." }).default("json"),
});
export type NewWebhookInput = z.input<typeof newWebhookSchema>;

export const deliveriesQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  webhook: z.coerce.number().int().positive().optional().catch(undefined),
});
