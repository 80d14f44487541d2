"use client";

import { useState } from "react";
import type { Role } from "@/lib/domain/access";
import type { OrganizationChoice } from "./admin-types";
import { OrganizationPicker } from "./organization-picker";
import { RoleFieldset } from "./role-fieldset";
import type { RoleOption } from "./role-options";
import { FIELD_ERROR, HINT } from "./styles";

export interface AccessValues {
  role: Role | "";
  allOrganizations: boolean;
  organizations: string[];
}

const SEES_ALL: Partial<Record<Role, string>> = {
  owner: "Owners see every organization.",
  admin: "Admins see every organization.",
};

/**
 * Role, "sees every organization" and the assigned organizations: what a user may do and see.
 * Only technicians have the choice; the organization list is offered to whoever needs it.
 */
export function UserAccessFields({
  id,
  roles,
  initial,
  choices,
  errors,
}: {
  id: string;
  roles: RoleOption[];
  initial: AccessValues;
  choices: OrganizationChoice[];
  errors?: Record<string, string[] | undefined>;
}) {
  const [role, setRole] = useState<Role | "">(initial.role);
  const [all, setAll] = useState(initial.allOrganizations);
  // Kept while the list is hidden, so switching the role back and forth loses nothing.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initial.organizations));
  const showPicker = role === "viewer" || (role === "technician" && !all);
  const allError = errors?.allOrganizations?.[0];

  return (
    <div className="space-y-5">
      <RoleFieldset id={`${id}-role`} options={roles} value={role} onChange={setRole} error={errors?.role?.[0]} />
      {role === "technician" ? (
        <div>
          <div className="flex items-center gap-2">
            <input
              id={`${id}-all`}
              name="allOrganizations"
              type="checkbox"
              checked={all}
              onChange={(e) => setAll(e.target.checked)}
              aria-describedby={`${id}-all-hint`}
              aria-invalid={allError ? true : undefined}
              className="size-4 accent-blue-700 dark:accent-blue-400"
            />
            <label htmlFor={`${id}-all`} className="text-sm font-medium">
              Sees every organization
            </label>
          </div>
          <p id={`${id}-all-hint`} className={HINT}>
            Leave unticked to limit this technician to the organizations chosen below. Admins see every organization; client viewers only those assigned to them.
          </p>
          {allError ? <p className={FIELD_ERROR}>{allError}</p> : null}
        </div>
      ) : role && SEES_ALL[role] ? (
        <p className="text-sm text-gray-600 dark:text-gray-400">{SEES_ALL[role]}</p>
      ) : null}
      {showPicker ? (
        <OrganizationPicker
          id={`${id}-orgs`}
          choices={choices}
          selected={selected}
          onChange={setSelected}
          hint={role === "viewer" ? "Required: a client viewer sees only the organizations chosen here." : "The organizations this technician works on."}
          error={errors?.organizations?.[0]}
        />
      ) : null}
    </div>
  );
}
