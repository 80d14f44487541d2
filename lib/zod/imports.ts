import { z } from "zod";

// The imports list and one import's servers, for the API and the pages (which keep the page in the URL).
const page = z.coerce.number().int().min(1).max(1_000_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(25);

export const importListQuery = z.object({ page, pageSize });
export type ImportListQuery = z.infer<typeof importListQuery>;

/** `GET /api/v1/imports/ID`: the page of the servers it touched. */
export const importServersQuery = z.object({ page, pageSize });
export type ImportServersQuery = z.infer<typeof importServersQuery>;

/** An import's id in a path: digits only, so "12abc" is a 404 like any missing import. */
export function importId(raw: string | undefined): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw ?? "")) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}
