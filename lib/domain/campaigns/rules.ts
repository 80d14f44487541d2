// A campaign's data turned into the rules the status engine applies: a build is patched against a campaign when
// it has every security update that fixes the campaign's CVEs for its product (judged by the build table's four
// rules), unpatched when it lacks one, and unknown when the build cannot tell.
import type { BuildVerdict } from "../build-verdict";
import type { CampaignRules } from "../campaign-rules";
import { cvesFixedBy, identifyRelease, judgeSecurityUpdate, type ExchangeProduct, type SecurityUpdateJudgement, type UpdateRollupRule } from "../exchange";
import { hasUpdateData, updateNamed } from "../exchange/catalog";
import type { CampaignDefinition } from "./definition";

export interface CampaignBuildJudgement extends BuildVerdict {
  /** one judgement per security update the campaign needs on this product */
  updates: SecurityUpdateJudgement[];
  /** what to install, in words; null when nothing is needed or the build says too little */
  install: string | null;
}

export interface Campaign extends CampaignRules {
  definition: CampaignDefinition;
  judgeBuildInDetail(build: string | null): CampaignBuildJudgement;
}

// A fleet runs a few hundred distinct builds at most, and a recompute judges them for every server and event day.
const MAX_CACHED_BUILDS = 10_000;

function rollupsOf(def: CampaignDefinition): UpdateRollupRule[] {
  return def.updateRollups.map((r) => ({ product: r.product, release: r.release, build: r.build, name: r.name, source: r.source }));
}

// The fixes this product needs: those whose CVEs the build table lists as fixed for it. A product without update
// data (Exchange 2010) needs every fix, judged by the campaign's update rollups or undetermined without one.
function fixesFor(def: CampaignDefinition, product: ExchangeProduct) {
  if (!hasUpdateData(product)) return def.fixes;
  return def.fixes.filter((f) => {
    const fixedHere = cvesFixedBy(f.securityUpdate, product);
    return f.cves.some((cve) => fixedHere.includes(cve));
  });
}

const label = (f: CampaignDefinition["fixes"][number]) => (f.kb ? `${f.securityUpdate} (${f.kb})` : f.securityUpdate);

function judge(def: CampaignDefinition, build: string | null): CampaignBuildJudgement {
  const identity = identifyRelease(build);
  const product = identity.product;
  const release = identity.release?.name ?? null;
  const base = { product, cumulativeUpdate: release };
  if (product !== null) {
    const unaffected = def.unaffected.find((u) => u.product === product);
    if (unaffected) {
      return { ...base, status: "patched", updates: [], install: null, reason: `${product} is not affected by ${def.name} (${unaffected.source}).` };
    }
  }
  const fixes = product === null ? def.fixes : fixesFor(def, product);
  if (fixes.length === 0) {
    return { ...base, status: "patched", updates: [], install: null, reason: `${product} is not affected by ${def.name}: no update for it fixes ${def.cves.join(", ")}.` };
  }
  const rollups = rollupsOf(def);
  const updates = fixes.map((f) => judgeSecurityUpdate(build, f.securityUpdate, { updateRollups: rollups }));
  const status = updates.some((u) => u.verdict === "vulnerable") ? "unpatched" : updates.every((u) => u.verdict === "fixed") ? "patched" : "unknown";
  const named = (u: SecurityUpdateJudgement, i: number) => u.reason.replace(u.securityUpdate, label(fixes[i]));
  const lines = updates.map((u, i) => (updates.length === 1 ? named(u, i) : `${label(fixes[i])}: ${named(u, i)}`));
  // The update is named with its KB article where the campaign gives one: that is what admins search for.
  const install = status === "patched" ? null : [...new Set(updates.flatMap((u, i) => (u.verdict === "fixed" ? [] : [u.install.replace(u.securityUpdate, label(fixes[i]))])))].join(" ");
  const verdict = status === "patched" ? "Patched against" : status === "unpatched" ? "Unpatched against" : "Cannot tell whether patched against";
  return { ...base, status, updates, install, reason: `${verdict} ${def.name}: ${lines.join(" ")}` };
}

export function campaignFromDefinition(def: CampaignDefinition): Campaign {
  const cache = new Map<string | null, CampaignBuildJudgement>();
  const judgeBuildInDetail = (build: string | null): CampaignBuildJudgement => {
    let found = cache.get(build);
    if (!found) {
      if (cache.size >= MAX_CACHED_BUILDS) cache.clear();
      cache.set(build, (found = judge(def, build)));
    }
    return found;
  };
  const fixReleased = def.fixes.map((f) => updateNamed(f.securityUpdate)?.released ?? null).reduce<string | null>((a, b) => (a === null || (b !== null && b < a) ? b : a), null);
  const safeFromStart = (build: string | null): boolean => {
    const j = judgeBuildInDetail(build);
    if (j.status !== "patched") return false;
    if (j.updates.length === 0) return true;
    const released = identifyRelease(build).release?.released;
    return fixReleased !== null && released !== undefined && released > fixReleased;
  };
  return {
    id: def.id,
    name: def.name,
    cves: def.cves,
    disclosed: def.disclosed,
    exploitedFrom: def.exploitedFrom,
    lookBackFrom: def.lookBackFrom,
    mitigations: def.mitigations,
    signals: def.signals,
    definition: def,
    judgeBuildInDetail,
    judgeBuild: judgeBuildInDetail,
    fixReleased,
    compromiseChecks: def.compromiseChecks.map((c) => c.id),
    safeFromStart,
  };
}
