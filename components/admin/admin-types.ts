// Plain shapes the admin pages hand to these components (the data layer's views fit them;
// components may not import the data layer itself).
import type { TokenRole } from "@/lib/domain/access";
import type { UserView } from "@/lib/views";

export interface OrganizationChoice {
  slug: string;
  name: string;
}

export type AdminUser = UserView;

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

export interface AdminWebhook {
  id: number;
  name: string;
  url: string;
  events: string[];
  /** empty: every organization */
  organizations: OrganizationChoice[];
  payload: string;
  active: boolean;
  createdBy: string;
  createdAt: string;
  pending: number;
  failed: number;
}

export interface AdminDelivery {
  id: number;
  webhookName: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}
