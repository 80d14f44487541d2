import "server-only";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/admin/form-state";
import type { Access } from "@/lib/domain/access";
import { failure, SESSION_ENDED } from "@/app/admin/_lib/form-result";
import { getAccess } from "./access";

type Revalidate = string | [path: string, type: "layout" | "page"];

/**
 * The one wrapper for server actions that act as the signed-in user, as apiRoute is for routes: the caller's
 * access (or "session ended"), the data layer's errors mapped to the form's answer (zod issues to the fields,
 * AppError to the message; anything else is a bug and is thrown, as is Next's redirect), and the pages to refresh
 * after a success. `keep` puts back what the person typed when the wrapper answers for the handler.
 */
export function formAction<S extends FormState>(
  handler: (access: Access, data: FormData, previous: S) => Promise<S>,
  options: { revalidate?: Revalidate[]; keep?: (data: FormData) => Partial<S> } = {},
): (previous: S, data: FormData) => Promise<S> {
  return async (previous, data) => {
    const kept = options.keep?.(data) ?? {};
    const access = await getAccess();
    if (!access) return { ...SESSION_ENDED, ...kept } as S;
    let result: S;
    try {
      result = await handler(access, data, previous);
    } catch (err) {
      return { ...failure(err), ...kept } as S;
    }
    if (result.status === "success") {
      for (const entry of options.revalidate ?? []) {
        if (typeof entry === "string") revalidatePath(entry);
        else revalidatePath(...entry);
      }
    }
    return result;
  };
}
