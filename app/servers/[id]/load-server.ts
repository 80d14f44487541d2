import "server-only";
import { cache } from "react";
import { getServer } from "@/lib/data/fleet/server-detail";
import { requireAccess } from "@/app/_lib/access";
import { serverId } from "@/lib/zod/list-queries";

/** One server per request, shared by the layout (404 check), the metadata and the page. */
export const loadServer = cache(async (raw: string) => {
  const id = serverId(raw);
  return id === null ? null : getServer(await requireAccess(), id);
});
