"use client";

import { useState } from "react";
import type { OrganizationChoice } from "./admin-types";
import { FormAlert } from "./form-alert";
import { IDLE, type WebhookFormState } from "./form-state";
import { NewSecretBox } from "./new-secret-box";
import { OrganizationPicker } from "./organization-picker";
import { PayloadKindFieldset } from "./payload-kind-fieldset";
import { PRIMARY_BUTTON } from "./styles";
import { TextField } from "./text-field";
import { useAdminForm } from "./use-admin-form";
import { WebhookEventsFieldset } from "./webhook-events-fieldset";

/** "Create a webhook"; its signing secret appears once above the form, with a copy button. */
export function CreateWebhookForm({ action, choices }: { action: (previous: WebhookFormState, formData: FormData) => Promise<WebhookFormState>; choices: OrganizationChoice[] }) {
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  // Kept apart from the action's state: a later failed attempt must not hide a secret not yet copied.
  const [created, setCreated] = useState<{ secret: string; name: string } | null>(null);
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm<WebhookFormState>(action, IDLE, (s) => {
    if (s.secret) setCreated({ secret: s.secret, name: s.webhookName ?? "" });
    setGeneration((g) => g + 1);
    setSelected(new Set());
  });
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  return (
    <div>
      {created ? <NewSecretBox secret={created.secret} name={created.name} /> : null}
      <FormAlert state={state} errorRef={errorRef} showSuccess={false} />
      <form key={generation} ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="create-webhook-heading" className="space-y-5">
        <TextField id="new-webhook-name" name="name" label="Name" required autoComplete="off" maxLength={100} hint="Say where it goes, e.g. “#exchange-alerts in Slack”." error={errors?.name?.[0]} />
        <TextField
          id="new-webhook-url"
          name="url"
          label="URL"
          type="url"
          required
          autoComplete="off"
          maxLength={2000}
          hint="Where Patchboard posts each event (https, or http). Addresses on this server's own networks are refused unless allowed below."
          error={errors?.url?.[0]}
        />
        <WebhookEventsFieldset id="new-webhook-events" error={errors?.events?.[0]} />
        <OrganizationPicker
          id="new-webhook-orgs"
          legend="Only for organizations (optional)"
          choices={choices}
          selected={selected}
          onChange={setSelected}
          hint="Leave none chosen to receive the events of every organization."
          error={errors?.organizations?.[0]}
        />
        <PayloadKindFieldset id="new-webhook-payload" error={errors?.payload?.[0]} />
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? "Creating…" : "Create webhook"}
        </button>
      </form>
    </div>
  );
}
