"use client";

import { useState } from "react";
import { FormAlert } from "./form-alert";
import { IDLE, type CampaignFormState } from "./form-state";
import { FIELD, FIELD_ERROR, HINT, LABEL, PRIMARY_BUTTON } from "./styles";
import { useAdminForm } from "./use-admin-form";

/** "Add a campaign": its JSON definition, as in a campaign file; every server is judged against it on submit. */
export function AddCampaignForm({ action, example }: { action: (previous: CampaignFormState, data: FormData) => Promise<CampaignFormState>; example: string }) {
  const [generation, setGeneration] = useState(0);
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm<CampaignFormState>(action, IDLE, () => setGeneration((g) => g + 1));
  const problems = state.status === "error" ? (state.problems ?? []) : [];
  const fieldError = state.status === "error" ? state.fieldErrors?.definition?.[0] : undefined;
  return (
    <div>
      <FormAlert state={state} errorRef={errorRef} />
      {problems.length > 0 ? (
        <ul className="mb-4 list-disc space-y-1 pl-6 text-sm text-red-900 dark:text-red-200" data-testid="campaign-problems">
          {problems.map((p) => (
            <li key={`${p.field}:${p.message}`}>
              <code>{p.field}</code>: {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      <form key={generation} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
        <div>
          <label htmlFor="campaign-definition" className={LABEL}>
            Definition (JSON)
          </label>
          <p id="campaign-definition-hint" className={HINT}>
            The same fields as the files in <code>lib/domain/campaigns/data</code>: the CVEs, the security updates that fix them (names from the build table,
            such as Nov22SU), the dates, the stopgaps, the tools&rsquo; signals and sources. An example to start from is filled in.
          </p>
          <textarea
            id="campaign-definition"
            name="definition"
            rows={18}
            spellCheck={false}
            defaultValue={example}
            aria-describedby={fieldError ? "campaign-definition-hint campaign-definition-error" : "campaign-definition-hint"}
            aria-invalid={fieldError || problems.length > 0 ? true : undefined}
            className={`${FIELD} font-mono text-xs`}
          />
          {fieldError ? (
            <p id="campaign-definition-error" className={FIELD_ERROR}>
              {fieldError}
            </p>
          ) : null}
        </div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending} aria-busy={pending}>
          {pending ? "Adding and judging every server…" : "Add the campaign"}
        </button>
      </form>
    </div>
  );
}
