"use server";

import { formAction } from "@/app/_lib/form-action";
import type { FormState, TokenFormState } from "@/components/admin/form-state";
import { createTokenAs, revokeToken } from "@/lib/data/accounts/tokens";
import { TOKEN_ROLES } from "@/lib/domain/access";
import { AppError } from "@/lib/errors";
import { CHECK_FIELDS, text, texts } from "../_lib/form-result";

const PAGE = "/admin/tokens";

/** The token travels back to the browser this once, in the action's answer; only its hash is stored. */
export const createTokenAction = formAction<TokenFormState>(
  async (access, data) => {
    const name = text(data, "name");
    const expiresOn = text(data, "expiresOn");
    const role = TOKEN_ROLES.find((r) => r === text(data, "role"));
    if (!role) return { status: "error", message: CHECK_FIELDS, fieldErrors: { role: ["Choose a role."] } };
    try {
      const created = await createTokenAs(access, { name, role, organizations: [...new Set(texts(data, "organizations"))], expiresOn: expiresOn || undefined });
      return { status: "success", message: "Token created.", token: created.token, tokenName: name.trim() };
    } catch (err) {
      // A date in the past is the expiry field's problem, so it is shown there.
      if (err instanceof AppError && err.code === "expired") return { status: "error", message: CHECK_FIELDS, fieldErrors: { expiresOn: [err.message] } };
      throw err;
    }
  },
  { revalidate: [PAGE] },
);

export const revokeTokenAction = formAction<FormState>(
  async (access, data) => {
    const id = Number(text(data, "tokenId"));
    if (!Number.isSafeInteger(id) || id <= 0) return { status: "error", message: "This token id is not valid." };
    await revokeToken(access, id);
    return { status: "success", message: "Token revoked: it no longer works." };
  },
  { revalidate: [PAGE] },
);
