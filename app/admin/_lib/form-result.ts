import "server-only";
import { z } from "zod";
import type { FormState } from "@/components/admin/form-state";
import { AppError } from "@/lib/errors";

export const SESSION_ENDED: FormState = { status: "error", message: "Your session has ended. Sign in again." };

export const CHECK_FIELDS = "Check the fields marked below.";

/** A failed data-layer call as the form's answer: its message, or the invalid fields. Anything else is a bug. */
export function failure(err: unknown): FormState {
  if (err instanceof z.ZodError) return { status: "error", message: CHECK_FIELDS, fieldErrors: z.flattenError(err).fieldErrors };
  if (err instanceof AppError) return { status: "error", message: err.message };
  throw err;
}

/** A text field of a submitted form ("" when missing). */
export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}

/** Every value of a repeated field, such as the organization checkboxes. */
export function texts(data: FormData, name: string): string[] {
  return data.getAll(name).filter((v): v is string => typeof v === "string");
}
