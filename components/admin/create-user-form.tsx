"use client";

import { useEffect, useRef, useState } from "react";
import type { OrganizationChoice } from "./admin-types";
import { FormAlert } from "./form-alert";
import { IDLE, type FormState } from "./form-state";
import type { RoleOption } from "./role-options";
import { PRIMARY_BUTTON, ROW_BUTTON } from "./styles";
import { TextField } from "./text-field";
import { useAdminForm } from "./use-admin-form";
import { UserAccessFields, type AccessValues } from "./user-access-fields";

const NEW_USER: AccessValues = { role: "technician", allOrganizations: true, organizations: [] };

/** "Create a user": the admin chooses the initial password and hands it over; nothing is emailed. */
export function CreateUserForm({
  action,
  roles,
  choices,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  roles: RoleOption[];
  choices: OrganizationChoice[];
}) {
  // A new key empties every field (and the role and organization choices) after a user is created.
  const [generation, setGeneration] = useState(0);
  const [showPassword, setShowPassword] = useState(false);
  const successRef = useRef<HTMLDivElement>(null);
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm(action, IDLE, () => {
    setGeneration((g) => g + 1);
    setShowPassword(false);
  });
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  useEffect(() => {
    if (state.status === "success") successRef.current?.focus();
  }, [state]);

  return (
    <div>
      <FormAlert state={state} errorRef={errorRef} successRef={successRef} />
      <form key={generation} ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="create-user-heading" className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="new-user-name" name="name" label="Name" required autoComplete="off" maxLength={100} error={errors?.name?.[0]} />
          <TextField id="new-user-email" name="email" label="Email" type="email" required autoComplete="off" maxLength={320} error={errors?.email?.[0]} />
        </div>
        <TextField
          id="new-user-password"
          name="password"
          label="Initial password"
          type={showPassword ? "text" : "password"}
          required
          autoComplete="new-password"
          maxLength={256}
          error={errors?.password?.[0]}
          hint="At least 12 characters. Patchboard sends no email: give the person their email and this password yourself, over a channel you trust. They can change it after signing in."
        >
          <button type="button" aria-pressed={showPassword} onClick={() => setShowPassword((s) => !s)} className={`${ROW_BUTTON} shrink-0 py-2`}>
            Show password
          </button>
        </TextField>
        <UserAccessFields id="new-user" roles={roles} initial={NEW_USER} choices={choices} errors={errors} />
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? "Creating…" : "Create user"}
        </button>
      </form>
    </div>
  );
}
