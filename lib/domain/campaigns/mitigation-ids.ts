// The stopgaps a scan can record (the canonical CSV's mitigation column): every built-in campaign's mitigation
// ids, read from the campaign files themselves, and the older spellings people use for them. Kept apart from
// built-in.ts, which also checks and builds the campaigns, so that the CSV parser's hot path stays light.
import cve20200688 from "./data/cve-2020-0688.json";
import cve202142321 from "./data/cve-2021-42321.json";
import proxylogon from "./data/proxylogon.json";
import proxynotshell from "./data/proxynotshell.json";
import proxyshell from "./data/proxyshell.json";

const FILES: { mitigations?: { id: string }[] }[] = [cve20200688, proxylogon, proxyshell, cve202142321, proxynotshell];

// "url-rewrite" is what EOMT applies, and what some scripts call it.
const ALIASES: Record<string, string> = { "url-rewrite": "eomt" };

export const MITIGATION_IDS: ReadonlySet<string> = new Set(FILES.flatMap((f) => (f.mitigations ?? []).map((m) => m.id)));

/** A recorded mitigation's id, lower-cased and with aliases resolved; null for one no campaign knows. */
export function mitigationId(text: string): string | null {
  const id = text.trim().toLowerCase();
  const resolved = ALIASES[id] ?? id;
  return MITIGATION_IDS.has(resolved) ? resolved : null;
}
