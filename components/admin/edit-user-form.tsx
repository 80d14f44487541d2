"use client";

import type { AdminUser, OrganizationChoice } from "./admin-types";
import { FormAlert } from "./form-alert";
import { IDLE, type FormState } from "./form-state";
import type { RoleOption } from "./role-options";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./styles";
import { useAdminForm } from "./use-admin-form";
import { UserAccessFields } from "./user-access-fields";

/** The body of the "Edit access" dialog: role and organizations of one user. */
export function EditUserForm({
  user,
  headingId,
  roles,
  choices,
  action,
  onSaved,
  onCancel,
}: {
  user: AdminUser;
  headingId: string;
  roles: RoleOption[];
  choices: OrganizationChoice[];
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm(action, IDLE, (s) => onSaved(s.message ?? "Saved."));
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const initial = { role: user.role, allOrganizations: user.allOrganizations, organizations: user.organizations.map((o) => o.slug) };

  return (
    <>
      <h2 id={headingId} tabIndex={-1} data-autofocus className="text-lg font-semibold tracking-tight focus:outline-none">
        Edit access of {user.name}
      </h2>
      <p className="mb-4 text-sm break-all text-gray-600 dark:text-gray-400">{user.email}</p>
      <FormAlert state={state} errorRef={errorRef} showSuccess={false} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
        <input type="hidden" name="userId" value={user.id} />
        <UserAccessFields id={`edit-${user.id}`} roles={roles} initial={initial} choices={choices} errors={errors} />
        <div className="flex flex-wrap gap-2">
          <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
            {pending ? "Saving…" : "Save changes"}
          </button>
          <button type="button" onClick={onCancel} className={SECONDARY_BUTTON}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
