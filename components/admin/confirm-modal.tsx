"use client";

import { FormAlert } from "./form-alert";
import type { FormState } from "./form-state";
import { Modal } from "./modal";
import { DANGER_BUTTON, SECONDARY_BUTTON } from "./styles";

/**
 * "Are you sure?" for a destructive row action: a question, what it means, the action's error if it failed,
 * and Confirm / Cancel with focus starting on Cancel. The caller decides where focus goes when it closes.
 */
export function ConfirmModal({
  headingId,
  title,
  text,
  confirmLabel,
  pendingLabel,
  pending,
  state,
  errorRef,
  dialogRef,
  onConfirm,
  onClose,
}: {
  headingId: string;
  title: React.ReactNode;
  text: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  state: FormState;
  errorRef: React.RefObject<HTMLDivElement | null>;
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal labelledBy={headingId} describedBy={`${headingId}-text`} dialogRef={dialogRef} onClose={onClose}>
      <h2 id={headingId} className="text-lg font-semibold tracking-tight break-all">
        {title}
      </h2>
      <p id={`${headingId}-text`} className="mt-2 mb-4 text-sm text-gray-700 dark:text-gray-300">
        {text}
      </p>
      <FormAlert state={state} errorRef={errorRef} showSuccess={false} />
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} onClick={onConfirm} className={DANGER_BUTTON}>
          {pending ? pendingLabel : confirmLabel}
        </button>
        <button type="button" data-autofocus onClick={() => dialogRef.current?.close()} className={SECONDARY_BUTTON}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
