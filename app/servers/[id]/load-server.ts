import "server-only";
import { cache } from "react";
import { getServer } from "@/lib/data/fleet/server-detail";
import { requireAccess } from "@/app/_lib/access";

/** One server per request, shared by the layout (404 check), the metadata and the page. */
export const loadServer = cache(async (raw: string) => {
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  return getServer(await requireAccess(), Number(raw));
});
