// A tool's own verdict, as stored (what the tool said about every CVE it knows), read for one campaign: Health
// Checker lists every CVE it knows for a build, so its verdict for a campaign is whether it lists one of that
// campaign's; nmap's probe names the CVE it tested; Nessus's plugins name the updates they found missing.
import type { CampaignRules } from "./campaign-rules";

export interface StoredToolVerdict {
  /** "health-checker", "nessus", "nmap" */
  tool: string;
  vulnerable: boolean | "unknown";
  cves: string[];
}

export interface CampaignToolVerdict {
  vulnerable: boolean | "unknown";
  /** the campaign's CVEs the tool named */
  cves: string[];
}

const ofCampaign = (cves: readonly string[], listed: readonly string[]) => cves.filter((c) => listed.includes(c.toUpperCase()));

/** The tool's verdict for this campaign, or null when the tool said nothing about it. */
export function toolVerdictFor(stored: StoredToolVerdict, signals: readonly string[], campaign: CampaignRules): CampaignToolVerdict | null {
  const listed = stored.cves.map((c) => c.toUpperCase());
  if (stored.tool === "health-checker") {
    if (stored.vulnerable === "unknown") return { vulnerable: "unknown", cves: [] };
    const named = ofCampaign(campaign.signals.healthCheckerCves.length ? campaign.signals.healthCheckerCves : campaign.cves, listed);
    // Health Checker knew the build: a campaign's CVEs missing from its list are CVEs it found fixed.
    return { vulnerable: stored.vulnerable && named.length > 0, cves: named };
  }
  const probes = stored.tool === "nmap" ? campaign.signals.nmapScripts : campaign.signals.nessusPlugins;
  const firedHere = probes.filter((p) => signals.includes(p.id));
  if (firedHere.length > 0) return { vulnerable: true, cves: [...new Set(firedHere.flatMap((p) => p.cves))] };
  // A probe names the CVEs it tested; so did verdicts stored before signals were kept. A Nessus row's CVE column
  // alone does not: an "unsupported version" finding may list any.
  const named = ofCampaign(campaign.cves, listed);
  if (stored.vulnerable === true && named.length > 0 && (stored.tool === "nmap" || signals.length === 0)) return { vulnerable: true, cves: named };
  // nmap's script can say NOT VULNERABLE; Nessus lists findings, not the checks that passed.
  if (stored.tool === "nmap" && stored.vulnerable === false && probes.length > 0) return { vulnerable: false, cves: [] };
  return null;
}
