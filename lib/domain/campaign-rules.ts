// What the status engine needs to know about one emergency (a campaign): how to judge a build against its fixes,
// which stopgaps count and until when, and which tools' signals speak to it. Built from a campaign's data file
// (campaigns.ts); the engine (status.ts) reads a server's stored facts through it, so one set of facts is judged
// for every campaign, and a campaign added later is judged from the same facts.
import type { BuildVerdict } from "./build-verdict";
import type { PatchEvidence, ScanFacts } from "./facts";

export interface MitigationRule {
  /** as recorded on a scan's mitigation field: "eomt" */
  id: string;
  /** for people: "EOMT / IIS URL Rewrite rule" */
  name: string;
  /** from this day (YYYY-MM-DD) on, a known exploit gets past the stopgap, so it no longer counts */
  bypassedFrom?: string;
  /** what gets past it, for the reason: "OWASSRF (CVE-2022-41080)" */
  bypassedBy?: string;
}

export interface ToolSignal {
  /** an nmap script id or a Nessus plugin id */
  id: string;
  cves: string[];
}

export interface CampaignSignals {
  nmapScripts: ToolSignal[];
  nessusPlugins: ToolSignal[];
  /** the CVE names whose presence in Health Checker's Vulnerabilities list is the tool's verdict for this campaign */
  healthCheckerCves: string[];
}

export interface CampaignRules {
  id: string;
  name: string;
  cves: readonly string[];
  /** YYYY-MM-DD: when the emergency became public; a server's status for it counts from then */
  disclosed: string;
  /** YYYY-MM-DD: the earliest known exploitation */
  exploitedFrom: string;
  /** YYYY-MM-DD: how far back a compromise check should look */
  lookBackFrom: string;
  mitigations: readonly MitigationRule[];
  signals: CampaignSignals;
  judgeBuild(build: string | null): BuildVerdict;
  /** YYYY-MM-DD: the day the first fix was released (from the build table); exploited before it, a zero-day */
  fixReleased?: string | null;
  /** the compromise checks (ids such as "test-proxylogon") whose clean runs count as a hunt for it */
  compromiseChecks?: readonly string[];
  /** a server first seen on this build was never exposed: patched on a CU released after the fix, or not affected */
  safeFromStart?(build: string | null): boolean;
}

const intersects = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).some((x) => b.includes(x));

// A tool whose silence means something for this campaign: nmap when the campaign has an nmap script, Nessus when
// it has plugins. Another campaign's scanner saying nothing says nothing about this one.
function listensTo(scan: ScanFacts, rules: CampaignRules): boolean {
  if (scan.source === "nmap") return rules.signals.nmapScripts.length > 0;
  if (scan.source === "nessus") return rules.signals.nessusPlugins.length > 0;
  return false;
}

const mappedTool = (scan: ScanFacts) => scan.source === "nmap" || scan.source === "nessus";

/**
 * How this campaign reads a scan: a tool's check that fired counts for the campaign that names it (an nmap script
 * that reported VULNERABLE is a live probe; a Nessus plugin, a version check), a tool's silence counts only for a
 * campaign that listens to that tool, and a build counts for every campaign.
 */
export function campaignEvidence(scan: ScanFacts, rules: CampaignRules): PatchEvidence {
  const evidence = scan.patchEvidence ?? "build";
  if (evidence === "offline" || evidence === "not-checked") return evidence;
  const hasBuild = (scan.build?.trim() ?? "") !== "";
  const fired = scan.signals ?? [];
  if (intersects(fired, rules.signals.nmapScripts.map((s) => s.id))) return "exploitable";
  if (intersects(fired, rules.signals.nessusPlugins.map((s) => s.id))) return "vulnerable";
  if (evidence === "vulnerable" || evidence === "exploitable") {
    // Named by CVE only (or by nothing: a scan stored before signals were kept, taken for every campaign that
    // listens to its tool, or every campaign when its tool is none of those).
    const named = (scan.cves?.length ?? 0) > 0;
    if (named ? intersects(scan.cves, rules.cves) : fired.length === 0 && (listensTo(scan, rules) || !mappedTool(scan))) return evidence;
  }
  if (hasBuild) return evidence === "not-determined" && listensTo(scan, rules) ? "not-determined" : "build";
  return listensTo(scan, rules) ? "not-determined" : "not-checked";
}

/** The mitigation rule a scan recorded, when it is one of this campaign's. */
export function campaignMitigation(scan: ScanFacts, rules: CampaignRules): MitigationRule | null {
  const id = scan.mitigation?.trim().toLowerCase();
  return id ? (rules.mitigations.find((m) => m.id === id) ?? null) : null;
}

/** A scan as this campaign reads it. */
export function readFor(scan: ScanFacts, rules: CampaignRules): ScanFacts {
  const patchEvidence = campaignEvidence(scan, rules);
  const mitigation = campaignMitigation(scan, rules)?.id ?? null;
  return patchEvidence === scan.patchEvidence && mitigation === scan.mitigation ? scan : { ...scan, patchEvidence, mitigation };
}
