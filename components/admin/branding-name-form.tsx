"use client";

import { FormAlert } from "./form-alert";
import { IDLE, type FormState } from "./form-state";
import { PRIMARY_BUTTON } from "./styles";
import { TextField } from "./text-field";
import { useAdminForm } from "./use-admin-form";

/** The MSP's name at the top of every client report. */
export function BrandingNameForm({ action, name }: { action: (previous: FormState, data: FormData) => Promise<FormState>; name: string | null }) {
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm<FormState>(action, IDLE);
  const error = state.status === "error" ? state.fieldErrors?.name?.[0] : undefined;
  return (
    <div>
      <FormAlert state={state} errorRef={errorRef} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
        <TextField id="branding-name" name="name" label="Your company's name" maxLength={120} defaultValue={name ?? ""} error={error} hint="Heads every client report (empty: “Patchboard”)." />
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending} aria-busy={pending}>
          {pending ? "Saving…" : "Save name"}
        </button>
      </form>
    </div>
  );
}
