import { z } from "zod";

// The app-wide settings an admin can change, with their defaults; the page and the data layer share this.
export const appSettings = z.object({
  /** a server whose last scan is older than this many days is marked stale */
  staleAfterDays: z.coerce.number().int().min(1, "at least 1 day").max(365, "at most 365 days").default(7),
  /** webhooks may point at loopback, private and link-local addresses and at Patchboard itself (never at a cloud metadata service) */
  allowPrivateWebhookTargets: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()).default(false),
});
export type AppSettings = z.infer<typeof appSettings>;
export const DEFAULT_SETTINGS: AppSettings = appSettings.parse({});

// An organization's own settings.
export const patchTargetSchema = z.object({
  /** days after a campaign's disclosure (or a server's first scan) its servers should be patched */
  patchTargetDays: z.coerce.number().int("whole days").min(1, "at least 1 day").max(365, "at most 365 days"),
});
