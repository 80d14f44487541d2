"use client";

import { FormAlert } from "../admin/form-alert";
import { IDLE, type FormState } from "../admin/form-state";
import { FIELD, FIELD_ERROR, HINT, LABEL, PRIMARY_BUTTON } from "../admin/styles";
import { useAdminForm } from "../admin/use-admin-form";

/** The organization's patch target: how many days after a disclosure its servers should be patched. */
export function PatchTargetForm({ action, slug, patchTargetDays }: { action: (previous: FormState, data: FormData) => Promise<FormState>; slug: string; patchTargetDays: number }) {
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm<FormState>(action, IDLE);
  const error = state.status === "error" ? state.fieldErrors?.patchTargetDays?.[0] : undefined;
  return (
    <div>
      <FormAlert state={state} errorRef={errorRef} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        <input type="hidden" name="slug" value={slug} />
        <div>
          <label htmlFor="patch-target-days" className={LABEL}>
            Patch target (days)
          </label>
          <p id="patch-target-days-hint" className={HINT}>
            Servers should be patched within this many days of a campaign&apos;s disclosure (or their first scan, if later). Time to patch counts against it.
          </p>
          <input
            id="patch-target-days"
            name="patchTargetDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            required
            defaultValue={patchTargetDays}
            aria-describedby={error ? "patch-target-days-hint patch-target-days-error" : "patch-target-days-hint"}
            aria-invalid={error ? true : undefined}
            className={`${FIELD} w-32`}
          />
          {error ? (
            <p id="patch-target-days-error" className={FIELD_ERROR}>
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Save patch target"}
        </button>
      </form>
    </div>
  );
}
