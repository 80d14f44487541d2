"use client";

import { useActionState } from "react";
import { AuthField } from "./auth-field";
import { initialAccountFormState, type AccountFormState } from "./form-state";

export interface AccountFieldSpec {
  id: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
}

/** The setup and password forms: fields, a submit button, and the server action's answer in live regions. */
export function AccountForm({
  fields,
  submitLabel,
  action,
}: {
  fields: AccountFieldSpec[];
  submitLabel: string;
  action: (previous: AccountFormState, formData: FormData) => Promise<AccountFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, initialAccountFormState);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <div role="alert" className="empty:hidden">
        {state.status === "error" && state.message ? (
          <p className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/50 dark:text-red-200">{state.message}</p>
        ) : null}
      </div>
      <div role="status" className="empty:hidden">
        {state.status === "success" && state.message ? (
          <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-500/40 dark:bg-green-950/50 dark:text-green-200">
            {state.message}
          </p>
        ) : null}
      </div>
      {fields.map((f) => (
        <AuthField key={f.id} {...f} error={state.fieldErrors?.[f.id]?.[0]} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}
