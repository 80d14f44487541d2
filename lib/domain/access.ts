// Who is asking, and what they may do: the one description of a caller that every data-layer function takes.
// Pure: no framework or database imports, so the rules are unit-tested on their own.
export const ROLES = ["owner", "admin", "technician", "viewer"] as const;
export type Role = (typeof ROLES)[number];
/** roles a token can have: never owner */
export const TOKEN_ROLES = ["admin", "technician", "viewer"] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  technician: "Technician",
  viewer: "Client viewer",
};

export type Actor =
  | { type: "user"; id: string; label: string }
  | { type: "token"; id: number; label: string }
  | { type: "system"; label: string };

export interface Access {
  actor: Actor;
  role: Role;
  /** the organizations the caller may see; null: every organization */
  organizationIds: number[] | null;
  /** the address the request came from, for the audit log */
  ip: string | null;
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isTokenRole = (value: string): value is TokenRole => (TOKEN_ROLES as readonly string[]).includes(value);

const ADMINS: ReadonlySet<Role> = new Set(["owner", "admin"]);
const WRITERS: ReadonlySet<Role> = new Set(["owner", "admin", "technician"]);

export const can = {
  /** users, tokens, the audit log, deleting an organization */
  administer: (a: Access) => ADMINS.has(a.role),
  /** upload scans, mark remediated, manage column mappings */
  write: (a: Access) => WRITERS.has(a.role),
};

/** Whether the caller may see this organization. */
export function seesOrganization(a: Access, organizationId: number): boolean {
  return a.organizationIds === null || a.organizationIds.includes(organizationId);
}

/**
 * The organizations a user of this role sees: admins and owners see all; technicians all unless limited to
 * their assignments; client viewers only their assignments, whatever the flag says.
 */
export function organizationsFor(role: Role, allOrganizations: boolean, assigned: number[]): number[] | null {
  if (ADMINS.has(role)) return null;
  if (role === "technician" && allOrganizations) return null;
  return assigned;
}

/** Scripts and start-up tasks (demo seed, migrations): everything, recorded as the system. */
export const SYSTEM_ACCESS: Access = { actor: { type: "system", label: "system" }, role: "owner", organizationIds: null, ip: null };
