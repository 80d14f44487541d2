"use client";

import { useRef, useState } from "react";
import type { AdminWebhook } from "./admin-types";
import { ConfirmModal } from "./confirm-modal";
import { IDLE, type FormState } from "./form-state";
import { ROW_BUTTON, ROW_DANGER_BUTTON } from "./styles";
import { useAdminForm } from "./use-admin-form";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A webhook's row actions: send a test event, pause or resume, delete (after a confirmation). Each answer is
 * announced in the row's live region; after a delete, focus moves to the row's name (the row then goes away).
 */
export function WebhookRowActions({
  webhook,
  rowHeaderId,
  testAction,
  activeAction,
  deleteAction,
}: {
  webhook: Pick<AdminWebhook, "id" | "name" | "active">;
  rowHeaderId: string;
  testAction: Action;
  activeAction: Action;
  deleteAction: Action;
}) {
  const [notice, setNotice] = useState("");
  const [confirming, setConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const deleted = useRef(false);
  const announce = (s: FormState) => setNotice(s.message ?? "");
  const test = useAdminForm(testAction, IDLE, announce);
  const active = useAdminForm(activeAction, IDLE, announce);
  const remove = useAdminForm(deleteAction, IDLE, (s) => {
    deleted.current = true;
    announce(s);
    dialogRef.current?.close();
  });
  const error = [test.state, active.state].find((s) => s.status === "error")?.message;

  const send = (submit: (data: FormData) => void, extra: Record<string, string> = {}) => {
    const data = new FormData();
    data.set("webhookId", String(webhook.id));
    for (const [k, v] of Object.entries(extra)) data.set(k, v);
    setNotice("");
    submit(data);
  };

  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" onClick={() => !test.pending && send(test.submit)} disabled={!webhook.active} className={ROW_BUTTON}>
        {test.pending ? "Sending…" : "Send test event"}
        <span className="sr-only"> to {webhook.name}</span>
      </button>
      <button type="button" onClick={() => !active.pending && send(active.submit, { active: String(!webhook.active) })} className={ROW_BUTTON}>
        {webhook.active ? "Pause" : "Resume"}
        <span className="sr-only"> {webhook.name}</span>
      </button>
      <button ref={deleteRef} type="button" onClick={() => setConfirming(true)} className={ROW_DANGER_BUTTON}>
        Delete<span className="sr-only"> {webhook.name}</span>
      </button>
      <p role="status" className="w-full text-xs text-gray-700 dark:text-gray-300">
        {notice}
      </p>
      <div role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
        {error ?? null}
      </div>
      {confirming ? (
        <ConfirmModal
          headingId={`delete-webhook-${webhook.id}-heading`}
          title={<>Delete the webhook “{webhook.name}”?</>}
          text="Nothing more is sent to it, and its deliveries, pending ones too, are deleted with it. The audit log keeps that it existed."
          confirmLabel="Confirm deletion"
          pendingLabel="Deleting…"
          pending={remove.pending}
          state={remove.state}
          errorRef={remove.errorRef}
          dialogRef={dialogRef}
          onConfirm={() => send(remove.submit)}
          onClose={() => {
            setConfirming(false);
            if (deleted.current) document.getElementById(rowHeaderId)?.focus();
            else deleteRef.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
