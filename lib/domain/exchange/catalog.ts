// Look-ups over the generated Exchange data: which product and release a build is, which builds of an update a
// release got, when an update came out, what it fixes, and what CISA's catalog says of a CVE. Every fact comes
// from exchange-data.generated.ts; nothing here knows a build number, a date or a product prefix by itself.
import { compareBuilds, mustParseBuild, type ParsedBuild } from "./build-number";
import type { ExchangeProduct, IsoDate, KevRow, ProductRow, ReleaseRow, UpdateBuildRow, UpdateRow } from "./data-types";
import { CVE_FIXES, KEV, PRODUCTS, RELEASES, UPDATE_BUILDS, UPDATES } from "./exchange-data.generated";

// The most specific prefix first, so a 15.2 build from 2562 on is Exchange SE before it can be Exchange 2019.
const PRODUCTS_BY_SPECIFICITY = [...PRODUCTS].sort((a, b) => (b.minBuild ?? -1) - (a.minBuild ?? -1));

export function productOf(b: ParsedBuild): ExchangeProduct | null {
  const found = PRODUCTS_BY_SPECIFICITY.find(
    (p) => p.major === b.major && (p.minor === null || p.minor === b.minor) && (p.minBuild === null || b.build >= p.minBuild),
  );
  return found?.product ?? null;
}

export function productFacts(product: ExchangeProduct): ProductRow | null {
  return PRODUCTS.find((p) => p.product === product) ?? null;
}

export function utcDay(day: Date): IsoDate {
  return day.toISOString().slice(0, 10);
}

// Supported on `day` while extended support has not ended: the end date is the last supported day.
export function isSupportedOn(product: ExchangeProduct, day: Date): boolean | null {
  const facts = productFacts(product);
  return facts ? utcDay(day) <= facts.extendedSupportEnds : null;
}

// A product whose prefix leaves the minor open (Exchange 2010, any 14.x) tells its releases apart by the second
// part, since its third part is the update rollup level; every other product by the third part. So a
// three-part build is enough to know the release, never the updates installed on it.
function sameRelease(product: ExchangeProduct, b: ParsedBuild, base: ParsedBuild): boolean {
  const byMinor = productFacts(product)?.minor === null;
  return b.major === base.major && b.minor === base.minor && (byMinor || b.build === base.build);
}

const RELEASE_BASES = RELEASES.map((release) => ({ release, base: mustParseBuild(release.baseBuild) }));

export function releaseOf(b: ParsedBuild): ReleaseRow | null {
  const product = productOf(b);
  if (!product) return null;
  return RELEASE_BASES.find(({ release, base }) => release.product === product && sameRelease(product, b, base))?.release ?? null;
}

// A product's releases, oldest build first.
export function releasesOf(product: ExchangeProduct): ReleaseRow[] {
  return RELEASES.filter((r) => r.product === product);
}

export function updateNamed(name: string): UpdateRow | null {
  return UPDATES.find((u) => u.name === name) ?? null;
}

// The rows for an update on one release, one per source. An original SU falls back to its re-release's rows
// for a release that only got the re-release; a re-release ("Aug23SUv2") is looked up by its own name.
export function updateBuilds(release: ReleaseRow, update: string): UpdateBuildRow[] {
  const onRelease = UPDATE_BUILDS.filter((u) => u.product === release.product && u.release === release.name);
  const exact = onRelease.filter((u) => u.update === update);
  if (exact.length > 0) return exact;
  const reReleases = new Set(UPDATES.filter((u) => u.reReleaseOf === update).map((u) => u.name));
  return onRelease.filter((u) => reReleases.has(u.update));
}

// The build that has the update on this release: the highest across sources, so a server is shown fixed only
// when every source agrees.
export function thresholdOf(rows: readonly UpdateBuildRow[]): ParsedBuild | null {
  const builds = rows.map((r) => mustParseBuild(r.build));
  return builds.length === 0 ? null : builds.reduce((a, b) => (compareBuilds(a, b) >= 0 ? a : b));
}

// Every update (SU or HU, re-releases included) shipped for this release, oldest first.
export function updatesOnRelease(release: ReleaseRow): UpdateRow[] {
  const names = new Set(UPDATE_BUILDS.filter((u) => u.product === release.product && u.release === release.name).map((u) => u.update));
  return UPDATES.filter((u) => names.has(u.name));
}

// False for a product whose fixes are not in the update tables (Exchange 2010: update rollups).
export function hasUpdateData(product: ExchangeProduct): boolean {
  return UPDATE_BUILDS.some((u) => u.product === product);
}

// The security updates Microsoft shipped for a product, oldest first: SUs with a build for one of its releases,
// each once (a re-release is the same SU), hotfix updates left out.
export function securityUpdatesFor(product: ExchangeProduct): UpdateRow[] {
  const names = new Set(UPDATE_BUILDS.filter((u) => u.product === product).map((u) => u.update));
  return UPDATES.filter((u) => u.kind === "SU" && u.reReleaseOf === null && (names.has(u.name) || hasReRelease(u, names)));
}

function hasReRelease(update: UpdateRow, names: ReadonlySet<string>): boolean {
  return UPDATES.some((u) => u.reReleaseOf === update.name && names.has(u.name));
}

// The CVEs an update fixes, for one product or for any.
export function cvesFixedBy(update: string, product?: ExchangeProduct): string[] {
  return CVE_FIXES.filter((f) => f.update === update && (!product || f.products.includes(product))).map((f) => f.cve);
}

// The updates that fix a CVE, oldest first, with the products each fixes it for. Usually one; a CVE listed
// under two updates (CVE-2023-21707: Feb23SU and Mar23SU) is fixed only by the later one.
export function updatesFixing(cve: string): { update: UpdateRow; products: ExchangeProduct[] }[] {
  return UPDATES.flatMap((update) =>
    CVE_FIXES.filter((f) => f.cve === cve && f.update === update.name).map((f) => ({ update, products: f.products })),
  );
}

// Every CVE the tables list for a product.
export function cvesFor(product: ExchangeProduct): string[] {
  return [...new Set(CVE_FIXES.filter((f) => f.products.includes(product)).map((f) => f.cve))];
}

export function kevEntry(cve: string): KevRow | null {
  return KEV.find((k) => k.cve === cve) ?? null;
}

/** CISA's known-exploited Exchange CVEs that a security update fixes (a build can tell), newest first. */
export function knownExploitedCves(): KevRow[] {
  return KEV.filter((k) => CVE_FIXES.some((f) => f.cve === k.cve)).sort((a, b) => b.cve.localeCompare(a.cve));
}
