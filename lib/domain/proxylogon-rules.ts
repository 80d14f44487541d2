// ProxyLogon's campaign rules, judged by the advisory table (lib/domain/advisories/proxylogon.ts) until the
// campaign files judge every emergency from the build table.
import { judgeBuild } from "./advisory";
import { PROXYLOGON } from "./advisories/proxylogon";
import type { BuildVerdict } from "./build-verdict";
import type { CampaignRules } from "./campaign-rules";

// A fleet runs a few hundred distinct builds at most, and a recompute judges them for every server and event
// day: judging each build once keeps imports cheap.
const MAX_CACHED_BUILDS = 10_000;
const verdicts = new Map<string | null, BuildVerdict>();

export const PROXYLOGON_RULES: CampaignRules = {
  id: "proxylogon",
  name: "ProxyLogon",
  cves: PROXYLOGON.cves,
  disclosed: PROXYLOGON.published,
  exploitedFrom: PROXYLOGON.exploitationBegan,
  lookBackFrom: "2020-09-01",
  mitigations: [{ id: "eomt", name: "EOMT mitigation" }],
  signals: {
    nmapScripts: [{ id: "http-vuln-cve2021-26855", cves: ["CVE-2021-26855"] }],
    nessusPlugins: [
      { id: "147003", cves: PROXYLOGON.cves },
      { id: "147024", cves: ["CVE-2021-26857"] },
    ],
    healthCheckerCves: PROXYLOGON.cves,
  },
  judgeBuild(build) {
    let verdict = verdicts.get(build);
    if (!verdict) {
      if (verdicts.size >= MAX_CACHED_BUILDS) verdicts.clear();
      verdicts.set(build, (verdict = judgeBuild(build, PROXYLOGON)));
    }
    return verdict;
  },
};
