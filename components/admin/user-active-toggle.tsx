"use client";

import { useRef, useState } from "react";
import type { AdminUser } from "./admin-types";
import { ConfirmModal } from "./confirm-modal";
import { IDLE, type FormState } from "./form-state";
import { ROW_BUTTON, ROW_DANGER_BUTTON } from "./styles";
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
        <ConfirmModal
          headingId={headingId}
          title={<>Deactivate {user.email}?</>}
          text={`${user.name} can no longer sign in, and their sessions end at once. The account stays, with its history in the audit log; you can reactivate it later.`}
          confirmLabel="Confirm deactivation"
          pendingLabel="Deactivating…"
          pending={pending}
          state={state}
          errorRef={errorRef}
          dialogRef={dialogRef}
          onConfirm={() => send(false)}
          onClose={() => {
            setConfirming(false);
            buttonRef.current?.focus();
          }}
        />
      ) : (
        <div role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.status === "error" ? state.message : null}
        </div>
      )}
    </>
  );
}
