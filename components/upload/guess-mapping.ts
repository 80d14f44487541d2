import type { CanonicalField } from "./unmapped-header";

// Header words that obviously name a field; a header equal to one beats a header merely containing one.
const KEYWORDS: Record<CanonicalField, string[]> = {
  hostname: ["hostname", "host", "server", "servername", "computer", "computername", "machine", "machinename", "fqdn"],
  exchange_build: ["exchangebuild", "build", "version", "exchangeversion", "buildnumber"],
  organization: ["organization", "organisation", "org", "client", "customer", "company", "tenant"],
  ip_address: ["ipaddress", "ip", "address"],
  scanned_at: ["scannedat", "date", "checked", "scanned", "time", "timestamp", "lastchecked", "scandate", "scantime"],
  indicators: ["indicators", "indicator", "ioc", "iocs"],
  mitigation: ["mitigation", "mitigations"],
};

const words = (header: string) =>
  header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function score(field: CanonicalField, header: string): number {
  const keywords = KEYWORDS[field];
  if (keywords.includes(header.toLowerCase().replace(/[^a-z0-9]/g, ""))) return 2;
  return words(header).some((w) => keywords.includes(w)) ? 1 : 0;
}

/** A first guess at which column holds each field, each column used at most once; the user corrects it. */
export function guessColumns(header: string[], fields: CanonicalField[]): Partial<Record<CanonicalField, string>> {
  const candidates = fields.flatMap((field, f) => header.map((column, c) => ({ field, column, s: score(field, column), f, c }))).filter((x) => x.s > 0);
  candidates.sort((a, b) => b.s - a.s || a.f - b.f || a.c - b.c);
  const guess: Partial<Record<CanonicalField, string>> = {};
  const used = new Set<string>();
  for (const { field, column } of candidates) {
    if (guess[field] !== undefined || used.has(column)) continue;
    guess[field] = column;
    used.add(column);
  }
  return guess;
}
