import { ROLE_LABELS, type Role } from "@/lib/domain/access";

// One line per role, so whoever picks a role sees what it allows without leaving the form.
const ROLE_HINTS: Record<Role, string> = {
  owner: "Everything an admin can do, and managing other owners.",
  admin: "Manages users, API tokens and organizations, reads the audit log; sees every organization.",
  technician: "Uploads scans and records remediations.",
  viewer: "Reads the dashboards of the organizations assigned to them; changes nothing.",
};

export interface RoleOption {
  value: Role;
  label: string;
  hint: string;
}

export function roleOptions(roles: readonly Role[]): RoleOption[] {
  return roles.map((value) => ({ value, label: ROLE_LABELS[value], hint: ROLE_HINTS[value] }));
}
