"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordRemediation } from "@/lib/data/fleet/remediations";
import { getAccess } from "@/app/_lib/access";
import { AppError } from "@/lib/errors";
import type { RemediationFormState } from "@/components/servers/remediation-form-state";

const remediationInput = z.object({
  serverId: z.coerce.number().int().positive(),
  note: z
    .string()
    .trim()
    .min(3, "Describe what was done (at least 3 characters).")
    .max(2000, "Keep the note under 2000 characters."),
});

/** Records that a compromised server was cleaned up; the record is kept for good. */
export async function markRemediated(_previous: RemediationFormState, formData: FormData): Promise<RemediationFormState> {
  const note = typeof formData.get("note") === "string" ? (formData.get("note") as string) : "";
  const parsed = remediationInput.safeParse({ serverId: formData.get("serverId"), note });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: fieldErrors.serverId ? "This server id is not valid." : "Please correct the note.",
      fieldErrors: { note: fieldErrors.note },
      note,
    };
  }
  try {
    const access = await getAccess();
    if (!access) return { status: "error", message: "Your session has ended: sign in again.", note };
    await recordRemediation(access, { serverId: parsed.data.serverId, note: parsed.data.note });
  } catch (err) {
    if (err instanceof AppError) {
      const message =
        err.code === "not_found"
          ? "This server no longer exists."
          : err.code === "forbidden"
            ? "Client viewers can look but not record remediations."
          : err.code === "not_compromised"
            ? "This server is not marked compromised any more; the page has been refreshed."
            : err.message;
      revalidatePath(`/servers/${parsed.data.serverId}`);
      return { status: "error", message, note };
    }
    throw err;
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "Remediation recorded. The server's status has been recomputed from its scans." };
}
