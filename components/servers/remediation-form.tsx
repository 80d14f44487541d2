"use client";

import { useActionState, useEffect, useRef } from "react";
import { initialRemediationState, type RemediationFormState } from "./remediation-form-state";

/**
 * "Mark remediated" for a compromised server, in its verdict box: a required note (3-2000 characters),
 * validated on the server; the answer is announced in a live region, and stays after the form goes.
 */
export function RemediationForm({
  serverId,
  compromised,
  action,
}: {
  serverId: number;
  compromised: boolean;
  /** the server action (app/servers/[id]/actions.ts) */
  action: (previous: RemediationFormState, formData: FormData) => Promise<RemediationFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, initialRemediationState);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const noteError = state.fieldErrors?.note?.[0];

  useEffect(() => {
    if (state.status === "error" && noteError) noteRef.current?.focus();
  }, [state, noteError]);

  return (
    <div>
      <div role="status" aria-live="polite">
        {state.status === "success" ? (
          <p className="my-2 rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-500/40 dark:bg-green-950/50 dark:text-green-200">
            {state.message}
          </p>
        ) : null}
      </div>
      <div role="alert">
        {state.status === "error" && state.message && !noteError ? (
          <p className="my-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/50 dark:text-red-200">
            {state.message}
          </p>
        ) : null}
      </div>
      {compromised ? (
        <form action={formAction} noValidate aria-labelledby="remediation-heading" className="space-y-2">
          <h3 id="remediation-heading" className="text-sm font-semibold">
            Cleaned up? Record the remediation
          </h3>
          <input type="hidden" name="serverId" value={serverId} />
          <div>
            <label htmlFor="remediation-note" className="block text-sm font-medium">
              What was done <span className="text-red-800 dark:text-red-300">(required)</span>
            </label>
            <p id="remediation-note-hint" className="mt-0.5 text-xs">
              For example: web shell removed, server rebuilt, credentials reset. 3 to 2000 characters; the note is kept for good, and the
              compromise stays on record until then.
            </p>
            <textarea
              ref={noteRef}
              id="remediation-note"
              name="note"
              rows={3}
              maxLength={2000}
              aria-required="true"
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? "remediation-note-hint remediation-note-error" : "remediation-note-hint"}
              defaultValue={state.status === "error" ? state.note : ""}
              key={state.status === "error" ? `error-${state.note}` : "fresh"}
              className={`mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-sm text-gray-900 shadow-sm dark:bg-gray-950 dark:text-gray-100 ${
                noteError ? "border-red-600 dark:border-red-400" : "border-gray-300 dark:border-gray-700"
              }`}
            />
            {noteError ? (
              <p id="remediation-note-error" className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
                {noteError}
              </p>
            ) : null}
          </div>
          <button
            type="submit"
            disabled={pending}
            className="inline-flex items-center gap-2 rounded-lg bg-red-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-red-800 disabled:cursor-wait disabled:opacity-70 dark:bg-red-500 dark:text-gray-950 dark:hover:bg-red-400"
          >
            {pending ? "Recording…" : "Mark remediated"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
