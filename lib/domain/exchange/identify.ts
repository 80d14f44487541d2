// What a build number says by itself: the product and the release (CU, RTM, service pack) it belongs to.
import { parseBuild, type ParsedBuild } from "./build-number";
import { productOf, releaseOf } from "./catalog";
import type { ExchangeProduct, ReleaseRow } from "./data-types";

export interface BuildIdentity {
  // The input, trimmed; null when no build was given.
  text: string | null;
  // Null when the text is not a build number.
  build: ParsedBuild | null;
  product: ExchangeProduct | null;
  // Null when the product is unknown or no known release has this build's identifying part.
  release: ReleaseRow | null;
}

// Long-form builds (15.01.2176.009) read as their short form (15.1.2176.9); three-part builds are identified too,
// since the release is in the first three parts.
export function identifyRelease(text: string | null): BuildIdentity {
  const trimmed = text?.trim() || null;
  const build = trimmed === null ? null : parseBuild(trimmed);
  if (!build) return { text: trimmed, build: null, product: null, release: null };
  return { text: trimmed, build, product: productOf(build), release: releaseOf(build) };
}

// "Exchange 2016 CU19, build 15.1.2176.9", or why nothing can be said: the start of every verdict's reason.
export function describeBuild(identity: BuildIdentity): { label: string; unusable: string | null } {
  const { text, build, product, release } = identity;
  if (text === null) return { label: "", unusable: "No build number was reported" };
  if (!build) {
    return { label: text, unusable: `"${text}" is not a valid Exchange build number (expected four numbers, such as 15.1.2176.9)` };
  }
  if (!product) return { label: build.text, unusable: `Unknown build ${build.text}: not a known Exchange Server version` };
  if (!release) {
    return {
      label: `${product}, build ${build.text}`,
      unusable: `${product}, build ${build.text}: unknown build, it matches no known release of ${product}`,
    };
  }
  return { label: `${product} ${release.name}, build ${build.text}`, unusable: null };
}
