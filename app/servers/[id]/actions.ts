"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_lib/form-action";
import type { RemediationFormState } from "@/components/servers/remediation-form-state";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/components/admin/form-state";
import { text } from "@/app/admin/_lib/form-result";
import { recordHunt } from "@/lib/data/fleet/hunts";
import { huntInputSchema } from "@/lib/zod/hunts";
import { markServer } from "@/lib/data/fleet/lifecycle";
import { lifecycleInputSchema, type LifecycleAction } from "@/lib/zod/lifecycle";

const remediationInput = z.object({
  serverId: z.coerce.number().int().positive(),
  note: z
    .string()
    .trim()
    .min(3, "Describe what was done (at least 3 characters).")
    .max(2000, "Keep the note under 2000 characters."),
});

const noteOf = (data: FormData) => (typeof data.get("note") === "string" ? (data.get("note") as string) : "");

const MESSAGES: Record<string, string> = {
  not_found: "This server no longer exists.",
  forbidden: "Client viewers can look but not record remediations.",
  not_compromised: "This server is not marked compromised any more; the page has been refreshed.",
};

/** Records that a compromised server was cleaned up; the record is kept for good. */
export const markRemediated = formAction<RemediationFormState>(
  async (access, data) => {
    const note = noteOf(data);
    const parsed = remediationInput.safeParse({ serverId: data.get("serverId"), note });
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors;
      return { status: "error", message: fieldErrors.serverId ? "This server id is not valid." : "Please correct the note.", fieldErrors: { note: fieldErrors.note }, note };
    }
    try {
      await recordRemediation(access, { serverId: parsed.data.serverId, note: parsed.data.note });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      revalidatePath(`/servers/${parsed.data.serverId}`);
      return { status: "error", message: MESSAGES[err.code] ?? err.message, note };
    }
    return { status: "success", message: "Remediation recorded. The server's status has been recomputed from its scans." };
  },
  // The note stays in the form whatever the answer; every page counts the server.
  { keep: (data) => ({ note: noteOf(data) }), revalidate: [["/", "layout"]] },
);

/** Records a hunt done with another tool; the server's hunt state is re-derived with it. */
export const recordHuntAction = formAction<FormState>(
  async (access, data) => {
    const serverId = Number(text(data, "serverId"));
    if (!Number.isSafeInteger(serverId) || serverId < 1) return { status: "error", message: "This server id is not valid." };
    const input = huntInputSchema.parse({ fromDay: text(data, "fromDay"), toDay: text(data, "toDay"), tool: text(data, "tool"), result: text(data, "result"), note: text(data, "note") });
    await recordHunt(access, serverId, input);
    return { status: "success", message: `Hunt recorded: ${input.fromDay} to ${input.toDay} with ${input.tool}. The server's hunt state has been recomputed.` };
  },
  { revalidate: [["/", "layout"]] },
);

/** Marks the server disconnected, decommissioned, or undoes it; every count is re-derived. */
export const markServerAction = formAction<FormState>(
  async (access, data) => {
    const serverId = Number(text(data, "serverId"));
    if (!Number.isSafeInteger(serverId) || serverId < 1) return { status: "error", message: "This server id is not valid." };
    const input = lifecycleInputSchema.parse({ action: text(data, "action"), note: text(data, "note") });
    await markServer(access, serverId, input);
    return { status: "success", message: LIFECYCLE_DONE[input.action] };
  },
  { revalidate: [["/", "layout"]] },
);

const LIFECYCLE_DONE: Record<LifecycleAction, string> = {
  disconnect: "Marked disconnected: it counts as mitigated for every emergency until reconnected or patched.",
  reconnect: "Marked reconnected: it is judged by its scans again.",
  decommission: "Marked decommissioned: it leaves the counts, tables and charts from today; its history is kept.",
  recommission: "Back in service: it counts again.",
};
