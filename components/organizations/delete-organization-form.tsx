"use client";

import { useState } from "react";
import { FormAlert } from "../admin/form-alert";
import { IDLE, type FormState } from "../admin/form-state";
import { DANGER_BUTTON } from "../admin/styles";
import { TextField } from "../admin/text-field";
import { useAdminForm } from "../admin/use-admin-form";

/** The name typed again, as GitHub does: a deletion nobody can undo should not be one click away. */
export function DeleteOrganizationForm({ slug, name, action }: { slug: string; name: string; action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [typed, setTyped] = useState("");
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm(action, IDLE);
  const matches = typed.trim() === name;

  return (
    <div>
      <FormAlert state={state} errorRef={errorRef} showSuccess={false} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="slug" value={slug} />
        <div className="max-w-md">
          <TextField
            id="delete-organization-confirmation"
            name="confirmation"
            label="Type the organization's name to confirm"
            required
            autoComplete="off"
            value={typed}
            onChange={setTyped}
            hint={
              <>
                Type <strong className="font-semibold text-gray-900 dark:text-gray-100">{name}</strong> exactly; the button works once the name matches.
              </>
            }
            error={state.status === "error" ? state.fieldErrors?.confirmation?.[0] : undefined}
          />
        </div>
        <button type="submit" disabled={!matches || pending} className={DANGER_BUTTON}>
          {pending ? "Deleting…" : "Delete organization"}
        </button>
      </form>
    </div>
  );
}
