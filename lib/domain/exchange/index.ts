// The Exchange build and vulnerability module: what a build is, whether it has a given security update, and its
// whole patch level. Facts come from ./source (generated into exchange-data.generated.ts); see source/README.md.
export { compareBuilds, normalizeBuild, parseBuild, type ParsedBuild } from "./build-number";
export {
  cvesFixedBy,
  isSupportedOn,
  kevEntry,
  knownExploitedCves,
  productFacts,
  releasesOf,
  securityUpdatesFor,
  updateNamed,
  updatesFixing,
} from "./catalog";
export { EXCHANGE_PRODUCTS } from "./data-types";
export type { ExchangeProduct, IsoDate, KevRow, ProductRow, ReleaseRow, UpdateRow } from "./data-types";
export { SOURCES } from "./exchange-data.generated";
export { identifyRelease, type BuildIdentity } from "./identify";
export {
  judgeSecurityUpdate,
  type FixBuild,
  type JudgeOptions,
  type JudgementBasis,
  type SecurityUpdateJudgement,
  type SourcedBuild,
  type UpdateRollupRule,
  type Verdict,
} from "./judge";
export { patchLevel, type InstalledUpdate, type OpenCve, type PatchLevel } from "./patch-level";
