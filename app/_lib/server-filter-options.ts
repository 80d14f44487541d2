import "server-only";
import { getAppSettings } from "@/lib/data/settings/app-settings";
import { knownExploitedCves } from "@/lib/domain/exchange";
import type { ServerListQuery } from "@/lib/zod/list-queries";

/** The servers table's filters as plain props: the query's values, CISA's known-exploited CVEs, the stale threshold. */
export async function serverFilterProps(query: ServerListQuery) {
  const { staleAfterDays } = await getAppSettings();
  return {
    behind: query.behind,
    cve: query.cve,
    notScannedDays: query.notScannedDays,
    hunt: query.hunt?.join(",") ?? "",
    staleAfterDays,
    cves: knownExploitedCves().map((k) => ({ cve: k.cve, name: k.name })),
  };
}
