// Exchange Server releases a build number can be matched to: cumulative updates (CUs) for 2013 and later,
// service packs for 2010. Old CUs that never got a security update are listed on purpose, so that a server
// on one of them is recognised as "a CU too old to have a fix" rather than as an unknown build.
//
// Sources:
// - microsoft/CSS-Exchange, Shared/Get-ExchangeBuildVersionInformation.ps1 (GetExchangeBuildDictionary):
//   CU base builds of Exchange 2013 CU1-CU23, 2016 CU1-CU23, 2019 CU1-CU15 and Exchange SE RTM, and the rule
//   that 15.2 builds from 2562 on are Exchange SE.
// - Microsoft, "Exchange Server build numbers and release dates",
//   https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates (older copy mirrored in
//   x13-me/OfficeDocs-Exchange, Exchange/ExchangeServer/new-features/build-numbers-and-release-dates.md):
//   the RTM and Preview builds CSS-Exchange leaves out, the name "SP1" for Exchange 2013 CU4, and the
//   Exchange 2010 service pack builds.
// Both sources agree on every base build below. No Exchange 2013 Preview build is published, so none is listed.

import type { ExchangeProduct } from "./exchange/data-types";

// The product list is owned by lib/domain/exchange/; re-exported so existing callers keep working.
export { EXCHANGE_PRODUCTS, type ExchangeProduct } from "./exchange/data-types";

export interface CumulativeUpdate {
  product: ExchangeProduct;
  // "CU19", "RTM", "SP1 (CU4)"; for Exchange 2010 the service pack ("SP3").
  name: string;
  // The build right after installing the release, before any security update or update rollup.
  baseBuild: string;
}

// Exchange 2010 entries are service packs and are matched on the second part of the build: its third part
// is the update rollup level, which changes with every rollup.
export const EXCHANGE_2010_MAJOR = 14;

// CSS-Exchange treats 15.2 builds at or above 2562 as Exchange SE; everything below is Exchange 2019.
export const EXCHANGE_SE_FIRST_BUILD = 2562;

export const CUMULATIVE_UPDATES: readonly CumulativeUpdate[] = [
  { product: "Exchange 2010", name: "RTM", baseBuild: "14.0.639.21" },
  { product: "Exchange 2010", name: "SP1", baseBuild: "14.1.218.15" },
  { product: "Exchange 2010", name: "SP2", baseBuild: "14.2.247.5" },
  { product: "Exchange 2010", name: "SP3", baseBuild: "14.3.123.4" },

  { product: "Exchange 2013", name: "RTM", baseBuild: "15.0.516.32" },
  { product: "Exchange 2013", name: "CU1", baseBuild: "15.0.620.29" },
  { product: "Exchange 2013", name: "CU2", baseBuild: "15.0.712.24" },
  { product: "Exchange 2013", name: "CU3", baseBuild: "15.0.775.38" },
  { product: "Exchange 2013", name: "SP1 (CU4)", baseBuild: "15.0.847.32" },
  { product: "Exchange 2013", name: "CU5", baseBuild: "15.0.913.22" },
  { product: "Exchange 2013", name: "CU6", baseBuild: "15.0.995.29" },
  { product: "Exchange 2013", name: "CU7", baseBuild: "15.0.1044.25" },
  { product: "Exchange 2013", name: "CU8", baseBuild: "15.0.1076.9" },
  { product: "Exchange 2013", name: "CU9", baseBuild: "15.0.1104.5" },
  { product: "Exchange 2013", name: "CU10", baseBuild: "15.0.1130.7" },
  { product: "Exchange 2013", name: "CU11", baseBuild: "15.0.1156.6" },
  { product: "Exchange 2013", name: "CU12", baseBuild: "15.0.1178.4" },
  { product: "Exchange 2013", name: "CU13", baseBuild: "15.0.1210.3" },
  { product: "Exchange 2013", name: "CU14", baseBuild: "15.0.1236.3" },
  { product: "Exchange 2013", name: "CU15", baseBuild: "15.0.1263.5" },
  { product: "Exchange 2013", name: "CU16", baseBuild: "15.0.1293.2" },
  { product: "Exchange 2013", name: "CU17", baseBuild: "15.0.1320.4" },
  { product: "Exchange 2013", name: "CU18", baseBuild: "15.0.1347.2" },
  { product: "Exchange 2013", name: "CU19", baseBuild: "15.0.1365.1" },
  { product: "Exchange 2013", name: "CU20", baseBuild: "15.0.1367.3" },
  { product: "Exchange 2013", name: "CU21", baseBuild: "15.0.1395.4" },
  { product: "Exchange 2013", name: "CU22", baseBuild: "15.0.1473.3" },
  { product: "Exchange 2013", name: "CU23", baseBuild: "15.0.1497.2" },

  // The 2016 Preview (15.1.225.16) shares its third part with RTM, so it is identified as RTM.
  { product: "Exchange 2016", name: "RTM", baseBuild: "15.1.225.42" },
  { product: "Exchange 2016", name: "CU1", baseBuild: "15.1.396.30" },
  { product: "Exchange 2016", name: "CU2", baseBuild: "15.1.466.34" },
  { product: "Exchange 2016", name: "CU3", baseBuild: "15.1.544.27" },
  { product: "Exchange 2016", name: "CU4", baseBuild: "15.1.669.32" },
  { product: "Exchange 2016", name: "CU5", baseBuild: "15.1.845.34" },
  { product: "Exchange 2016", name: "CU6", baseBuild: "15.1.1034.26" },
  { product: "Exchange 2016", name: "CU7", baseBuild: "15.1.1261.35" },
  { product: "Exchange 2016", name: "CU8", baseBuild: "15.1.1415.2" },
  { product: "Exchange 2016", name: "CU9", baseBuild: "15.1.1466.3" },
  { product: "Exchange 2016", name: "CU10", baseBuild: "15.1.1531.3" },
  { product: "Exchange 2016", name: "CU11", baseBuild: "15.1.1591.10" },
  { product: "Exchange 2016", name: "CU12", baseBuild: "15.1.1713.5" },
  { product: "Exchange 2016", name: "CU13", baseBuild: "15.1.1779.2" },
  { product: "Exchange 2016", name: "CU14", baseBuild: "15.1.1847.3" },
  { product: "Exchange 2016", name: "CU15", baseBuild: "15.1.1913.5" },
  { product: "Exchange 2016", name: "CU16", baseBuild: "15.1.1979.3" },
  { product: "Exchange 2016", name: "CU17", baseBuild: "15.1.2044.4" },
  { product: "Exchange 2016", name: "CU18", baseBuild: "15.1.2106.2" },
  { product: "Exchange 2016", name: "CU19", baseBuild: "15.1.2176.2" },
  { product: "Exchange 2016", name: "CU20", baseBuild: "15.1.2242.4" },
  { product: "Exchange 2016", name: "CU21", baseBuild: "15.1.2308.8" },
  { product: "Exchange 2016", name: "CU22", baseBuild: "15.1.2375.7" },
  { product: "Exchange 2016", name: "CU23", baseBuild: "15.1.2507.6" },

  { product: "Exchange 2019", name: "Preview", baseBuild: "15.2.196.0" },
  { product: "Exchange 2019", name: "RTM", baseBuild: "15.2.221.12" },
  { product: "Exchange 2019", name: "CU1", baseBuild: "15.2.330.5" },
  { product: "Exchange 2019", name: "CU2", baseBuild: "15.2.397.3" },
  { product: "Exchange 2019", name: "CU3", baseBuild: "15.2.464.5" },
  { product: "Exchange 2019", name: "CU4", baseBuild: "15.2.529.5" },
  { product: "Exchange 2019", name: "CU5", baseBuild: "15.2.595.3" },
  { product: "Exchange 2019", name: "CU6", baseBuild: "15.2.659.4" },
  { product: "Exchange 2019", name: "CU7", baseBuild: "15.2.721.2" },
  { product: "Exchange 2019", name: "CU8", baseBuild: "15.2.792.3" },
  { product: "Exchange 2019", name: "CU9", baseBuild: "15.2.858.5" },
  { product: "Exchange 2019", name: "CU10", baseBuild: "15.2.922.7" },
  { product: "Exchange 2019", name: "CU11", baseBuild: "15.2.986.5" },
  { product: "Exchange 2019", name: "CU12", baseBuild: "15.2.1118.7" },
  { product: "Exchange 2019", name: "CU13", baseBuild: "15.2.1258.12" },
  { product: "Exchange 2019", name: "CU14", baseBuild: "15.2.1544.4" },
  { product: "Exchange 2019", name: "CU15", baseBuild: "15.2.1748.10" },

  { product: "Exchange SE", name: "RTM", baseBuild: "15.2.2562.17" },
];
