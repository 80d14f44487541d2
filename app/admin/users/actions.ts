"use server";

import { z } from "zod";
import { formAction } from "@/app/_lib/form-action";
import type { FormState } from "@/components/admin/form-state";
import { ROLE_LABELS } from "@/lib/domain/access";
import { createUser, setUserActive, updateUser } from "@/lib/data/accounts/users";
import { newUserSchema, userUpdateSchema } from "@/lib/zod/users";
import { accessInput } from "../_lib/access-input";
import { CHECK_FIELDS, text } from "../_lib/form-result";

const PAGE = "/admin/users";

/** The form's own checks and the shared schema's, together, so every field shows its problem at once. */
function invalid(schemaErrors: z.ZodError | undefined, own: Record<string, string[]>): FormState | null {
  const fieldErrors = { ...(schemaErrors ? z.flattenError(schemaErrors).fieldErrors : {}), ...own };
  return Object.keys(fieldErrors).length ? { status: "error", message: CHECK_FIELDS, fieldErrors } : null;
}

export const createUserAction = formAction<FormState>(
  async (access, data) => {
    const { errors, ...chosen } = accessInput(data);
    const input = { name: text(data, "name"), email: text(data, "email"), password: text(data, "password"), ...chosen };
    const checked = newUserSchema.safeParse(input);
    const problem = invalid(checked.success ? undefined : checked.error, errors);
    if (problem || !chosen.role) return problem ?? { status: "error", message: "Choose a role." };
    const created = await createUser(access, { ...input, role: chosen.role });
    return {
      status: "success",
      message: `${created.name} (${created.email}) can now sign in as ${ROLE_LABELS[created.role]}. Give them their email and initial password yourself: Patchboard sends no email.`,
    };
  },
  { revalidate: [PAGE] },
);

export const updateUserAction = formAction<FormState>(
  async (access, data) => {
    const { errors, ...chosen } = accessInput(data);
    const checked = userUpdateSchema.safeParse(chosen);
    const problem = invalid(checked.success ? undefined : checked.error, errors);
    if (problem || !chosen.role) return problem ?? { status: "error", message: "Choose a role." };
    const updated = await updateUser(access, text(data, "userId"), { ...chosen, role: chosen.role });
    return { status: "success", message: `Saved the access of ${updated.email}: ${ROLE_LABELS[updated.role]}.` };
  },
  { revalidate: [PAGE] },
);

/** Deactivating ends the user's sessions at once (the data layer deletes them). */
export const setUserActiveAction = formAction<FormState>(
  async (access, data) => {
    const active = text(data, "active") === "true";
    // Only for the message: the id decides whom the change is for.
    const who = text(data, "email") || "The user";
    await setUserActive(access, text(data, "userId"), active);
    return {
      status: "success",
      message: active ? `${who} is active again and can sign in.` : `${who} is deactivated: they can no longer sign in, and their sessions have ended.`,
    };
  },
  { revalidate: [PAGE] },
);
