// Turns the source TSVs (lib/domain/exchange/source) into the typed rows of exchange-data.generated.ts, checking
// every fact on the way: a defect in the data fails the generator (and the test that regenerates), never a verdict.
import type {
  CveFixRow,
  ExchangeProduct,
  KevRow,
  ProductRow,
  ReleaseRow,
  SourceRow,
  UpdateBuildRow,
  UpdateRow,
} from "../../lib/domain/exchange/data-types";
import { compareBuilds, mustParseBuild, parseBuild } from "../../lib/domain/exchange/build-number";
import { checkDate, checkBuild, checkProduct, CVE_ID, parseUpdateName, patchTuesday, Problems, readTsv } from "./tsv";
import { checkUpdateBuilds } from "./check-updates";

export const SOURCE_FILES = [
  "sources.tsv",
  "products.tsv",
  "products-extra.tsv",
  "builds.tsv",
  "releases-extra.tsv",
  "release-names.tsv",
  "su-builds-extra.tsv",
  "release-dates.tsv",
  "su-cves.tsv",
  "su-cves-extra.tsv",
  "kev-exchange.tsv",
] as const;
export type SourceTexts = Record<(typeof SOURCE_FILES)[number], string>;

export interface ExchangeData {
  sources: SourceRow[];
  products: ProductRow[];
  releases: ReleaseRow[];
  updateBuilds: UpdateBuildRow[];
  updates: UpdateRow[];
  cveFixes: CveFixRow[];
  kev: KevRow[];
}

// The files copied unchanged from the shared reference carry no source column: their source is the file's.
const CSS = "CSS-Exchange";
const HEALTH_CHECKER = "Health Checker";
const KEV = "CISA KEV";
export const PATCH_TUESDAY = "Patch Tuesday";

export function buildExchangeData(texts: SourceTexts): ExchangeData {
  const problems = new Problems();
  const sources = readTsv("sources.tsv", texts["sources.tsv"], ["label", "reference"], problems).map((r) => ({
    label: r.get("label"),
    reference: r.get("reference"),
  }));
  const labels = new Set(sources.map((s) => s.label));
  const source = (where: string, label: string) => {
    if (!labels.has(label)) problems.add(where, `source "${label}" is not defined in sources.tsv`);
    return label;
  };

  const products = readProducts(texts, problems, source);
  const { releases, releaseById } = readReleases(texts, products, problems, source);
  const updateBuilds = readUpdateBuilds(texts, releaseById, problems, source);
  const updates = readUpdates(texts, updateBuilds, problems, source);
  checkUpdateBuilds(releases, updateBuilds, updates, problems);
  const cveFixes = readCveFixes(texts, updates, updateBuilds, problems, source);
  const kev = readTsv("kev-exchange.tsv", texts["kev-exchange.tsv"], ["cve", "date_added", "known_ransomware_use", "name"], problems).map((r) => {
    const use = r.get("known_ransomware_use");
    if (use !== "Known" && use !== "Unknown") problems.add(r.where, `known_ransomware_use "${use}" is neither Known nor Unknown`);
    if (!CVE_ID.test(r.get("cve"))) problems.add(r.where, `"${r.get("cve")}" is not a CVE id`);
    return { cve: r.get("cve"), dateAdded: checkDate(r, "date_added", problems), knownRansomwareUse: use === "Known", name: r.get("name") };
  });
  source("kev-exchange.tsv", KEV);
  problems.throwIfAny();
  return { sources, products, releases, updateBuilds, updates, cveFixes, kev };
}

type SourceCheck = (where: string, label: string) => string;

function readProducts(texts: SourceTexts, problems: Problems, source: SourceCheck): ProductRow[] {
  const columns = ["product", "major_minor", "extended_support_ends"];
  const rows = [
    ...readTsv("products.tsv", texts["products.tsv"], columns, problems).map((r) => ({ r, label: source(r.where, CSS) })),
    ...readTsv("products-extra.tsv", texts["products-extra.tsv"], [...columns, "source"], problems).map((r) => ({
      r,
      label: source(r.where, r.get("source")),
    })),
  ];
  const products = rows.map(({ r, label }) => {
    // "15.1", "14" (any minor), "15.2 (third part >= 2562)" (Exchange SE).
    const m = /^(\d+)(?:\.(\d+))?(?: \(third part >= (\d+)\))?$/.exec(r.get("major_minor"));
    if (!m) problems.add(r.where, `major_minor "${r.get("major_minor")}" is not a version prefix`);
    return {
      product: checkProduct(r, "product", problems),
      major: Number(m?.[1] ?? 0),
      minor: m?.[2] === undefined ? null : Number(m[2]),
      minBuild: m?.[3] === undefined ? null : Number(m[3]),
      extendedSupportEnds: checkDate(r, "extended_support_ends", problems),
      source: label,
    };
  });
  const names = products.map((p) => p.product);
  for (const name of new Set(names)) {
    if (names.filter((n) => n === name).length > 1) problems.add("products", `${name} is listed more than once`);
  }
  return products;
}

// The product a build belongs to, by the most specific prefix (Exchange SE's before Exchange 2019's).
export function productOfBuild(products: readonly ProductRow[], build: string): ExchangeProduct | null {
  const b = parseBuild(build);
  if (!b) return null;
  const matches = products.filter(
    (p) => p.major === b.major && (p.minor === null || p.minor === b.minor) && (p.minBuild === null || b.build >= p.minBuild),
  );
  matches.sort((x, y) => (y.minBuild ?? -1) - (x.minBuild ?? -1));
  return matches[0]?.product ?? null;
}

// Releases of a product whose prefix has no minor (Exchange 2010) are told apart by the second part, since
// their third part is the update rollup level; all others by the third part.
export function releaseKey(products: readonly ProductRow[], product: ExchangeProduct, build: string): string {
  const b = mustParseBuild(build);
  const byMinor = products.find((p) => p.product === product)?.minor === null;
  return byMinor ? `${b.major}.${b.minor}` : `${b.major}.${b.minor}.${b.build}`;
}

// The releases, sorted by product and base build, and by "<product> <CSS-Exchange id>" ("Exchange 2013 CU4"): the
// update files name releases by that id, not by the display name ("SP1 (CU4)").
function readReleases(
  texts: SourceTexts,
  products: ProductRow[],
  problems: Problems,
  source: SourceCheck,
): { releases: ReleaseRow[]; releaseById: Map<string, ReleaseRow> } {
  const renames = new Map<string, string>();
  for (const r of readTsv("release-names.tsv", texts["release-names.tsv"], ["product", "cu", "name", "source"], problems)) {
    renames.set(`${checkProduct(r, "product", problems)} ${r.get("cu")}`, r.get("name"));
    source(r.where, r.get("source"));
  }
  const byId = new Map<string, ReleaseRow>();
  const add = (where: string, id: string, row: ReleaseRow) => {
    const known = byId.get(id);
    if (!known) byId.set(id, row);
    else if (known.released !== row.released || known.baseBuild !== row.baseBuild) {
      problems.add(where, `${id} is listed twice with different dates or base builds`);
    }
  };
  const buildColumns = ["product", "cu", "cu_released", "security_update", "build"];
  for (const r of readTsv("builds.tsv", texts["builds.tsv"], buildColumns, problems)) {
    const product = checkProduct(r, "product", problems);
    const id = `${product} ${r.get("cu")}`;
    const released = checkDate(r, "cu_released", problems);
    if (r.get("security_update") === "") {
      add(r.where, id, { product, name: renames.get(id) ?? r.get("cu"), released, baseBuild: checkBuild(r, "build", problems), source: source(r.where, CSS) });
    } else if (byId.has(id) && byId.get(id)!.released !== released) {
      problems.add(r.where, `${id} has release date ${released} here and ${byId.get(id)!.released} on its CU row`);
    }
  }
  for (const r of readTsv("releases-extra.tsv", texts["releases-extra.tsv"], ["product", "release", "released", "build", "source"], problems)) {
    const product = checkProduct(r, "product", problems);
    const id = `${product} ${r.get("release")}`;
    if (byId.has(id)) problems.add(r.where, `${id} is already in builds.tsv`);
    add(r.where, id, {
      product,
      name: renames.get(id) ?? r.get("release"),
      released: checkDate(r, "released", problems),
      baseBuild: checkBuild(r, "build", problems),
      source: source(r.where, r.get("source")),
    });
  }
  for (const id of renames.keys()) if (!byId.has(id)) problems.add("release-names.tsv", `${id} is not a known release`);
  const releases = [...byId.values()];
  const keys = new Map<string, string>();
  for (const release of releases) {
    if (parseBuild(release.baseBuild)?.revision == null) continue;
    const label = `${release.product} ${release.name}`;
    if (productOfBuild(products, release.baseBuild) !== release.product) {
      problems.add(label, `base build ${release.baseBuild} is not a build of ${release.product}`);
    }
    const key = `${release.product} ${releaseKey(products, release.product, release.baseBuild)}`;
    if (keys.has(key)) problems.add(label, `has the same identifying build parts as ${keys.get(key)}`);
    keys.set(key, label);
  }
  const buildOf = (r: ReleaseRow) => parseBuild(r.baseBuild) ?? mustParseBuild("0.0.0.0");
  releases.sort((a, b) => a.product.localeCompare(b.product) || compareBuilds(buildOf(a), buildOf(b)));
  return { releases, releaseById: byId };
}

function readUpdateBuilds(
  texts: SourceTexts,
  releaseById: Map<string, ReleaseRow>,
  problems: Problems,
  source: SourceCheck,
): UpdateBuildRow[] {
  const rows: UpdateBuildRow[] = [];
  const read = (file: "builds.tsv" | "su-builds-extra.tsv", columns: string[], label: (get: (c: string) => string) => string) => {
    for (const r of readTsv(file, texts[file], columns, problems)) {
      const update = r.get("security_update");
      if (update === "") continue;
      const product = checkProduct(r, "product", problems);
      const release = releaseById.get(`${product} ${r.get("cu")}`);
      if (!release) problems.add(r.where, `${product} ${r.get("cu")} is not a known release`);
      if (!parseUpdateName(update)) problems.add(r.where, `"${update}" is not an update name (MonYY + SU or HU, optionally v2)`);
      const build = checkBuild(r, "build", problems);
      rows.push({ product, release: release?.name ?? r.get("cu"), update, build, source: source(r.where, label(r.get)) });
    }
  };
  read("builds.tsv", ["product", "cu", "cu_released", "security_update", "build"], () => CSS);
  read("su-builds-extra.tsv", ["product", "cu", "security_update", "build", "source"], (get) => get("source"));
  return rows;
}

function readUpdates(texts: SourceTexts, builds: UpdateBuildRow[], problems: Problems, source: SourceCheck): UpdateRow[] {
  const exceptions = new Map<string, { released: string; source: string; where: string }>();
  for (const r of readTsv("release-dates.tsv", texts["release-dates.tsv"], ["update", "released", "source", "why"], problems)) {
    exceptions.set(r.get("update"), { released: checkDate(r, "released", problems), source: source(r.where, r.get("source")), where: r.where });
  }
  const names = [...new Set(builds.map((b) => b.update))];
  for (const [name, e] of exceptions) if (!names.includes(name)) problems.add(e.where, `${name} has no build in builds.tsv`);
  const updates: UpdateRow[] = [];
  for (const name of names) {
    const parsed = parseUpdateName(name);
    if (!parsed) continue;
    const exception = exceptions.get(name);
    const month = `${parsed.year}-${String(parsed.month).padStart(2, "0")}`;
    if (exception && !exception.released.startsWith(month)) problems.add(exception.where, `${name} is dated outside ${month}`);
    if (!exception && (parsed.kind === "HU" || parsed.reReleaseOf)) {
      problems.add("release-dates.tsv", `${name} needs a release date: hotfix updates and re-releases do not come out on Patch Tuesday`);
    }
    if (parsed.reReleaseOf && !names.includes(parsed.reReleaseOf)) problems.add(name, `re-releases ${parsed.reReleaseOf}, which has no build`);
    updates.push({
      name,
      kind: parsed.kind,
      reReleaseOf: parsed.reReleaseOf,
      released: exception?.released ?? patchTuesday(parsed.year, parsed.month),
      releasedSource: exception?.source ?? PATCH_TUESDAY,
    });
  }
  return updates.sort((a, b) => a.released.localeCompare(b.released) || a.name.localeCompare(b.name));
}

function readCveFixes(texts: SourceTexts, updates: UpdateRow[], builds: UpdateBuildRow[], problems: Problems, source: SourceCheck): CveFixRow[] {
  const fixes: CveFixRow[] = [];
  const read = (file: "su-cves.tsv" | "su-cves-extra.tsv", columns: string[], label: (get: (c: string) => string) => string) => {
    for (const r of readTsv(file, texts[file], columns, problems)) {
      const update = r.get("security_update");
      const cve = r.get("cve");
      if (!updates.some((u) => u.name === update)) problems.add(r.where, `${update} has no build in builds.tsv`);
      if (!CVE_ID.test(cve)) problems.add(r.where, `"${cve}" is not a CVE or advisory id`);
      if (fixes.some((f) => f.update === update && f.cve === cve)) problems.add(r.where, `${update} ${cve} is listed twice`);
      const products = r.get("products").split(",").map((id) => checkProduct({ where: r.where, get: () => id }, "products", problems));
      for (const product of products) {
        // A CVE listed for a product must be fixable there: some release of the product got the update.
        if (!builds.some((b) => b.update === update && b.product === product)) {
          problems.add(r.where, `${update} fixes ${cve} for ${product}, but no ${product} release has a ${update} build`);
        }
      }
      fixes.push({ update, cve, products, source: source(r.where, label(r.get)) });
    }
  };
  read("su-cves.tsv", ["security_update", "cve", "products"], () => HEALTH_CHECKER);
  read("su-cves-extra.tsv", ["security_update", "cve", "products", "source"], (get) => get("source"));
  return fixes;
}
