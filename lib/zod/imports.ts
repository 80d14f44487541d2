import { z } from "zod";

// The imports list and one import's servers, for the API and the pages (which keep the page in the URL).
const page = z.coerce.number().int().min(1).max(1_000_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(25);

export const importListQuery = z.object({ page, pageSize });
export type ImportListQuery = z.infer<typeof importListQuery>;

/** `GET /api/v1/imports/ID`: the page of the servers it touched. */
export const importServersQuery = z.object({ page, pageSize });
export type ImportServersQuery = z.infer<typeof importServersQuery>;

/** `GET /api/v1/imports/jobs`: a page of import jobs, continuing after a cursor. */
export const importJobsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(25).describe("jobs per page"),
  after: z.string().max(200).optional().describe("the `next` cursor of the previous page"),
});
export type ImportJobsQuery = z.infer<typeof importJobsQuery>;

/** An import job's id in a path (a UUID, lower case); anything else is not a job. */
export function importJobId(raw: string | undefined): string | null {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(raw ?? "") ? raw! : null;
}

/** An import's id in a path: digits only, so "12abc" is a 404 like any missing import. */
export function importId(raw: string | undefined): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw ?? "")) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}
