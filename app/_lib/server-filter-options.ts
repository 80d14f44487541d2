import { knownExploitedCves } from "@/lib/domain/exchange";

/** The "Open CVE" filter's choices: CISA's known-exploited Exchange CVEs, as plain objects for the client. */
export function openCveOptions(): { cve: string; name: string }[] {
  return knownExploitedCves().map((k) => ({ cve: k.cve, name: k.name }));
}
