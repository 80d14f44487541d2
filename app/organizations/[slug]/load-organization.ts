import "server-only";
import { cache } from "react";
import { getOrganization } from "@/lib/data/organizations";

/** One organization per request, shared by the layout (404 check), the metadata and the page. */
export const loadOrganization = cache((slug: string) => getOrganization(slug));
