// The demo fleet's story: who the organizations are, when things happened, what they ran. One path per
// organization (ORGANIZATIONS below):
// - every:   patches each emergency within weeks: the April/May 2021 updates, a newer CU, Nov21SU, Nov22SU.
// - cu2021:  moved to a newer CU in 2021 (2016 CU21/CU22, 2019 CU10/CU11, or 2013 CU23's SUs) and then stopped:
//            safe from ProxyShell, missed the November 2022 update (ProxyNotShell).
// - stopgap: like cu2021 into 2022, then applied the ProxyNotShell URL Rewrite rule (EOMTv2) in October 2022;
//            "stopgap-patched" installed the update in December or January, "stopgap-only" never did (the rule
//            no longer counts from 2023-01-10, when OWASSRF was known to bypass it).
// - late:    patched ProxyLogon, then ProxyShell only after the August 2021 attacks; nothing since.
// - stayed:  patched ProxyLogon and stayed on the March 2021 build (its slowest servers never patched at all).
// A few servers were compromised during ProxyLogon (March 2021) and a few during ProxyShell (August-September 2021);
// some of them were cleaned up (DEMO_REMEDIATIONS), the others are still open at the end.
import type { ExchangeProduct } from "../../lib/domain/exchange";
import { utc } from "./time";

// Days after 2021-03-03 within which an organization's servers get the ProxyLogon fix; past day 58 (April 30) the
// server patches later (or, on the "stayed" path, never), so slow and laggard organizations leave servers
// unpatched at the end of April.
type Pace = "fast" | "steady" | "slow" | "laggard";
export const PACE_DAYS: Record<Pace, [number, number]> = { fast: [0, 7], steady: [4, 24], slow: [12, 52], laggard: [22, 90] };
export type Path = "every" | "cu2021" | "stopgap-patched" | "stopgap-only" | "late" | "stayed";

// [name, number of Exchange servers, ProxyLogon pace, path after ProxyLogon]: most have 2-8 servers, a few many.
export const ORGANIZATIONS: ReadonlyArray<[string, number, Pace, Path]> = [
  ["Acme Dental", 2, "fast", "every"], ["Harbor County", 28, "steady", "stopgap-patched"],
  ["Birch & Sons, LLC", 3, "slow", "stayed"], ["Lakeside Clinic", 6, "steady", "cu2021"],
  ["Café Lumière", 1, "laggard", "stayed"], ["Maplewood Family Dentistry", 2, "steady", "every"],
  ["Greene County Clerk's Office", 9, "slow", "late"], ["Hartley, Moss & Delgado LLP", 5, "fast", "every"],
  ["Riverbend Pediatrics", 4, "steady", "cu2021"], ["St. Brendan's Academy", 8, "slow", "stayed"],
  ["Northfield Precision Machining", 9, "laggard", "stayed"], ["Pine Hollow School District", 30, "slow", "cu2021"],
  ["Okafor & Lindqvist Law", 3, "fast", "every"], ["Summit Orthodontics", 1, "steady", "cu2021"],
  ["Town of Eastbrook", 16, "steady", "stopgap-patched"], ["Bluewater Veterinary Clinic", 2, "slow", "stayed"],
  ["Kessler Tool & Die", 6, "laggard", "late"], ["Valley Regional Library", 12, "steady", "cu2021"],
  ["Müller Bäckerei GmbH", 4, "fast", "every"], ["Cedar Ridge Medical Group", 24, "fast", "every"],
  ["Fairview Township", 8, "slow", "stopgap-only"], ["Ortega Family Practice", 5, "steady", "cu2021"],
  ["Lindenhurst Credit Union", 17, "fast", "every"], ["Brightpath Charter School", 6, "laggard", "stayed"],
  ["Hawthorne & Vance CPAs", 4, "steady", "cu2021"], ["Marlow County Sheriff's Office", 19, "steady", "stopgap-patched"],
  ["Seaside Physical Therapy", 2, "slow", "stayed"], ["Ironbridge Fabrication", 10, "slow", "late"],
  ["Westbrook Montessori", 1, "fast", "every"], ["Dr. Amara Nwosu, DDS", 2, "steady", "cu2021"],
  ["Granite State Plumbing Supply", 9, "laggard", "stayed"], ["Old Mill Accounting", 5, "fast", "every"],
  ["Clearwater Eye Associates", 7, "steady", "cu2021"], ["Three Rivers Water Authority", 23, "slow", "late"],
  ["Sánchez & Ruiz Abogados", 4, "steady", "cu2021"], ["Elmwood Nursing Home", 7, "slow", "stopgap-only"],
  ["Fulton Packaging Co.", 27, "steady", "cu2021"], ["Northgate Animal Hospital", 2, "fast", "every"],
  ["Pemberton City Court", 16, "steady", "stopgap-only"], ["Åkerlund Arkitekter AB", 5, "fast", "every"],
];
export const DEMO_ORGANIZATION_COUNT = ORGANIZATIONS.length;

export const FIRST_DAY = utc("2021-03-03");
export const LAST_DAY_INDEX = 58; // 2021-04-30: the end of the ProxyLogon weeks, scanned server by server
export const EOMT_DAY = 12; // EOMT was published on 2021-03-15
export const NEW_CU_DAY = 13; // 2016 CU20 and 2019 CU9, with the fix included, came out on 2021-03-16
export const MONTHLY_FROM = utc("2021-05-01"); // from here on, each organization's servers are scanned together
export const LAST_SCAN_DAY = utc("2023-01-31");
/** The demo's "now": the end of its data, after the last scan and remediation. */
export const DEMO_NOW = new Date("2023-01-31T20:00:00Z");
// When the MSP scans more often: from ProxyShell's disclosure through the August attacks, and from ProxyNotShell's
// disclosure until the bypass was known.
export const BUSY: ReadonlyArray<[number, number]> = [[utc("2021-07-13"), utc("2021-10-01")], [utc("2022-09-28"), utc("2023-01-15")]];

// [product, CU or service pack, weight]: the CUs small businesses actually ran in March 2021.
export const VERSIONS: ReadonlyArray<[ExchangeProduct, string, number]> = [
  ["Exchange 2010", "SP3", 5],
  ["Exchange 2013", "SP1 (CU4)", 1], ["Exchange 2013", "CU19", 1], ["Exchange 2013", "CU21", 2],
  ["Exchange 2013", "CU22", 2], ["Exchange 2013", "CU23", 8],
  ...["CU6", "CU7", "CU8", "CU9", "CU10"].map((cu): [ExchangeProduct, string, number] => ["Exchange 2016", cu, 1]),
  ...["CU11", "CU12", "CU13", "CU14"].map((cu): [ExchangeProduct, string, number] => ["Exchange 2016", cu, 2]),
  ["Exchange 2016", "CU15", 3], ["Exchange 2016", "CU16", 3], ["Exchange 2016", "CU17", 5],
  ["Exchange 2016", "CU18", 8], ["Exchange 2016", "CU19", 10],
  ...["RTM", "CU1", "CU2"].map((cu): [ExchangeProduct, string, number] => ["Exchange 2019", cu, 1]),
  ...["CU3", "CU4", "CU5"].map((cu): [ExchangeProduct, string, number] => ["Exchange 2019", cu, 2]),
  ["Exchange 2019", "CU6", 3], ["Exchange 2019", "CU7", 5], ["Exchange 2019", "CU8", 8],
];
// Exchange 2010 SP3 Update Rollups 30 and 31, the builds before the fix (Microsoft's build-number page).
export const EXCHANGE_2010_UNPATCHED = ["14.3.496.0", "14.3.509.0"];
// The CUs released on March 16 with the fix built in: some servers patched after that moved to them instead.
export const FRESH_CU: Partial<Record<ExchangeProduct, string>> = { "Exchange 2016": "CU20", "Exchange 2019": "CU9" };
// Where a server on a CU without a security update goes: the newest CU that has one.
export const LATEST_CU: Partial<Record<ExchangeProduct, string>> = { "Exchange 2013": "CU23", "Exchange 2016": "CU19" };
