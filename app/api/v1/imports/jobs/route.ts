import { apiRoute } from "@/lib/api/handler";
import { listImportJobs } from "@/lib/data/imports/import-jobs";
import { importJobsQuery } from "@/lib/zod/imports";

export const dynamic = "force-dynamic";

// Recent import jobs (uploads imported in the background) the caller may see, newest first, a page at a time.
export const GET = apiRoute(importJobsQuery, async ({ access, query }) => listImportJobs(access, query));
