"use server";

import { revalidatePath } from "next/cache";
import { getAccess } from "@/app/_lib/access";
import type { FormState, TokenFormState } from "@/components/admin/form-state";
import { createTokenAs, revokeToken } from "@/lib/data/accounts/tokens";
import { TOKEN_ROLES } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { CHECK_FIELDS, failure, SESSION_ENDED, text, texts } from "../_lib/form-result";

const PAGE = "/admin/tokens";

/** The token travels back to the browser this once, in the action's answer; only its hash is stored. */
export async function createTokenAction(_previous: TokenFormState, data: FormData): Promise<TokenFormState> {
  const access = await getAccess();
  if (!access) return SESSION_ENDED;
  const name = text(data, "name");
  const expiresOn = text(data, "expiresOn");
  const role = TOKEN_ROLES.find((r) => r === text(data, "role"));
  if (!role) return { status: "error", message: CHECK_FIELDS, fieldErrors: { role: ["Choose a role."] } };
  let created;
  try {
    created = await createTokenAs(access, {
      name,
      role,
      organizations: [...new Set(texts(data, "organizations"))],
      expiresOn: expiresOn || undefined,
    });
  } catch (err) {
    // A date in the past is the expiry field's problem, so it is shown there.
    if (err instanceof AppError && err.code === "expired") return { status: "error", message: CHECK_FIELDS, fieldErrors: { expiresOn: [err.message] } };
    return failure(err);
  }
  revalidatePath(PAGE);
  return { status: "success", message: "Token created.", token: created.token, tokenName: name.trim() };
}

export async function revokeTokenAction(_previous: FormState, data: FormData): Promise<FormState> {
  const access = await getAccess();
  if (!access) return SESSION_ENDED;
  const id = Number(text(data, "tokenId"));
  if (!Number.isSafeInteger(id) || id <= 0) return { status: "error", message: "This token id is not valid." };
  try {
    await revokeToken(access, id);
  } catch (err) {
    return failure(err);
  }
  revalidatePath(PAGE);
  return { status: "success", message: "Token revoked: it no longer works." };
}
