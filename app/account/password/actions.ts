"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { AccountFormState } from "@/components/auth/form-state";
import { changePassword } from "@/lib/data/accounts/sign-in";
import { AppError } from "@/lib/errors";
import { passwordChangeSchema } from "@/lib/zod/users";
import { getAccess } from "@/app/_lib/access";

/** Changes the signed-in user's password and ends their other sessions. */
export async function changePasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const access = await getAccess();
  if (!access) return { status: "error", message: "Your session has ended: sign in again." };
  const parsed = passwordChangeSchema.safeParse({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword"), confirm: form.get("confirm") });
  if (!parsed.success) return { status: "error", message: "Please correct the fields below.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await changePassword(access, await headers(), parsed.data.currentPassword, parsed.data.newPassword);
  } catch (err) {
    if (err instanceof AppError) return { status: "error", message: err.message, fieldErrors: err.code === "wrong_password" ? { currentPassword: [err.message] } : undefined };
    throw err;
  }
  return { status: "success", message: "Password changed. Your other sessions have been signed out." };
}
