import "server-only";
import { cache } from "react";
import { requireAccess } from "@/app/_lib/access";
import { getImport } from "@/lib/data/imports/import-list";
import { importId } from "@/lib/zod/imports";

/** One import per request, shared by the layout (404 check), the metadata and the page. */
export const loadImport = cache(async (raw: string) => {
  const id = importId(raw);
  return id === null ? null : getImport(await requireAccess(), id);
});
