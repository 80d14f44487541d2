"use client";

import { useRef, useState } from "react";
import type { AdminUser } from "./admin-types";
import { FormAlert } from "./form-alert";
import { IDLE, type FormState } from "./form-state";
import { Modal } from "./modal";
import { DANGER_BUTTON, ROW_BUTTON, ROW_DANGER_BUTTON, SECONDARY_BUTTON } from "./styles";
import { useAdminForm } from "./use-admin-form";

/**
 * Deactivate (after a confirmation dialog) or reactivate a user. One button serves both, so that focus
 * stays on it when the row turns from active to deactivated and back.
 */
export function UserActiveToggle({ user, action }: { user: AdminUser; action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState("");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { state, pending, submit, errorRef } = useAdminForm(action, IDLE, (s) => {
    setNotice(s.message ?? "");
    dialogRef.current?.close();
  });
  const headingId = `deactivate-${user.id}-heading`;

  const send = (active: boolean) => {
    const data = new FormData();
    data.set("userId", user.id);
    data.set("active", String(active));
    data.set("email", user.email);
    setNotice("");
    submit(data);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        // Not disabled while the action runs: a disabled button would drop the keyboard focus.
        onClick={() => {
          if (pending) return;
          if (user.active) setConfirming(true);
          else send(true);
        }}
        className={user.active ? ROW_DANGER_BUTTON : ROW_BUTTON}
      >
        {user.active ? "Deactivate" : "Reactivate"}
        <span className="sr-only"> {user.email}</span>
      </button>
      <span role="status" className="sr-only">
        {notice}
      </span>
      {confirming ? (
        <Modal
          labelledBy={headingId}
          describedBy={`${headingId}-text`}
          dialogRef={dialogRef}
          onClose={() => {
            setConfirming(false);
            buttonRef.current?.focus();
          }}
        >
          <h2 id={headingId} className="text-lg font-semibold tracking-tight break-all">
            Deactivate {user.email}?
          </h2>
          <p id={`${headingId}-text`} className="mt-2 mb-4 text-sm text-gray-700 dark:text-gray-300">
            {user.name} can no longer sign in, and their sessions end at once. The account stays, with its history in the audit log; you can reactivate it later.
          </p>
          <FormAlert state={state} errorRef={errorRef} showSuccess={false} />
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={pending} onClick={() => send(false)} className={DANGER_BUTTON}>
              {pending ? "Deactivating…" : "Confirm deactivation"}
            </button>
            <button type="button" data-autofocus onClick={() => dialogRef.current?.close()} className={SECONDARY_BUTTON}>
              Cancel
            </button>
          </div>
        </Modal>
      ) : (
        <div role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.status === "error" ? state.message : null}
        </div>
      )}
    </>
  );
}
