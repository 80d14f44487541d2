"use client";

import { useRef, useState } from "react";
import type { AdminUser, OrganizationChoice } from "./admin-types";
import { EditUserForm } from "./edit-user-form";
import type { FormState } from "./form-state";
import { Modal } from "./modal";
import type { RoleOption } from "./role-options";
import { ROW_BUTTON } from "./styles";

/** "Edit access" of a row of the users table, opening the edit form in a modal dialog. */
export function UserEditButton({
  user,
  roles,
  choices,
  action,
}: {
  user: AdminUser;
  roles: RoleOption[];
  choices: OrganizationChoice[];
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState("");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = `edit-${user.id}-heading`;

  return (
    <>
      <button ref={buttonRef} type="button" onClick={() => setOpen(true)} className={ROW_BUTTON}>
        Edit access<span className="sr-only"> of {user.email}</span>
      </button>
      {/* The dialog is gone once saved: the row's own live region says it worked. */}
      <span role="status" className="sr-only">
        {notice}
      </span>
      {open ? (
        <Modal
          labelledBy={headingId}
          dialogRef={dialogRef}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        >
          <EditUserForm
            user={user}
            headingId={headingId}
            roles={roles}
            choices={choices}
            action={action}
            onSaved={(message) => {
              setNotice(message);
              dialogRef.current?.close();
            }}
            onCancel={() => dialogRef.current?.close()}
          />
        </Modal>
      ) : null}
    </>
  );
}
