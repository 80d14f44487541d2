import { apiRoute } from "@/lib/api/handler";
import { listImports } from "@/lib/data/imports/import-list";
import { importListQuery } from "@/lib/zod/imports";

export const dynamic = "force-dynamic";

// Recent imports the caller may see, newest first: who, when, which file, what it did.
export const GET = apiRoute(importListQuery, async ({ access, query }) => listImports(access, query));
