// The shapes of the generated Exchange data (exchange-data.generated.ts), written by
// scripts/generate-exchange-data.ts from the TSV files in ./source. A leaf module: the generated file, the
// generator and the judging code all import these, so each shape is defined once.

export const EXCHANGE_PRODUCTS = [
  "Exchange 2010",
  "Exchange 2013",
  "Exchange 2016",
  "Exchange 2019",
  "Exchange SE",
] as const;
export type ExchangeProduct = (typeof EXCHANGE_PRODUCTS)[number];

// YYYY-MM-DD, a calendar day (UTC).
export type IsoDate = string;

export interface ProductRow {
  product: ExchangeProduct;
  major: number;
  // Null when any minor matches: Exchange 2010 is every 14.x build.
  minor: number | null;
  // The lowest third part of the product's builds (Exchange SE is 15.2 from 2562 on); null when any.
  minBuild: number | null;
  // The last day of extended support: no SU comes out for the product after it.
  extendedSupportEnds: IsoDate;
  source: string;
}

// A CU, RTM, Preview or (Exchange 2010) service pack.
export interface ReleaseRow {
  product: ExchangeProduct;
  // "CU19", "RTM", "SP1 (CU4)", "SP3".
  name: string;
  released: IsoDate;
  // The build right after installing the release, before any update.
  baseBuild: string;
  source: string;
}

// One source's build of an update (SU or HU) for one release. Two sources can give two rows for one update.
export interface UpdateBuildRow {
  product: ExchangeProduct;
  release: string;
  // "Mar21SU", "Aug23SUv2", "Apr24HU".
  update: string;
  build: string;
  source: string;
}

export interface UpdateRow {
  name: string;
  // "SU": a security update; "HU": a hotfix update (not a security update, though it can fix a CVE).
  kind: "SU" | "HU";
  // For a re-release ("Aug23SUv2"), the update it re-releases ("Aug23SU"); otherwise null.
  reReleaseOf: string | null;
  released: IsoDate;
  // Where the date comes from: "Patch Tuesday" (the second Tuesday of the month in the name) or a source label.
  releasedSource: string;
}

export interface CveFixRow {
  update: string;
  cve: string;
  products: ExchangeProduct[];
  source: string;
}

export interface KevRow {
  cve: string;
  dateAdded: IsoDate;
  knownRansomwareUse: boolean;
  name: string;
}

export interface SourceRow {
  label: string;
  reference: string;
}
