"use client";

import { useState } from "react";
import type { TokenRole } from "@/lib/domain/access";
import type { OrganizationChoice } from "./admin-types";
import { FormAlert } from "./form-alert";
import { IDLE, type TokenFormState } from "./form-state";
import { NewTokenBox } from "./new-token-box";
import { OrganizationPicker } from "./organization-picker";
import { RoleFieldset } from "./role-fieldset";
import { PRIMARY_BUTTON } from "./styles";
import { TextField } from "./text-field";
import { useAdminForm } from "./use-admin-form";

const TOKEN_ROLE_OPTIONS: { value: TokenRole; label: string; hint: string }[] = [
  { value: "technician", label: "Technician", hint: "Reads, uploads scans and records remediations: for an RMM script that sends scan results." },
  { value: "viewer", label: "Client viewer", hint: "Reads only: for a report or a client's own dashboard." },
  { value: "admin", label: "Admin", hint: "Everything an admin may do through the API." },
];

/** "Create a token"; the token appears once above the form, with a copy button. */
export function CreateTokenForm({
  action,
  choices,
  today,
}: {
  action: (previous: TokenFormState, formData: FormData) => Promise<TokenFormState>;
  choices: OrganizationChoice[];
  /** YYYY-MM-DD (UTC), the earliest expiry */
  today: string;
}) {
  const [generation, setGeneration] = useState(0);
  const [role, setRole] = useState<TokenRole>("technician");
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  // Kept apart from the action's state: a later failed attempt must not hide a token not yet copied.
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const { state, pending, onSubmit, formRef, errorRef } = useAdminForm<TokenFormState>(action, IDLE, (s) => {
    if (s.token) setCreated({ token: s.token, name: s.tokenName ?? "" });
    setGeneration((g) => g + 1);
    setRole("technician");
    setSelected(new Set());
  });
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  return (
    <div>
      {created ? <NewTokenBox token={created.token} name={created.name} /> : null}
      <FormAlert state={state} errorRef={errorRef} showSuccess={false} />
      <form key={generation} ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="create-token-heading" className="space-y-5">
        <TextField
          id="new-token-name"
          name="name"
          label="Name"
          required
          autoComplete="off"
          maxLength={100}
          hint="Say what uses it, e.g. “RMM upload script”, so that the audit log makes sense."
          error={errors?.name?.[0]}
        />
        <RoleFieldset id="new-token-role" options={TOKEN_ROLE_OPTIONS} value={role} onChange={setRole} error={errors?.role?.[0]} />
        <OrganizationPicker
          id="new-token-orgs"
          legend="Limit to organizations (optional)"
          choices={choices}
          selected={selected}
          onChange={setSelected}
          hint="Leave none chosen for a token that sees every organization."
          error={errors?.organizations?.[0]}
        />
        <div className="max-w-xs">
          <TextField
            id="new-token-expires"
            name="expiresOn"
            label="Expires on"
            type="date"
            min={today}
            error={errors?.expiresOn?.[0]}
            hint="It stops working at the end of that day (UTC). Leave empty for a token that does not expire."
          />
        </div>
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
    </div>
  );
}
