import "server-only";
import { cache } from "react";
import { getOrganization } from "@/lib/data/fleet/organizations";
import { requireAccess } from "@/app/_lib/access";

/** One organization per request, shared by the layout (404 check), the metadata and the page. */
export const loadOrganization = cache(async (slug: string) => getOrganization(await requireAccess(), slug));
