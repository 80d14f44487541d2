"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AccountFormState } from "@/components/auth/form-state";
import { clientIp } from "@/lib/api/client-ip";
import { createFirstOwner } from "@/lib/data/accounts/users";
import { AppError } from "@/lib/errors";

/** The one-time setup: creates the owner, then sends them to sign in. */
export async function createOwnerAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  try {
    await createFirstOwner({ name: form.get("name"), email: form.get("email"), password: form.get("password") }, clientIp(await headers()));
  } catch (err) {
    if (err instanceof z.ZodError) return { status: "error", message: "Please correct the fields below.", fieldErrors: z.flattenError(err).fieldErrors };
    if (err instanceof AppError) return { status: "error", message: err.message };
    throw err;
  }
  redirect("/sign-in?setup=done");
}
