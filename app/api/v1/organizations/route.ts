import { apiRoute } from "@/lib/api/handler";
import { listOrganizations } from "@/lib/data/fleet/organizations";
import { organizationListQuery } from "@/lib/zod/list-queries";

export const dynamic = "force-dynamic";

export const GET = apiRoute(organizationListQuery, ({ access, query }) => listOrganizations(access, query));
