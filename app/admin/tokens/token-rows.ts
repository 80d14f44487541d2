import type { AdminToken } from "@/components/admin/admin-types";
import type { TokenView } from "@/lib/data/accounts/tokens";

function status(token: TokenView, now: number): AdminToken["status"] {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return "expired";
  return "active";
}

/** The tokens as the table shows them, with their state as of now, and today's date (UTC) for the expiry field. */
export function toTokenRows(tokens: TokenView[], now = Date.now()): { tokens: AdminToken[]; today: string } {
  return {
    today: new Date(now).toISOString().slice(0, 10),
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      role: t.role,
      organizations: t.organizations,
      createdBy: t.createdBy,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      status: status(t, now),
    })),
  };
}
