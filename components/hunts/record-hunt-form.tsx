"use client";

import { useActionState } from "react";
import { IDLE, type FormState } from "../admin/form-state";
import { FIELD, LABEL } from "../upload/field-styles";

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <p id={id} className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">
      {errors[0]}
    </p>
  ) : null;
}

/**
 * Record a hunt done with another tool (an EDR timeline, a log review): the days it covered, the tool, what it found,
 * a note. A clean hunt counts as a compromise check for every campaign; one that found something opens a compromise.
 */
export function RecordHuntForm({
  serverId,
  action,
  suggestedFrom,
  today,
}: {
  serverId: number;
  action: (previous: FormState, data: FormData) => Promise<FormState>;
  /** the earliest day any campaign asks to look at */
  suggestedFrom: string | null;
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  const described = (name: string) => (errors[name]?.length ? `hunt-${name}-error` : undefined);
  return (
    <form action={formAction} noValidate aria-labelledby="record-hunt-heading" className="space-y-3" data-testid="record-hunt-form">
      <h3 id="record-hunt-heading" className="text-sm font-semibold">
        Record a hunt done with another tool
      </h3>
      <div role="status" aria-live="polite">
        {state.status === "success" ? (
          <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-500/40 dark:bg-green-950/50 dark:text-green-200">{state.message}</p>
        ) : null}
      </div>
      <div role="alert">
        {state.status === "error" && state.message ? (
          <p className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-500/40 dark:bg-red-950/50 dark:text-red-200">{state.message}</p>
        ) : null}
      </div>
      <input type="hidden" name="serverId" value={serverId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="hunt-from" className={LABEL}>
            Covered from
          </label>
          <input id="hunt-from" name="fromDay" type="date" required defaultValue={suggestedFrom ?? ""} max={today} aria-invalid={described("fromDay") ? true : undefined} aria-describedby={described("fromDay")} className={`${FIELD} mt-1 w-full`} />
          <FieldError id="hunt-fromDay-error" errors={errors.fromDay} />
        </div>
        <div>
          <label htmlFor="hunt-to" className={LABEL}>
            Covered to
          </label>
          <input id="hunt-to" name="toDay" type="date" required defaultValue={today} max={today} aria-invalid={described("toDay") ? true : undefined} aria-describedby={described("toDay")} className={`${FIELD} mt-1 w-full`} />
          <FieldError id="hunt-toDay-error" errors={errors.toDay} />
        </div>
        <div>
          <label htmlFor="hunt-tool" className={LABEL}>
            Tool
          </label>
          <input id="hunt-tool" name="tool" required maxLength={80} placeholder="Defender for Endpoint, Velociraptor, a log review…" aria-invalid={described("tool") ? true : undefined} aria-describedby={described("tool")} className={`${FIELD} mt-1 w-full`} />
          <FieldError id="hunt-tool-error" errors={errors.tool} />
        </div>
        <fieldset>
          <legend className={LABEL}>Result</legend>
          <div className="mt-2 flex gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="result" value="clean" defaultChecked /> Nothing found
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="result" value="found" /> Found something
            </label>
          </div>
        </fieldset>
      </div>
      <div>
        <label htmlFor="hunt-note" className={LABEL}>
          Note
        </label>
        <textarea id="hunt-note" name="note" rows={2} maxLength={2000} aria-invalid={described("note") ? true : undefined} aria-describedby={described("note")} className={`${FIELD} mt-1 w-full`} />
        <FieldError id="hunt-note-error" errors={errors.note} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="inline-flex items-center rounded-lg bg-blue-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-800 disabled:cursor-wait disabled:opacity-70 dark:bg-blue-500 dark:text-gray-950 dark:hover:bg-blue-400"
      >
        {pending ? "Recording…" : "Record hunt"}
      </button>
    </form>
  );
}
