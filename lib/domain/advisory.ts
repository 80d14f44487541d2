// An advisory as data, and a generic engine that judges a build against it. Nothing here is specific to
// ProxyLogon: a later advisory is another data file under lib/domain/advisories/.
import {
  compareBuilds,
  cumulativeUpdateNamed,
  identifyBuild,
  parseBuild,
  type ParsedBuild,
} from "./exchange-builds";
import type { ExchangeProduct } from "./exchange-cumulative-updates";

import type { BuildVerdict } from "./build-verdict";

export type { BuildVerdict };

// One source's value for a fixed build. Sources can disagree; every value is kept so the verdict can say so.
export interface SourcedBuild {
  build: string;
  // Short label shown in verdict text, e.g. "CSS-Exchange".
  source: string;
}

// A CU that received the advisory's security update: patched at or above the highest of fixedBuilds.
export interface SecurityUpdateRow {
  product: ExchangeProduct;
  cumulativeUpdate: string;
  fixedBuilds: SourcedBuild[];
}

// CUs released with the fix: this CU and every later CU of the product are patched at their base build.
export interface FixedFromCumulativeUpdate {
  product: ExchangeProduct;
  from: string;
  source: string;
}

// A product fixed by a service-pack-level update (Exchange 2010 update rollups) rather than per-CU SUs.
export interface ServicePackRule {
  product: ExchangeProduct;
  servicePack: string;
  fixedBuild: string;
  updateName: string;
  kb: string;
  cves: string[];
  // Appended to every verdict for the product, e.g. which CVEs apply to it.
  note: string;
  source: string;
}

export interface AdvisorySource {
  label: string;
  reference: string;
}

export interface Advisory {
  id: string;
  title: string;
  // YYYY-MM-DD
  published: string;
  // YYYY-MM-DD: the earliest known exploitation, the start of the period to search for indicators.
  exploitationBegan: string;
  cves: string[];
  kbArticles: { kb: string; appliesTo: string }[];
  // The per-CU security update, as named in verdict text: "the March 2021 security update", "KB5000871".
  securityUpdate: { name: string; kb: string };
  securityUpdates: SecurityUpdateRow[];
  fixedFrom: FixedFromCumulativeUpdate[];
  servicePackRules: ServicePackRule[];
  sources: AdvisorySource[];
}

function verdict(
  status: BuildVerdict["status"],
  product: string | null,
  cumulativeUpdate: string | null,
  reason: string,
): BuildVerdict {
  return { status, product, cumulativeUpdate, reason };
}

function parseFixed(text: string): ParsedBuild {
  const parsed = parseBuild(text);
  if (!parsed || parsed.revision === null) throw new Error(`Invalid fixed build in advisory data: ${text}`);
  return parsed;
}

// Sources disagreeing is resolved by taking the highest build: shown patched only when every source agrees.
export function highestFixedBuild(row: SecurityUpdateRow): ParsedBuild {
  return row.fixedBuilds.map((f) => parseFixed(f.build)).reduce((a, b) => (compareBuilds(a, b) >= 0 ? a : b));
}

function disagreementSentence(row: SecurityUpdateRow, highest: ParsedBuild): string {
  const bySource = new Map<string, string[]>();
  for (const f of row.fixedBuilds) {
    const text = parseFixed(f.build).text;
    bySource.set(text, [...(bySource.get(text) ?? []), f.source]);
  }
  if (bySource.size < 2) return "";
  const listed = [...bySource].map(([build, sources]) => `${build} (${sources.join(", ")})`).join(" and ");
  return (
    ` Sources disagree on this security update's build: ${listed}; the higher build, ${highest.text}, is used,` +
    " so a server is shown patched only when every source agrees."
  );
}

function judgeSecurityUpdate(b: ParsedBuild, label: string, row: SecurityUpdateRow, advisory: Advisory): BuildVerdict {
  const cu = row.cumulativeUpdate;
  const { name, kb } = advisory.securityUpdate;
  const highest = highestFixedBuild(row);
  if (b.revision === null) {
    return verdict("unknown", row.product, cu,
      `${label}, build ${b.text} has only three parts, which cannot tell ${cu} from ${cu} plus ${name} ` +
      `(${highest.text}): the patch level is unknown.`);
  }
  const extra = disagreementSentence(row, highest);
  if (compareBuilds(b, highest) >= 0) {
    return verdict("patched", row.product, cu,
      `${label}, build ${b.text} is at or above ${highest.text}, ${name} for ${cu} (${kb}).${extra}`);
  }
  return verdict("unpatched", row.product, cu,
    `${label}, build ${b.text} is below ${highest.text}, ${name} for ${cu}: install ${kb}.${extra}`);
}

function judgeServicePack(b: ParsedBuild, servicePack: string | null, rule: ServicePackRule): BuildVerdict {
  const label = servicePack ? `${rule.product} ${servicePack}` : rule.product;
  const fixed = parseFixed(rule.fixedBuild);
  const update = `${rule.updateName} (${rule.kb})`;
  if (servicePack !== rule.servicePack) {
    return verdict("unpatched", rule.product, servicePack,
      `${label}, build ${b.text}: ${update} exists only for ${rule.servicePack}: install ${rule.product} ` +
      `${rule.servicePack}, then ${update}. ${rule.note}`);
  }
  // Here the third part is the update rollup level, so a three-part build is still decidable unless it
  // equals the fixed rollup and the fixed build needs a revision above 0.
  const samePrefix = b.build === fixed.build;
  if (b.revision === null && samePrefix && (fixed.revision ?? 0) > 0) {
    return verdict("unknown", rule.product, servicePack,
      `${label}, build ${b.text} has only three parts, which cannot tell whether it reaches ${fixed.text}. ${rule.note}`);
  }
  if (compareBuilds(b, fixed) >= 0) {
    return verdict("patched", rule.product, servicePack,
      `${label}, build ${b.text} is at or above ${fixed.text}, ${rule.updateName} for ${servicePack} (${rule.kb}). ${rule.note}`);
  }
  return verdict("unpatched", rule.product, servicePack,
    `${label}, build ${b.text} is below ${fixed.text}, ${rule.updateName} for ${servicePack}: install ${update}. ${rule.note}`);
}

function isFixedFrom(b: ParsedBuild, product: ExchangeProduct, advisory: Advisory): FixedFromCumulativeUpdate | null {
  const rule = advisory.fixedFrom.find((r) => r.product === product);
  const from = rule && cumulativeUpdateNamed(product, rule.from);
  if (!rule || !from) return null;
  const fromBase = parseFixed(from.baseBuild);
  return b.build >= fromBase.build ? rule : null;
}

export function judgeBuild(build: string | null, advisory: Advisory): BuildVerdict {
  const raw = build?.trim() ?? "";
  if (raw === "") return verdict("unknown", null, null, "No build number was reported, so the patch level is unknown.");
  const b = parseBuild(raw);
  if (!b) {
    return verdict("unknown", null, null,
      `"${raw}" is not a valid Exchange build number (expected four numbers, such as 15.1.2176.9), so the patch level is unknown.`);
  }
  const { product, cumulativeUpdate } = identifyBuild(b);
  if (!product) {
    return verdict("unknown", null, null,
      `Unknown build ${b.text}: not a known Exchange Server version, so it is never shown as patched.`);
  }
  const spRule = advisory.servicePackRules.find((r) => r.product === product);
  if (spRule) return judgeServicePack(b, cumulativeUpdate, spRule);

  if (!cumulativeUpdate) {
    return verdict("unknown", product, null,
      `${product}, build ${b.text}: unknown build, its third part (${b.build}) matches no known cumulative update, ` +
      "so it is never shown as patched.");
  }
  const label = `${product} ${cumulativeUpdate}`;
  const { name, kb } = advisory.securityUpdate;
  const fixedFrom = isFixedFrom(b, product, advisory);
  if (fixedFrom) {
    // The CU alone decides, so even a three-part build is enough here.
    return verdict("patched", product, cumulativeUpdate,
      `${label}, build ${b.text}: ${product} ${fixedFrom.from} and later cumulative updates include the fixes of ${name} (${kb}).`);
  }
  const row = advisory.securityUpdates.find((r) => r.product === product && r.cumulativeUpdate === cumulativeUpdate);
  if (row) return judgeSecurityUpdate(b, label, row, advisory);

  const covered =
    advisory.securityUpdates.some((r) => r.product === product) || advisory.fixedFrom.some((r) => r.product === product);
  if (!covered) {
    return verdict("unknown", product, cumulativeUpdate, `${label}, build ${b.text}: this advisory has no data for ${product}.`);
  }
  // A known CU with neither a security update nor the fix built in (older ones, or a gap between them).
  return verdict("unpatched", product, cumulativeUpdate,
    `${label}, build ${b.text}: no security update exists for this CU: update to a supported CU, then install ${kb}.`);
}
