"use client";

import { useRef, useState } from "react";
import type { AdminToken } from "./admin-types";
import { ConfirmModal } from "./confirm-modal";
import { IDLE, type FormState } from "./form-state";
import { ROW_DANGER_BUTTON } from "./styles";
import { useAdminForm } from "./use-admin-form";

/**
 * "Revoke" with a confirmation dialog. Rendered for every row, active or not, so that its live region
 * outlives the button: once revoked the button is gone, and focus moves to the row's name instead.
 */
export function RevokeTokenButton({
  token,
  rowHeaderId,
  action,
}: {
  token: Pick<AdminToken, "id" | "name" | "status">;
  rowHeaderId: string;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState("");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const revoked = useRef(false);
  const { state, pending, submit, errorRef } = useAdminForm(action, IDLE, (s) => {
    revoked.current = true;
    setNotice(s.message ?? "");
    dialogRef.current?.close();
  });
  const headingId = `revoke-${token.id}-heading`;

  const revoke = () => {
    const data = new FormData();
    data.set("tokenId", String(token.id));
    submit(data);
  };

  return (
    <>
      {token.status === "active" ? (
        <button ref={buttonRef} type="button" onClick={() => setConfirming(true)} className={ROW_DANGER_BUTTON}>
          Revoke<span className="sr-only"> token {token.name}</span>
        </button>
      ) : null}
      <span role="status" className="sr-only">
        {notice}
      </span>
      {confirming ? (
        <ConfirmModal
          headingId={headingId}
          title={<>Revoke the token “{token.name}”?</>}
          text="Anything that uses it is refused from now on. This cannot be undone: to give access again, create a new token."
          confirmLabel="Confirm revocation"
          pendingLabel="Revoking…"
          pending={pending}
          state={state}
          errorRef={errorRef}
          dialogRef={dialogRef}
          onConfirm={revoke}
          onClose={() => {
            setConfirming(false);
            if (revoked.current) document.getElementById(rowHeaderId)?.focus();
            else buttonRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
