// Marking a server disconnected or decommissioned, and undoing it: the same schema for the API and the server page.
import { z } from "zod";

export const LIFECYCLE_ACTIONS = ["disconnect", "reconnect", "decommission", "recommission"] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const lifecycleInputSchema = z.object({
  action: z.enum(LIFECYCLE_ACTIONS, { message: "One of disconnect, reconnect, decommission, recommission." }),
  note: z.string().trim().max(2000, "Keep the note under 2000 characters.").default(""),
});
export type LifecycleInput = z.output<typeof lifecycleInputSchema>;
