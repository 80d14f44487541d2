// Plain shapes the admin pages hand to these components (the data layer's views fit them;
// components may not import the data layer itself).
import type { Role, TokenRole } from "@/lib/domain/access";

export interface OrganizationChoice {
  slug: string;
  name: string;
}

export interface AdminUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  allOrganizations: boolean;
  organizations: OrganizationChoice[];
  createdAt: string;
}

export interface AdminToken {
  id: number;
  name: string;
  role: TokenRole;
  organizations: OrganizationChoice[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  status: "active" | "revoked" | "expired";
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  /** "User", "API token", … */
  actorType: string;
  /** readable: "Created user" */
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}
