import { ROLE_LABELS, organizationsFor } from "@/lib/domain/access";
import { DateTime } from "../ui/date-time";
import { AdminTable } from "./admin-table";
import type { AdminUser, OrganizationChoice } from "./admin-types";
import type { FormState } from "./form-state";
import { OrganizationNames } from "./organization-names";
import type { RoleOption } from "./role-options";
import { StateBadge } from "./state-badge";
import { CELL, ROW_HEADER } from "./styles";
import { UserActiveToggle } from "./user-active-toggle";
import { UserEditButton } from "./user-edit-button";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** Everyone who can sign in, with their access, and the actions an admin may take on each. */
export function UsersTable({
  users,
  callerId,
  callerIsOwner,
  roles,
  choices,
  updateAction,
  setActiveAction,
}: {
  users: AdminUser[];
  callerId: string | null;
  callerIsOwner: boolean;
  roles: RoleOption[];
  choices: OrganizationChoice[];
  updateAction: Action;
  setActiveAction: Action;
}) {
  return (
    <AdminTable id="users" label="Users" testId="users-table" columns={["Name", "Email", "Role", "Organizations", "Status", "Created", "Actions"]}>
      {users.map((user) => {
        const self = user.id === callerId;
        // The data layer refuses these too; hiding them spares a pointless error.
        const manageable = callerIsOwner || user.role !== "owner";
        return (
          <tr key={user.id} className="hover:bg-gray-50 dark:hover:bg-gray-800/50">
            <th scope="row" className={ROW_HEADER}>
              {user.name}
              {self ? <span className="ml-1 font-normal text-gray-600 dark:text-gray-400">(you)</span> : null}
            </th>
            <td className={`${CELL} break-all`}>{user.email}</td>
            <td className={`${CELL} whitespace-nowrap`}>{ROLE_LABELS[user.role]}</td>
            <td className={CELL}>
              <OrganizationNames organizations={user.organizations} all={organizationsFor(user.role, user.allOrganizations, []) === null} />
            </td>
            <td className={CELL}>{user.active ? <StateBadge tone="green">Active</StateBadge> : <StateBadge tone="gray">Deactivated</StateBadge>}</td>
            <td className={`${CELL} whitespace-nowrap`}>
              <DateTime value={user.createdAt} dateOnly />
            </td>
            <td className={CELL}>
              {manageable ? (
                <div className="flex flex-wrap items-start gap-2">
                  <UserEditButton user={user} roles={roles} choices={choices} action={updateAction} />
                  {self ? null : <UserActiveToggle user={user} action={setActiveAction} />}
                </div>
              ) : (
                <span className="text-xs text-gray-600 dark:text-gray-400">Only an owner can change an owner.</span>
              )}
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
}
