// One build against one update (an SU, or an HU that fixes a CVE), by the four rules of
// shared/reference/exchange/README.md ("Judging one build against one SU"):
//   1. the build's release has a build of the update: fixed at or above it (the highest across sources);
//   2. it has none and came out after the update: the release includes the fix;
//   3. it has none and came out before: it never got the fix, only a newer release does;
//   4. an unknown release, or a three-part build of a release of rule 1, cannot tell: undetermined, never fixed.
// Exchange 2010 has no update builds in the tables: its fixes are update rollups, which a caller (a campaign)
// passes as an UpdateRollupRule; without one a 2010 build is undetermined.
import { compareBuilds, mustParseBuild, type ParsedBuild } from "./build-number";
import { hasUpdateData, releasesOf, thresholdOf, updateBuilds, updateNamed } from "./catalog";
import type { ExchangeProduct, IsoDate, ReleaseRow, UpdateBuildRow, UpdateRow } from "./data-types";
import { describeBuild, identifyRelease, type BuildIdentity } from "./identify";

export type Verdict = "fixed" | "vulnerable" | "undetermined";

// Which rule decided: "update-build" (1), "release-includes" (2), "release-predates" (3), "rollup-rule" (the
// caller's Exchange 2010 rule), "cannot-tell" (4, or input that is not a known build).
export type JudgementBasis = "update-build" | "release-includes" | "release-predates" | "rollup-rule" | "cannot-tell";

export interface SourcedBuild {
  build: string;
  // Short label defined in the data's SOURCES, e.g. "CSS-Exchange".
  source: string;
}

export interface FixBuild {
  // The build to reach: the highest of the sources' values.
  build: string;
  sources: SourcedBuild[];
  sourcesDisagree: boolean;
}

// A fix a product got outside the per-CU update tables, as a caller's data gives it: Exchange 2010 SP3 Update
// Rollup 32 (14.3.513.0) for ProxyLogon's CVE-2021-26857.
export interface UpdateRollupRule {
  product: ExchangeProduct;
  // The release the rollup exists for ("SP3"); older releases must move to it first.
  release: string;
  build: string;
  // As shown: "Update Rollup 32 (KB5000978)".
  name: string;
  source: string;
}

export interface JudgeOptions {
  updateRollups?: readonly UpdateRollupRule[];
}

export interface SecurityUpdateJudgement {
  securityUpdate: string;
  securityUpdateReleased: IsoDate;
  verdict: Verdict;
  basis: JudgementBasis;
  // The build judged, normalised (15.01.2176.009 -> 15.1.2176.9); the input as given when it is not a build.
  build: string | null;
  product: ExchangeProduct | null;
  release: string | null;
  releaseDate: IsoDate | null;
  // The build that has the fix on this release (rule 1 or a rollup rule); null when the release has none.
  fixBuild: FixBuild | null;
  // What to install, in words.
  install: string;
  reason: string;
}

// Throws on an update name the data does not know: a campaign naming one is a defect in its data.
export function judgeSecurityUpdate(build: string | null, securityUpdate: string, options: JudgeOptions = {}): SecurityUpdateJudgement {
  const update = updateNamed(securityUpdate);
  if (!update) throw new Error(`Unknown update "${securityUpdate}": it is not in the Exchange data`);
  return judgeIdentified(identifyRelease(build), update, options);
}

export function judgeIdentified(identity: BuildIdentity, update: UpdateRow, options: JudgeOptions = {}): SecurityUpdateJudgement {
  const { build, product, release } = identity;
  const { label, unusable } = describeBuild(identity);
  const base = {
    securityUpdate: update.name,
    securityUpdateReleased: update.released,
    build: build?.text ?? identity.text,
    product,
    release: release?.name ?? null,
    releaseDate: release?.released ?? null,
    fixBuild: null,
  };
  const cannotTell = (reason: string, install: string): SecurityUpdateJudgement => ({
    ...base, verdict: "undetermined", basis: "cannot-tell", install, reason,
  });
  const rollup = options.updateRollups?.find((r) => r.product === product);
  if (build && release && rollup) return judgeRollup(build, release, rollup, base, label);
  if (unusable || !build || !product || !release) {
    return cannotTell(`${unusable}, so the patch level is unknown.`, FIND_BUILD);
  }
  if (!hasUpdateData(product)) {
    return cannotTell(
      `${label}: the update tables hold no data for ${product} (its fixes are update rollups), so ${update.name} cannot be judged from them.`,
      `Check ${product}'s update rollups against the campaign's guidance.`,
    );
  }
  const rows = updateBuilds(release, update.name);
  const threshold = thresholdOf(rows);
  if (threshold) {
    const fixBuild = fixBuildOf(rows, threshold);
    const judged = { ...base, fixBuild, basis: "update-build" as const };
    const forRelease = `${update.name} for ${release.name}`;
    const install = `Install ${update.name} for ${product} ${release.name} (build ${threshold.text} or later).`;
    const extra = disagreement(fixBuild);
    // A release that shipped with the update (2013 CU22 and Feb19SU share 15.0.1473.3) has it at any revision.
    if (threshold.text === release.baseBuild) {
      return { ...judged, verdict: "fixed", install: `${product} ${release.name} shipped with ${update.name}: nothing to install.`,
        reason: `${label}: ${release.name} shipped with ${update.name} (both are ${threshold.text}).${extra}` };
    }
    if (build.revision === null) {
      return { ...judged, verdict: "undetermined", basis: "cannot-tell",
        install: `${install} A scan that reports the four-part build tells whether it is installed.`,
        reason:
          `${label} has only three parts, which cannot tell ${release.name} from ${release.name} plus ${update.name} ` +
          `(${threshold.text}): the patch level is unknown.${extra}` };
    }
    if (compareBuilds(build, threshold) >= 0) {
      return { ...judged, verdict: "fixed", install: `${forRelease} is installed: nothing to install.`,
        reason: `${label} is at or above ${threshold.text}, ${forRelease}.${extra}` };
    }
    return { ...judged, verdict: "vulnerable", install, reason: `${label} is below ${threshold.text}, ${forRelease}.${extra}` };
  }
  const dates = `${release.name} came out on ${release.released}`;
  if (release.released > update.released) {
    return { ...base, verdict: "fixed", basis: "release-includes",
      install: `${product} ${release.name} includes ${update.name}: nothing to install.`,
      reason: `${label}: ${dates}, after ${update.name} (${update.released}), so it includes its fixes.` };
  }
  return { ...base, verdict: "vulnerable", basis: "release-predates", install: newerReleaseAdvice(product, release, update),
    reason: `${label}: ${dates}, before ${update.name} (${update.released}), and never received it.` };
}

const FIND_BUILD = "Run a scan that reports the full four-part build (Exchange Health Checker does) to get a verdict.";

function fixBuildOf(rows: readonly UpdateBuildRow[], threshold: ParsedBuild): FixBuild {
  const sources = rows.map((r) => ({ build: r.build, source: r.source }));
  return { build: threshold.text, sources, sourcesDisagree: new Set(sources.map((s) => s.build)).size > 1 };
}

// Says which source gave which build, so a verdict that rests on the higher one is explained.
function disagreement(fix: FixBuild): string {
  if (!fix.sourcesDisagree) return "";
  const bySource = new Map<string, string[]>();
  for (const s of fix.sources) bySource.set(s.build, [...(bySource.get(s.build) ?? []), s.source]);
  const listed = [...bySource].map(([build, sources]) => `${build} (${sources.join(", ")})`).join(" and ");
  return (
    ` Sources disagree on this update's build: ${listed}; the higher build, ${fix.build}, is used,` +
    " so a server is shown fixed only when every source agrees."
  );
}

// Rule 3's way out: a newer release that got the update, or one that came out after it and includes it.
function newerReleaseAdvice(product: ExchangeProduct, release: ReleaseRow, update: UpdateRow): string {
  const newer = releasesOf(product).filter((r) => compareBuilds(mustParseBuild(r.baseBuild), mustParseBuild(release.baseBuild)) > 0);
  const withUpdate = newer.filter((r) => updateBuilds(r, update.name).length > 0).at(-1);
  const including = newer.find((r) => r.released > update.released && updateBuilds(r, update.name).length === 0);
  const fix = withUpdate && thresholdOf(updateBuilds(withUpdate, update.name));
  const options = [
    withUpdate && `update to ${product} ${withUpdate.name} and install ${update.name} (build ${fix?.text} or later)`,
    including && `update to ${product} ${including.name} or later, which include it`,
  ].filter((o): o is string => Boolean(o));
  if (options.length === 0) return `No release of ${product} received ${update.name}: move to a product that did.`;
  const sentence = options.join(", or ");
  return `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
}

function judgeRollup(
  build: ParsedBuild,
  release: ReleaseRow,
  rule: UpdateRollupRule,
  base: Omit<SecurityUpdateJudgement, "verdict" | "basis" | "install" | "reason">,
  label: string,
): SecurityUpdateJudgement {
  const fixed = mustParseBuild(rule.build);
  const fixBuild = { build: fixed.text, sources: [{ build: rule.build, source: rule.source }], sourcesDisagree: false };
  const judged = { ...base, basis: "rollup-rule" as const, fixBuild };
  const install = `Install ${rule.name} for ${rule.product} ${rule.release} (build ${fixed.text} or later).`;
  if (release.name !== rule.release) {
    return { ...judged, fixBuild: null, verdict: "vulnerable", install: `Install ${rule.product} ${rule.release}, then ${rule.name}.`,
      reason: `${label}: ${rule.name} exists only for ${rule.release}.` };
  }
  // The third part is the rollup level here, so a three-part build decides unless it is the fixed rollup's
  // own level and the fix needs a revision above 0.
  if (build.revision === null && build.build === fixed.build && (fixed.revision ?? 0) > 0) {
    return { ...judged, verdict: "undetermined", basis: "cannot-tell", install,
      reason: `${label} has only three parts, which cannot tell whether it reaches ${fixed.text}.` };
  }
  if (compareBuilds(build, fixed) >= 0) {
    return { ...judged, verdict: "fixed", install: `${rule.name} is installed: nothing to install.`,
      reason: `${label} is at or above ${fixed.text}, ${rule.name} for ${rule.release}.` };
  }
  return { ...judged, verdict: "vulnerable", install, reason: `${label} is below ${fixed.text}, ${rule.name} for ${rule.release}.` };
}
