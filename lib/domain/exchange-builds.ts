import {
  CUMULATIVE_UPDATES,
  EXCHANGE_2010_MAJOR,
  EXCHANGE_SE_FIRST_BUILD,
  type CumulativeUpdate,
  type ExchangeProduct,
} from "./exchange-cumulative-updates";
import { compareBuilds, mustParseBuild, normalizeBuild, parseBuild, type ParsedBuild } from "./exchange/build-number";

// Build-number parsing lives in lib/domain/exchange/build-number.ts; re-exported so existing callers keep working.
export { compareBuilds, normalizeBuild, parseBuild, type ParsedBuild };

export interface BuildIdentity {
  product: ExchangeProduct | null;
  cumulativeUpdate: string | null;
}

interface IndexedUpdate {
  update: CumulativeUpdate;
  base: ParsedBuild;
}

const INDEXED: readonly IndexedUpdate[] = CUMULATIVE_UPDATES.map((update) => ({
  update,
  base: mustParseBuild(update.baseBuild),
}));

export function productOf(major: number, minor: number, build: number): ExchangeProduct | null {
  if (major === EXCHANGE_2010_MAJOR) return minor <= 3 ? "Exchange 2010" : null;
  if (major !== 15) return null;
  if (minor === 0) return "Exchange 2013";
  if (minor === 1) return "Exchange 2016";
  if (minor === 2) return build >= EXCHANGE_SE_FIRST_BUILD ? "Exchange SE" : "Exchange 2019";
  return null;
}

// The CU (or, for Exchange 2010, the service pack) a build belongs to, or null when no known release matches.
export function findCumulativeUpdate(b: ParsedBuild): CumulativeUpdate | null {
  const found = INDEXED.find(({ base }) =>
    base.major === EXCHANGE_2010_MAJOR
      ? b.major === base.major && b.minor === base.minor
      : b.major === base.major && b.minor === base.minor && b.build === base.build,
  );
  return found?.update ?? null;
}

export function cumulativeUpdateNamed(product: ExchangeProduct, name: string): CumulativeUpdate | null {
  return CUMULATIVE_UPDATES.find((u) => u.product === product && u.name === name) ?? null;
}

export function identifyBuild(b: ParsedBuild): BuildIdentity {
  const product = productOf(b.major, b.minor, b.build);
  if (!product) return { product: null, cumulativeUpdate: null };
  return { product, cumulativeUpdate: findCumulativeUpdate(b)?.name ?? null };
}
