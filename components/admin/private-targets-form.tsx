"use client";

import { FormAlert } from "./form-alert";
import { IDLE, type FormState } from "./form-state";
import { HINT, PRIMARY_BUTTON } from "./styles";
import { useAdminForm } from "./use-admin-form";

/** The admin setting that lets webhooks reach this server's own networks (for receivers on the same host or LAN). */
export function PrivateTargetsForm({ action, allowed }: { action: (previous: FormState, data: FormData) => Promise<FormState>; allowed: boolean }) {
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm<FormState>(action, IDLE);
  return (
    <div>
      <FormAlert state={state} errorRef={errorRef} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="flex items-start gap-2">
          <input
            id="allow-private-targets"
            name="allowPrivateWebhookTargets"
            type="checkbox"
            defaultChecked={allowed}
            aria-describedby="allow-private-targets-hint"
            className="mt-0.5 size-4 accent-blue-700 dark:accent-blue-400"
          />
          <div>
            <label htmlFor="allow-private-targets" className="text-sm font-medium text-gray-800 dark:text-gray-200">
              Allow private webhook targets
            </label>
            <p id="allow-private-targets-hint" className={`${HINT} mt-0`}>
              Lets webhooks post to loopback, private-network and link-local addresses, and to Patchboard itself. Off by default, so that a webhook cannot be used to
              reach what only this server can reach. Cloud metadata addresses stay refused.
            </p>
          </div>
        </div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
      </form>
    </div>
  );
}
