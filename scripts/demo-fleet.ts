// The demo fleet: about 40 small organizations patching their Exchange servers between 2021-03-03 and
// 2021-04-30. Pure and seeded, so the demo, its screenshots and its tests see the same data on every run.
// Builds come from lib/domain (the build table and the campaigns' data), so a demo "patched" server is patched by the
// same rules.
import { BUILT_IN_CAMPAIGNS } from "../lib/domain/campaigns/built-in";
import { releasesOf, type ExchangeProduct } from "../lib/domain/exchange";
import { thresholdOf, updateBuilds } from "../lib/domain/exchange/catalog";
import type { CanonicalRow } from "../lib/import/canonical-row";

// Days after 2021-03-03 within which an organization's servers get the fix; past day 58 (April 30) means
// "not within the demo", so slow and laggard organizations leave servers unpatched at the end.
type Pace = "fast" | "steady" | "slow" | "laggard";
const PACE_DAYS: Record<Pace, [number, number]> = { fast: [0, 7], steady: [4, 24], slow: [12, 52], laggard: [22, 90] };

// [name, number of Exchange servers, patching pace]: most have 2-8 servers, a few have many.
const ORGANIZATIONS: ReadonlyArray<[string, number, Pace]> = [
  ["Acme Dental", 2, "fast"], ["Harbor County", 28, "steady"], ["Birch & Sons, LLC", 3, "slow"],
  ["Lakeside Clinic", 6, "steady"], ["Café Lumière", 1, "laggard"], ["Maplewood Family Dentistry", 2, "steady"],
  ["Greene County Clerk's Office", 9, "slow"], ["Hartley, Moss & Delgado LLP", 5, "fast"],
  ["Riverbend Pediatrics", 4, "steady"], ["St. Brendan's Academy", 8, "slow"], ["Northfield Precision Machining", 9, "laggard"],
  ["Pine Hollow School District", 30, "slow"], ["Okafor & Lindqvist Law", 3, "fast"], ["Summit Orthodontics", 1, "steady"],
  ["Town of Eastbrook", 16, "steady"], ["Bluewater Veterinary Clinic", 2, "slow"], ["Kessler Tool & Die", 6, "laggard"],
  ["Valley Regional Library", 12, "steady"], ["Müller Bäckerei GmbH", 4, "fast"], ["Cedar Ridge Medical Group", 24, "fast"],
  ["Fairview Township", 8, "slow"], ["Ortega Family Practice", 5, "steady"], ["Lindenhurst Credit Union", 17, "fast"],
  ["Brightpath Charter School", 6, "laggard"], ["Hawthorne & Vance CPAs", 4, "steady"],
  ["Marlow County Sheriff's Office", 19, "steady"], ["Seaside Physical Therapy", 2, "slow"], ["Ironbridge Fabrication", 10, "slow"],
  ["Westbrook Montessori", 1, "fast"], ["Dr. Amara Nwosu, DDS", 2, "steady"], ["Granite State Plumbing Supply", 9, "laggard"],
  ["Old Mill Accounting", 5, "fast"], ["Clearwater Eye Associates", 7, "steady"], ["Three Rivers Water Authority", 23, "slow"],
  ["Sánchez & Ruiz Abogados", 4, "steady"], ["Elmwood Nursing Home", 7, "slow"], ["Fulton Packaging Co.", 27, "steady"],
  ["Northgate Animal Hospital", 2, "fast"], ["Pemberton City Court", 16, "steady"], ["Åkerlund Arkitekter AB", 5, "fast"],
];
export const DEMO_ORGANIZATION_COUNT = ORGANIZATIONS.length;

const DEFAULT_SEED = 20210302;
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2021, 2, 3);
const LAST_DAY_INDEX = 58; // 2021-04-30
const EOMT_DAY = 12; // EOMT was published on 2021-03-15
const NEW_CU_DAY = 13; // 2016 CU20 and 2019 CU9, with the fix included, came out on 2021-03-16

// [product, CU or service pack, weight]: the CUs small businesses actually ran in March 2021.
const VERSIONS: ReadonlyArray<[ExchangeProduct, string, number]> = [
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
const EXCHANGE_2010_UNPATCHED = ["14.3.496.0", "14.3.509.0"];
// The CUs released on March 16 with the fix built in: some servers patched after that moved to them instead.
const FRESH_CU: Partial<Record<ExchangeProduct, string>> = { "Exchange 2016": "CU20", "Exchange 2019": "CU9" };
// Where a server on a CU without a security update goes: the newest CU that has one.
const LATEST_CU: Partial<Record<ExchangeProduct, string>> = { "Exchange 2013": "CU23", "Exchange 2016": "CU19" };

const PROXYLOGON = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxylogon")!.definition;
const release = (product: ExchangeProduct, cu: string) => releasesOf(product).find((r) => r.name === cu)!;
const baseBuild = (product: ExchangeProduct, cu: string) => release(product, cu).baseBuild;
function securityUpdateBuild(product: ExchangeProduct, cu: string): string | null {
  const rollup = PROXYLOGON.updateRollups.find((r) => r.product === product);
  if (rollup) return rollup.build;
  return thresholdOf(updateBuilds(release(product, cu), PROXYLOGON.fixes[0].securityUpdate))?.text ?? null;
}

// mulberry32: small, fast and good enough to make demo data look random while staying reproducible.
function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const weighted = <T extends readonly unknown[]>(items: readonly T[], weightAt: number): T => {
    let r = next() * items.reduce((sum, item) => sum + (item[weightAt] as number), 0);
    for (const item of items) if ((r -= item[weightAt] as number) < 0) return item;
    return items[items.length - 1];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof makeRng>;

interface PlannedServer {
  organization: string;
  hostname: string;
  ipAddress: string | null;
  product: ExchangeProduct;
  startBuild: string;
  patchedBuild: string | null; // null: not patched within the demo
  patchDay: number;
  scanTimes: number[];
  eomtDay: number | null;
  threePart: boolean;
  indicators: string[];
  indicatorsFrom: number; // epoch ms of the first scan that finds them
  remediatedAt: number | null;
}

const HOST_SCHEMES: ReadonlyArray<(year: string) => string> = [
  () => "MAIL", () => "EXCH", (y) => `EXCH-${y}-`, (y) => `EX${y}-`, () => "SRV-EX", () => "MBX",
];
const IP_RANGES = ["192.0.2.", "198.51.100.", "203.0.113."]; // RFC 5737 documentation ranges
const WEB_SHELLS = ["RedirSuiteServerProxy", "errorEE", "TimeoutLogout", "OutlookEN", "shell", "supp0rt"];
const REMEDIATION_NOTES = [
  "Web shells removed, MSERT full scan clean, all admin passwords reset.",
  "Server rebuilt from scratch by the MSP; mailbox databases restored from the February backup.",
  "OWA and ECP virtual directories recreated, web shell deleted, incident reported to the insurer.",
];

function randomName(rng: Rng, length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from({ length }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("");
}

function patchedBuildFor(rng: Rng, product: ExchangeProduct, cu: string, day: number): string | null {
  if (day > LAST_DAY_INDEX) return null;
  const fresh = FRESH_CU[product];
  if (fresh && day >= NEW_CU_DAY + 3 && rng.chance(0.3)) return baseBuild(product, fresh);
  return securityUpdateBuild(product, cu) ?? securityUpdateBuild(product, LATEST_CU[product]!);
}

// EOMT came out on March 15; a server that used it did so while unpatched, and a scan saw it that way.
function eomtDayFor(rng: Rng, scanTimes: number[], patchDay: number): number | null {
  const days = scanTimes.map((t) => Math.floor((t - FIRST_DAY) / DAY)).filter((d) => d >= EOMT_DAY && d < patchDay);
  return days.length > 0 && rng.chance(0.15) ? Math.max(EOMT_DAY, rng.pick(days) - rng.int(0, 2)) : null;
}

function planFleet(seed: number): PlannedServer[] {
  const rng = makeRng(seed);
  const servers: PlannedServer[] = [];
  const ipNext = IP_RANGES.map(() => 10);
  for (const [orgIndex, [organization, count, pace]] of ORGANIZATIONS.entries()) {
    // Each organization's servers sit together in one range; the table's sizes keep every range under .255.
    const range = orgIndex % IP_RANGES.length;
    const primary = rng.weighted(VERSIONS, 2);
    const scheme = rng.pick(HOST_SCHEMES);
    const numbers = new Map<string, number>();
    const [fromDay, toDay] = PACE_DAYS[pace];
    for (let n = 0; n < count; n++) {
      const [product, cu] = rng.chance(0.75) ? primary : rng.weighted(VERSIONS, 2);
      const prefix = scheme(product.slice(-4));
      numbers.set(prefix, (numbers.get(prefix) ?? 0) + 1);
      const tooOld = securityUpdateBuild(product, cu) === null;
      // Moving to a supported CU first takes longer than installing a security update.
      const patchDay = rng.int(fromDay, toDay) + (tooOld ? rng.int(5, 15) : 0) + (rng.chance(0.05) ? 90 : 0);
      const firstScan = rng.int(0, pace === "fast" || pace === "steady" ? 3 : 9);
      const scanTimes: number[] = [];
      for (let day = firstScan; day <= LAST_DAY_INDEX; day += rng.int(3, 10)) {
        scanTimes.push(FIRST_DAY + day * DAY + rng.int(7 * 60, 19 * 60) * 60_000);
      }
      servers.push({
        organization,
        hostname: `${prefix}${String(numbers.get(prefix)).padStart(2, "0")}`,
        ipAddress: rng.chance(0.03) ? null : `${IP_RANGES[range]}${ipNext[range]++}`,
        product,
        startBuild: product === "Exchange 2010" ? rng.pick(EXCHANGE_2010_UNPATCHED) : baseBuild(product, cu),
        patchedBuild: patchedBuildFor(rng, product, cu, patchDay),
        patchDay,
        scanTimes,
        eomtDay: eomtDayFor(rng, scanTimes, patchDay),
        threePart: false,
        indicators: [],
        indicatorsFrom: Infinity,
        remediatedAt: null,
      });
    }
  }
  markCompromised(rng, servers);
  // A network scanner reports only three parts of the build for a few servers it alone covers.
  const candidates = servers.filter((s) => s.product !== "Exchange 2010" && s.indicators.length === 0);
  for (let i = 0; i < 4; i++) rng.pick(candidates).threePart = true;
  return servers;
}

// ProxyLogon chains need Exchange 2013 or later, so 2010 servers are never among the compromised.
function markCompromised(rng: Rng, servers: PlannedServer[]): void {
  const exposed = servers.filter((s) => s.product !== "Exchange 2010");
  const count = rng.int(7, 10);
  const chosen = new Set<PlannedServer>();
  while (chosen.size < count) chosen.add(rng.pick(exposed));
  [...chosen].forEach((server, i) => {
    const shells = [`C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\${randomName(rng, 8)}.aspx`];
    if (rng.chance(0.5)) {
      shells.push(`C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth\\${rng.pick(WEB_SHELLS)}.aspx`);
    }
    if (rng.chance(0.3)) shells.push("lsass.dmp in C:\\Windows\\Temp");
    server.indicators = shells;
    // Mostly found by the first scans in early March; a few only by a later, deeper scan.
    const later = server.scanTimes.filter((t) => t >= FIRST_DAY + EOMT_DAY * DAY);
    server.indicatorsFrom = rng.chance(0.75) || later.length === 0 ? server.scanTimes[0] : later[0];
    if (i < REMEDIATION_NOTES.length) server.remediatedAt = Date.UTC(2021, 3, rng.int(8, 22), 17, 30);
  });
}

function rowsOf(server: PlannedServer): CanonicalRow[] {
  return server.scanTimes.map((t) => {
    const day = Math.floor((t - FIRST_DAY) / DAY);
    let build = day >= server.patchDay && server.patchedBuild !== null ? server.patchedBuild : server.startBuild;
    if (server.threePart) build = build.split(".").slice(0, 3).join(".");
    const infected = t >= server.indicatorsFrom && (server.remediatedAt === null || t < server.remediatedAt);
    return {
      organization: server.organization,
      hostname: server.hostname,
      ipAddress: server.ipAddress,
      build,
      scannedAt: new Date(t),
      indicators: infected ? [...server.indicators] : [],
      mitigation: server.eomtDay !== null && day >= server.eomtDay ? "eomt" : null,
    };
  });
}

/** Every scan of the demo fleet, oldest first, as one scan export would list them. */
export function* demoFleetRows(options: { seed?: number } = {}): Generator<CanonicalRow> {
  const rows = planFleet(options.seed ?? DEFAULT_SEED).flatMap(rowsOf);
  // Code-unit order for ties, not localeCompare: the output must not depend on the machine's locale.
  const key = (r: CanonicalRow) => `${r.organization}\u0000${r.hostname}`;
  rows.sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime() || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  yield* rows;
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The demo fleet as a canonical CSV file (RFC 4180 quoting, LF line endings). */
export function demoFleetCsv(options: { seed?: number } = {}): string {
  const lines = ["organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation"];
  for (const r of demoFleetRows(options)) {
    const scannedAt = r.scannedAt.toISOString().replace(".000Z", "Z");
    const fields = [r.organization, r.hostname, r.ipAddress ?? "", r.build, scannedAt, r.indicators.join(";"), r.mitigation ?? ""];
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Remediations recorded for the default seed's fleet: some compromised servers cleaned up in April. */
export const DEMO_REMEDIATIONS: Array<{ organization: string; hostname: string; remediatedAt: Date; note: string }> =
  planFleet(DEFAULT_SEED)
    .filter((s) => s.remediatedAt !== null)
    .map((s, i) => ({
      organization: s.organization,
      hostname: s.hostname,
      remediatedAt: new Date(s.remediatedAt!),
      note: REMEDIATION_NOTES[i],
    }));
