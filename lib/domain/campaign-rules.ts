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
}

const intersects = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).some((x) => b.includes(x));

function signalIds(rules: CampaignRules): string[] {
  return [...rules.signals.nmapScripts, ...rules.signals.nessusPlugins].map((s) => s.id);
}

// A tool whose silence means something for this campaign: nmap when the campaign has an nmap script, Nessus when
// it has plugins. Another campaign's scanner saying nothing says nothing about this one.
function listensTo(scan: ScanFacts, rules: CampaignRules): boolean {
  if (scan.source === "nmap") return rules.signals.nmapScripts.length > 0;
  if (scan.source === "nessus") return rules.signals.nessusPlugins.length > 0;
  return false;
}

const mappedTool = (scan: ScanFacts) => scan.source === "nmap" || scan.source === "nessus";

/** How this campaign reads a scan: a tool's finding counts only for the campaign whose CVEs or signals it names. */
export function campaignEvidence(scan: ScanFacts, rules: CampaignRules): PatchEvidence {
  const evidence = scan.patchEvidence ?? "build";
  const hasBuild = (scan.build?.trim() ?? "") !== "";
  if (evidence === "vulnerable" || evidence === "exploitable") {
    // A finding that names neither a CVE nor a check (a file written before signals were kept) is taken, to be
    // safe, for every campaign that listens to its tool, or every campaign when its tool is none of those.
    const named = (scan.cves?.length ?? 0) + (scan.signals?.length ?? 0) > 0;
    const speaks = named ? intersects(scan.cves, rules.cves) || intersects(scan.signals, signalIds(rules)) : listensTo(scan, rules) || !mappedTool(scan);
    if (speaks) return evidence;
    if (listensTo(scan, rules)) return "not-determined";
    return hasBuild ? "build" : "not-checked";
  }
  if (evidence === "not-determined") {
    if (listensTo(scan, rules)) return evidence;
    return hasBuild ? "build" : "not-checked";
  }
  return evidence;
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
