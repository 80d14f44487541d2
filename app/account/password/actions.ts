"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { formAction } from "@/app/_lib/form-action";
import type { AccountFormState } from "@/components/auth/form-state";
import { changePassword } from "@/lib/data/accounts/sign-in";
import { AppError } from "@/lib/errors";
import { passwordChangeSchema } from "@/lib/zod/users";

/** Changes the signed-in user's password and ends their other sessions. */
export const changePasswordAction = formAction<AccountFormState>(async (access, form) => {
  const parsed = passwordChangeSchema.safeParse({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword"), confirm: form.get("confirm") });
  if (!parsed.success) return { status: "error", message: "Please correct the fields below.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await changePassword(access, await headers(), parsed.data.currentPassword, parsed.data.newPassword);
  } catch (err) {
    if (err instanceof AppError && err.code === "wrong_password") return { status: "error", message: err.message, fieldErrors: { currentPassword: [err.message] } };
    throw err;
  }
  return { status: "success", message: "Password changed. Your other sessions have been signed out." };
});
