"use client";

import { FormAlert } from "./form-alert";
import { IDLE, type FormState } from "./form-state";
import { FIELD, FIELD_ERROR, HINT, LABEL, PRIMARY_BUTTON } from "./styles";
import { useAdminForm } from "./use-admin-form";

/** The app-wide settings: today, when a scan counts as stale. */
export function SettingsForm({ action, staleAfterDays }: { action: (previous: FormState, data: FormData) => Promise<FormState>; staleAfterDays: number }) {
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm<FormState>(action, IDLE);
  const error = state.status === "error" ? state.fieldErrors?.staleAfterDays?.[0] : undefined;
  return (
    <div>
      <FormAlert state={state} errorRef={errorRef} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        <div>
          <label htmlFor="stale-after-days" className={LABEL}>
            Stale after (days)
          </label>
          <p id="stale-after-days-hint" className={HINT}>
            A server whose last scan is older than this is marked stale, and the overview warns when the newest scan is.
          </p>
          <input
            id="stale-after-days"
            name="staleAfterDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            required
            defaultValue={staleAfterDays}
            aria-describedby={error ? "stale-after-days-hint stale-after-days-error" : "stale-after-days-hint"}
            aria-invalid={error ? true : undefined}
            className={`${FIELD} w-32`}
          />
          {error ? (
            <p id="stale-after-days-error" className={FIELD_ERROR}>
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>
      </form>
    </div>
  );
}
