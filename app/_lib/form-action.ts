import "server-only";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/admin/form-state";
import type { Access } from "@/lib/domain/access";
import { failure, SESSION_ENDED } from "@/app/admin/_lib/form-result";
import { getAccess } from "./access";

/**
 * The one wrapper for server actions behind a form, as apiRoute is for routes: the caller's access (or "session
 * ended"), the data layer's errors mapped to the form's answer (zod issues to the fields, AppError to the message;
 * anything else is a bug and is thrown), and the pages to refresh after a success.
 */
export function formAction<S extends FormState>(
  handler: (access: Access, data: FormData, previous: S) => Promise<S>,
  options: { revalidate?: string[] } = {},
): (previous: S, data: FormData) => Promise<S> {
  return async (previous, data) => {
    const access = await getAccess();
    if (!access) return SESSION_ENDED as S;
    let result: S;
    try {
      result = await handler(access, data, previous);
    } catch (err) {
      return failure(err) as S;
    }
    if (result.status === "success") for (const path of options.revalidate ?? []) revalidatePath(path);
    return result;
  };
}
