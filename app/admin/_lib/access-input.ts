import "server-only";
import { isRole, type Role } from "@/lib/domain/access";
import { text, texts } from "./form-result";

/**
 * Role and organizations from the user forms. Only technicians choose "sees every organization": admins and
 * owners see all whatever is stored, client viewers only their assignments, so the form hides the choice and
 * this stores what applies. Assignments a role does not use are dropped rather than kept out of sight.
 */
export function accessInput(data: FormData): { role: Role | undefined; allOrganizations: boolean; organizations: string[]; errors: Record<string, string[]> } {
  const raw = text(data, "role");
  const role = isRole(raw) ? raw : undefined;
  const ticked = data.get("allOrganizations") === "on";
  const allOrganizations = role === "technician" ? ticked : role !== "viewer";
  const organizations = role === "viewer" || (role === "technician" && !ticked) ? [...new Set(texts(data, "organizations"))] : [];
  const errors: Record<string, string[]> = {};
  if (!role) errors.role = ["Choose a role."];
  if (role === "viewer" && organizations.length === 0) errors.organizations = ["Choose at least one organization: a client viewer sees only the organizations chosen here."];
  return { role, allOrganizations, organizations, errors };
}
