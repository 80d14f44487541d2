// A server's whole patch level from its build: which release it runs, whether the product is still supported,
// the latest update installed, how far behind it is and which CVEs are still open. Nothing is fixed here: every
// security update and CVE comes from the data, so a data update makes servers fall behind without a code change.
//
// "Security updates behind" is the number of security updates (SUs) shipped for the server's product that the
// build lacks, each judged by the four rules of judge.ts: SUs with a build for at least one release of the product,
// counted once however many re-releases (v2) they had, hotfix updates (HU) never counted. So a release that stopped
// receiving SUs keeps falling behind with every SU its product gets, SUs older than the release do not count (it
// includes them), and a product past its support gets no more SUs, so its count stops growing ("supported" says so).
import {
  cvesFor,
  hasUpdateData,
  isSupportedOn,
  kevEntry,
  productFacts,
  securityUpdatesFor,
  thresholdOf,
  updateBuilds,
  updatesFixing,
  updatesOnRelease,
} from "./catalog";
import { compareBuilds, type ParsedBuild } from "./build-number";
import type { ExchangeProduct, IsoDate, KevRow, ReleaseRow, UpdateRow } from "./data-types";
import { describeBuild, identifyRelease, type BuildIdentity } from "./identify";
import { judgeIdentified, type SecurityUpdateJudgement } from "./judge";

export interface InstalledUpdate {
  // The latest update on the release at or below the build: "Mar21SU", "Aug23SUv2", "Apr24HU".
  update: string;
  // That update's build (the highest across sources).
  build: string;
  // The security update it amounts to: the SU itself, the original of a re-release, the last SU before a
  // hotfix update (an HU contains the SUs before it); null when none.
  securityUpdate: string | null;
}

export interface OpenCve {
  cve: string;
  // The update that fixes it on this server: for a CVE listed under two updates, the later one the build lacks.
  fixedBy: string;
  fixedByReleased: IsoDate;
  install: string;
  // CISA's Known Exploited Vulnerabilities entry, when there is one.
  kev: KevRow | null;
}

export interface PatchLevel {
  build: string | null;
  // False when the build cannot tell the updates installed (three-part build of a release with updates, unknown
  // release, a product without update data): the counts are then lower bounds or absent, never a guess.
  determined: boolean;
  product: ExchangeProduct | null;
  release: string | null;
  releaseDate: IsoDate | null;
  extendedSupportEnds: IsoDate | null;
  // Extended support not ended on the day asked about; null for an unknown product.
  supported: boolean | null;
  installed: InstalledUpdate | null;
  // See the definition above; null when not determined.
  securityUpdatesBehind: number | null;
  // The SUs the build certainly lacks, oldest first (when not determined, the ones it lacks whatever it has).
  missingSecurityUpdates: { securityUpdate: string; released: IsoDate }[];
  // Certainly open CVEs, known-exploited (KEV) first, then by the fixing update's date.
  openCves: OpenCve[];
  // CVEs only a four-part build can decide.
  undeterminedCves: string[];
  reason: string;
}

export function patchLevel(build: string | null, today: Date): PatchLevel {
  const identity = identifyRelease(build);
  const { product, release } = identity;
  const facts = product ? productFacts(product) : null;
  const { label, unusable } = describeBuild(identity);
  const supported = product ? isSupportedOn(product, today) : null;
  const support = supported === false ? ` ${product}'s extended support ended on ${facts?.extendedSupportEnds}.` : "";
  const level: PatchLevel = {
    build: identity.build?.text ?? identity.text,
    determined: false,
    product,
    release: release?.name ?? null,
    releaseDate: release?.released ?? null,
    extendedSupportEnds: facts?.extendedSupportEnds ?? null,
    supported,
    installed: null,
    securityUpdatesBehind: null,
    missingSecurityUpdates: [],
    openCves: [],
    undeterminedCves: [],
    reason: "",
  };
  if (unusable || !product || !release || !identity.build) {
    return { ...level, reason: `${unusable}, so the patch level is unknown.${support}` };
  }
  if (!hasUpdateData(product)) {
    const why = `the update tables hold no security update data for ${product} (its fixes are update rollups)`;
    return { ...level, reason: `${label}: ${why}, so its patch level is not known from them.${support}` };
  }
  const judge = memoJudge(identity);
  const missing = securityUpdatesFor(product).filter((su) => judge(su).verdict === "vulnerable");
  const unsure = securityUpdatesFor(product).some((su) => judge(su).verdict === "undetermined");
  const installed = installedUpdate(release, identity.build);
  const { open, undetermined } = openCves(product, judge);
  // A three-part build tells the installed update only when every update of its release shares the base build.
  const canTellInstalled =
    identity.build.revision !== null ||
    updatesOnRelease(release).every((u) => thresholdOf(updateBuilds(release, u.name))?.text === release.baseBuild);
  const determined = !unsure && canTellInstalled;
  const result = {
    ...level,
    determined,
    installed: determined ? installed : null,
    securityUpdatesBehind: determined ? missing.length : null,
    missingSecurityUpdates: missing.map((su) => ({ securityUpdate: su.name, released: su.released })),
    openCves: open,
    undeterminedCves: undetermined,
  };
  return { ...result, reason: reasonFor(result, label) + support };
}

function memoJudge(identity: BuildIdentity): (update: UpdateRow) => SecurityUpdateJudgement {
  const cache = new Map<string, SecurityUpdateJudgement>();
  return (update) => {
    const known = cache.get(update.name) ?? judgeIdentified(identity, update);
    cache.set(update.name, known);
    return known;
  };
}

// The latest update whose build the server has reached. A three-part build reaches only updates that share the
// release's base build (the release shipped with them).
function installedUpdate(release: ReleaseRow, build: ParsedBuild): InstalledUpdate | null {
  const reached = updatesOnRelease(release)
    .map((update) => ({ update, threshold: thresholdOf(updateBuilds(release, update.name)) }))
    .filter(({ threshold }) => threshold && (threshold.text === release.baseBuild || (build.revision !== null && compareBuilds(build, threshold) >= 0)));
  reached.sort((a, b) => compareBuilds(a.threshold!, b.threshold!) || a.update.released.localeCompare(b.update.released));
  const latest = reached.at(-1);
  if (!latest) return null;
  const lastSu = reached.filter(({ update }) => update.kind === "SU").at(-1)?.update ?? null;
  return { update: latest.update.name, build: latest.threshold!.text, securityUpdate: lastSu ? (lastSu.reReleaseOf ?? lastSu.name) : null };
}

// A CVE is open when the build lacks any update that lists it for the product (Health Checker lists
// CVE-2023-21707 under Feb23SU and Mar23SU and reports it until Mar23SU), and undetermined when it lacks none
// for certain but cannot tell for one.
function openCves(product: ExchangeProduct, judge: (u: UpdateRow) => SecurityUpdateJudgement): { open: OpenCve[]; undetermined: string[] } {
  const open: OpenCve[] = [];
  const undetermined: string[] = [];
  for (const cve of cvesFor(product)) {
    const judged = updatesFixing(cve).filter((f) => f.products.includes(product)).map((f) => judge(f.update));
    const lacking = judged.filter((j) => j.verdict === "vulnerable").at(-1);
    if (lacking) {
      open.push({ cve, fixedBy: lacking.securityUpdate, fixedByReleased: lacking.securityUpdateReleased, install: lacking.install, kev: kevEntry(cve) });
    } else if (judged.some((j) => j.verdict === "undetermined")) undetermined.push(cve);
  }
  open.sort((a, b) => Number(b.kev !== null) - Number(a.kev !== null) || a.fixedByReleased.localeCompare(b.fixedByReleased) || a.cve.localeCompare(b.cve));
  return { open, undetermined };
}

function reasonFor(level: PatchLevel, label: string): string {
  const missing = level.missingSecurityUpdates;
  const count = (n: number) => `${n} security update${n === 1 ? "" : "s"}`;
  const oldest = missing[0] ? `, the oldest ${missing[0].securityUpdate} (${missing[0].released})` : "";
  if (!level.determined) {
    return `${label} has only three parts, which cannot tell which updates ${level.release} has, so the patch level is unknown` +
      (missing.length > 0 ? `; whatever it has, it lacks ${count(missing.length)} ${level.release} never received${oldest}.` : ".");
  }
  const installed = level.installed ? `has ${level.installed.update} (${level.installed.build})` : "has no update installed";
  if (missing.length === 0) return `${label} ${installed} and lacks no security update released for ${level.product}.`;
  return `${label} ${installed} and lacks ${count(missing.length)} released for ${level.product}${oldest}.`;
}
