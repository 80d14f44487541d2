// Who may see what, as query filters: the one place a query learns which organizations the caller may see. Every
// tenant read in lib/data goes through these, so a page or route cannot forget the scope.
import type { Access } from "../domain/access";

/** On Organization: the caller's organizations. */
export function organizationScope(access: Access): { id?: { in: number[] } } {
  return access.organizationIds === null ? {} : { id: { in: access.organizationIds } };
}

/** On any table with an organizationId (Server, ServerCampaign, OrganizationStatus). */
export function organizationIdScope(access: Access): { organizationId?: { in: number[] } } {
  return access.organizationIds === null ? {} : { organizationId: { in: access.organizationIds } };
}

/** The caller's organizations as a list, or null for all: for code that needs the ids themselves. */
export function scopedOrganizationIds(access: Access): readonly number[] | null {
  return access.organizationIds;
}
