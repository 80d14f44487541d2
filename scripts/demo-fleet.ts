// The demo fleet: about 40 small organizations and their Exchange servers from ProxyLogon (March 2021) through
// ProxyShell (August 2021) to ProxyNotShell (autumn 2022), scanned until the end of January 2023. Pure and seeded,
// so the demo, its screenshots and its tests see the same data on every run.
// Every build comes from lib/domain (the build table and the campaigns' data): a server "installs the update" by
// taking the build the table lists for its CU, so a demo "patched" server is patched by the same rules.
//
// The story, one path per organization (ORGANIZATIONS below):
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
import { BUILT_IN_CAMPAIGNS } from "../lib/domain/campaigns/built-in";
import { releasesOf, securityUpdatesFor, type ExchangeProduct, type ReleaseRow } from "../lib/domain/exchange";
import { thresholdOf, updateBuilds } from "../lib/domain/exchange/catalog";
import type { CanonicalRow } from "../lib/import/canonical-row";

// Days after 2021-03-03 within which an organization's servers get the ProxyLogon fix; past day 58 (April 30) the
// server patches later (or, on the "stayed" path, never), so slow and laggard organizations leave servers
// unpatched at the end of April.
type Pace = "fast" | "steady" | "slow" | "laggard";
const PACE_DAYS: Record<Pace, [number, number]> = { fast: [0, 7], steady: [4, 24], slow: [12, 52], laggard: [22, 90] };
type Path = "every" | "cu2021" | "stopgap-patched" | "stopgap-only" | "late" | "stayed";

// [name, number of Exchange servers, ProxyLogon pace, path after ProxyLogon]: most have 2-8 servers, a few many.
const ORGANIZATIONS: ReadonlyArray<[string, number, Pace, Path]> = [
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

const DEFAULT_SEED = 20210302;
const DAY = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const FIRST_DAY = utc("2021-03-03");
const LAST_DAY_INDEX = 58; // 2021-04-30: the end of the ProxyLogon weeks, scanned server by server
const EOMT_DAY = 12; // EOMT was published on 2021-03-15
const NEW_CU_DAY = 13; // 2016 CU20 and 2019 CU9, with the fix included, came out on 2021-03-16
const MONTHLY_FROM = utc("2021-05-01"); // from here on, each organization's servers are scanned together
const LAST_SCAN_DAY = utc("2023-01-31");
/** The demo's "now": the end of its data, after the last scan and remediation. */
export const DEMO_NOW = new Date("2023-01-31T20:00:00Z");
// When the MSP scans more often: from ProxyShell's disclosure through the August attacks, and from ProxyNotShell's
// disclosure until the bypass was known.
const BUSY: ReadonlyArray<[number, number]> = [[utc("2021-07-13"), utc("2021-10-01")], [utc("2022-09-28"), utc("2023-01-15")]];

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
const PROXYSHELL = BUILT_IN_CAMPAIGNS.find((c) => c.id === "proxyshell")!;
const release = (product: ExchangeProduct, cu: string) => releasesOf(product).find((r) => r.name === cu)!;
const baseBuild = (product: ExchangeProduct, cu: string) => release(product, cu).baseBuild;
const suBuild = (rel: ReleaseRow, su: string) => thresholdOf(updateBuilds(rel, su))?.text ?? null;
function securityUpdateBuild(product: ExchangeProduct, cu: string): string | null {
  const rollup = PROXYLOGON.updateRollups.find((r) => r.product === product);
  if (rollup) return rollup.build;
  return suBuild(release(product, cu), PROXYLOGON.fixes[0].securityUpdate);
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
  // A moment between two days (inclusive), in working hours or in the evening's maintenance window.
  const between = (from: string, to: string, hours: [number, number] = [7, 19]) =>
    utc(from) + int(0, (utc(to) - utc(from)) / DAY) * DAY + int(hours[0] * 60, hours[1] * 60 - 1) * 60_000;
  return { next, int, pick, weighted, between, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof makeRng>;

// What happens to a server's build: a given build (the ProxyLogon weeks), or "bring it up to date" on that day,
// which installs the newest security update out for the product, on its CU while that CU still gets it, else on
// the newest CU that does (newest: move there even if the current CU still gets updates).
type Change = { at: number; build: string } | { at: number; update: "current" | "newest" };

interface Incident {
  indicators: string[];
  from: number; // epoch ms of the first scan that finds them
  remediatedAt: number | null;
  note: string;
}

interface PlannedServer {
  organization: string;
  path: Path;
  hostname: string;
  ipAddress: string | null;
  product: ExchangeProduct;
  startBuild: string;
  changes: Change[];
  timeline: Array<{ at: number; build: string }>; // derived from startBuild and changes, oldest first
  proxyLogonPatchDay: number; // days after 2021-03-03; past LAST_DAY_INDEX: not within the ProxyLogon weeks
  scanTimes: number[];
  eomtDay: number | null;
  eomtv2At: number | null;
  threePart: boolean;
  incidents: Incident[];
}

const HOST_SCHEMES: ReadonlyArray<(year: string) => string> = [
  () => "MAIL", () => "EXCH", (y) => `EXCH-${y}-`, (y) => `EX${y}-`, () => "SRV-EX", () => "MBX",
];
const IP_RANGES = ["192.0.2.", "198.51.100.", "203.0.113."]; // RFC 5737 documentation ranges
const WEB_SHELLS = ["RedirSuiteServerProxy", "errorEE", "TimeoutLogout", "OutlookEN", "shell", "supp0rt"];
const AUTH_DIR = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\FrontEnd\\HttpProxy\\owa\\auth";
const PROXYLOGON_NOTES = [
  "Web shells removed, MSERT full scan clean, all admin passwords reset.",
  "Server rebuilt from scratch by the MSP; mailbox databases restored from the February backup.",
  "OWA and ECP virtual directories recreated, web shell deleted, incident reported to the insurer.",
];
// ProxyLogon compromises found in the spring and cleaned up in the MSP's May-June review.
const PROXYLOGON_LATE_NOTES = [
  "Found again in the May review: web shell deleted, OWA virtual directory reset, MSERT and a full antivirus scan clean.",
  "Cleaned up with the June maintenance: web shells deleted, IIS logs reviewed back to January, service accounts' passwords changed.",
  "Web shell found by the MSP's deeper scan deleted; no other changes found; all Exchange admin passwords reset.",
];
const PROXYSHELL_NOTES = [
  "Web shells removed from aspnet_client, the attacker's mailbox export requests deleted, current security update installed, admin passwords reset.",
  "Server rebuilt by the MSP and brought up to date; mailboxes restored from the July backup; incident reported to the cyber insurer.",
  "IIS and MSExchange Management logs reviewed back to August 1; web shells deleted, security updates installed, domain admin passwords reset.",
];

function randomName(rng: Rng, length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from({ length }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("");
}

function proxyLogonBuild(rng: Rng, product: ExchangeProduct, cu: string, day: number): string {
  const fresh = FRESH_CU[product];
  if (fresh && day >= NEW_CU_DAY + 3 && rng.chance(0.3)) return baseBuild(product, fresh);
  return securityUpdateBuild(product, cu) ?? securityUpdateBuild(product, LATEST_CU[product]!)!;
}

// The newest security update out for the product on that day, and the build it gives: see Change.
function updatedBuild(product: ExchangeProduct, current: ReleaseRow, at: number, update: "current" | "newest"): string | null {
  const out = securityUpdatesFor(product).filter((u) => utc(u.released) <= at);
  const su = out.reduce<(typeof out)[number] | null>((newest, u) => (newest === null || u.released > newest.released ? u : newest), null);
  if (su === null) return null; // Exchange 2010: no security updates after Update Rollup 32
  const releases = releasesOf(product);
  const from = releases.indexOf(current);
  const serviced = releases.filter((r, i) => i >= from && utc(r.released) <= at && suBuild(r, su.name) !== null);
  if (serviced.length === 0) return null;
  const target = update === "current" && serviced[0] === current ? current : serviced[serviced.length - 1];
  return suBuild(target, su.name);
}

function releaseOfBuild(product: ExchangeProduct, build: string): ReleaseRow {
  const releases = releasesOf(product);
  // The release whose base build shares the build's first three parts (Exchange 2010: its first two).
  const parts = build.split(".");
  const key = product === "Exchange 2010" ? 2 : 3;
  return releases.find((r) => r.baseBuild.split(".").slice(0, key).join(".") === parts.slice(0, key).join("."))!;
}

function deriveTimeline(server: PlannedServer): void {
  let build = server.startBuild;
  server.timeline = [];
  for (const change of [...server.changes].sort((a, b) => a.at - b.at)) {
    const next = "build" in change ? change.build : updatedBuild(server.product, releaseOfBuild(server.product, build), change.at, change.update);
    if (next !== null && next !== build) server.timeline.push({ at: change.at, build: (build = next) });
  }
}

const buildAt = (server: PlannedServer, t: number) =>
  server.timeline.reduce((build, step) => (step.at <= t ? step.build : build), server.startBuild);

// The changes after ProxyLogon, by the organization's path; each server on its own day within the window.
function pathChanges(rng: Rng, path: Path): Change[] {
  const changes: Change[] = [];
  const add = (p: number, from: string, to: string, update: "current" | "newest" = "current") => {
    if (rng.chance(p)) changes.push({ at: rng.between(from, to, [19, 23]), update });
  };
  const newest = (p: number) => (rng.chance(p) ? "newest" : "current");
  if (path === "every" || path.startsWith("stopgap")) {
    add(1, "2021-05-12", "2021-06-15", newest(0.2)); // the April and May updates: ProxyShell fixed before it was public
    add(path === "every" ? 1 : 0.6, "2021-07-14", "2021-08-10", newest(0.5)); // July update, some to CU21 / CU10
    add(1, "2021-11-10", "2021-12-06", newest(0.5)); // Nov21SU (CVE-2021-42321), some to CU22 / CU11
    add(path === "every" ? 0.6 : 0.4, "2022-03-09", "2022-04-12");
    add(path === "every" ? 0.6 : 0.2, "2022-05-11", "2022-07-15", newest(0.6)); // CU23 / CU12 came out in April 2022
  }
  if (path === "every") {
    add(0.7, "2022-08-10", "2022-09-15");
    add(1, "2022-11-09", "2022-11-30"); // Nov22SU: ProxyNotShell fixed
    add(0.5, "2023-01-11", "2023-01-27");
  }
  if (path === "stopgap-patched") add(1, "2022-12-01", "2023-01-27"); // after weeks on the URL Rewrite rule
  if (path === "cu2021") {
    add(0.6, "2021-05-12", "2021-08-20");
    add(1, "2021-07-20", "2021-12-15", "newest"); // the CU of the moment: 2016 CU21/CU22, 2019 CU10/CU11
    add(0.4, "2022-01-12", "2022-04-15");
  }
  if (path === "late") {
    add(1, "2021-09-06", "2021-11-30", newest(0.3)); // after the August attacks
    add(0.3, "2022-02-01", "2022-06-30");
  }
  return changes;
}

function planFleet(seed: number): PlannedServer[] {
  const rng = makeRng(seed);
  const servers: PlannedServer[] = [];
  const ipNext = IP_RANGES.map(() => 10);
  for (const [orgIndex, [organization, count, pace, path]] of ORGANIZATIONS.entries()) {
    // Each organization's servers sit together in one range; the table's sizes keep every range under .255.
    const range = orgIndex % IP_RANGES.length;
    // Clients who kept up with updates had left Exchange 2010 (out of support since October 2020) by then.
    const versions = path === "stayed" || path === "late" ? VERSIONS : VERSIONS.filter(([product]) => product !== "Exchange 2010");
    const primary = rng.weighted(versions, 2);
    const scheme = rng.pick(HOST_SCHEMES);
    const numbers = new Map<string, number>();
    const [fromDay, toDay] = PACE_DAYS[pace];
    const orgScans = organizationScanDays(rng, path);
    for (let n = 0; n < count; n++) {
      const [product, cu] = rng.chance(0.75) ? primary : rng.weighted(versions, 2);
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
      // After April the MSP scans the organization's servers together, one after the other; a server that is
      // down that day is missed.
      for (const start of orgScans) if (!rng.chance(0.03)) scanTimes.push(start + rng.int(0, 45) * 60_000);
      const changes: Change[] = [];
      const patchAt = FIRST_DAY + patchDay * DAY + rng.int(19 * 60, 23 * 60) * 60_000;
      if (patchDay <= LAST_DAY_INDEX) changes.push({ at: patchAt, build: proxyLogonBuild(rng, product, cu, patchDay) });
      else if (path !== "stayed") changes.push({ at: patchAt, update: "current" }); // patched late, with the update of the day
      changes.push(...pathChanges(rng, path));
      const server: PlannedServer = {
        organization,
        path,
        hostname: `${prefix}${String(numbers.get(prefix)).padStart(2, "0")}`,
        ipAddress: rng.chance(0.03) ? null : `${IP_RANGES[range]}${ipNext[range]++}`,
        product,
        startBuild: product === "Exchange 2010" ? rng.pick(EXCHANGE_2010_UNPATCHED) : baseBuild(product, cu),
        changes,
        timeline: [],
        proxyLogonPatchDay: patchDay,
        scanTimes,
        eomtDay: eomtDayFor(rng, scanTimes, patchDay),
        eomtv2At: path.startsWith("stopgap") && product !== "Exchange 2010" && rng.chance(0.9) ? rng.between("2022-10-03", "2022-10-21", [19, 23]) : null,
        threePart: false,
        incidents: [],
      };
      deriveTimeline(server);
      servers.push(server);
    }
  }
  compromisedInProxyLogon(rng, servers);
  compromisedInProxyShell(rng, servers);
  // A network scanner reports only three parts of the build for a few servers it alone covers.
  const candidates = servers.filter((s) => s.product !== "Exchange 2010" && s.incidents.length === 0);
  for (let i = 0; i < 4; i++) rng.pick(candidates).threePart = true;
  return servers;
}

// The days an organization is scanned after April 2021: monthly or so, every week or two in an emergency. The MSP
// looks less often at clients who do not act on what it finds.
function organizationScanDays(rng: Rng, path: Path): number[] {
  const quiet: [number, number] = path === "stayed" || path === "late" ? [40, 70] : [28, 50];
  const starts: number[] = [];
  for (let day = MONTHLY_FROM + rng.int(0, 20) * DAY; day <= LAST_SCAN_DAY; ) {
    starts.push(day + rng.int(7 * 60, 17 * 60) * 60_000);
    const busy = BUSY.some(([from, to]) => day >= from && day < to);
    day += (busy ? rng.int(9, 20) : rng.int(...quiet)) * DAY;
  }
  return starts;
}

// EOMT came out on March 15; a server that used it did so while unpatched, and a scan saw it that way.
function eomtDayFor(rng: Rng, scanTimes: number[], patchDay: number): number | null {
  const days = scanTimes
    .map((t) => Math.floor((t - FIRST_DAY) / DAY))
    .filter((d) => d >= EOMT_DAY && d <= LAST_DAY_INDEX && d < patchDay);
  return days.length > 0 && rng.chance(0.15) ? Math.max(EOMT_DAY, rng.pick(days) - rng.int(0, 2)) : null;
}

// ProxyLogon chains need Exchange 2013 or later, so 2010 servers are never among the compromised.
function compromisedInProxyLogon(rng: Rng, servers: PlannedServer[]): void {
  const exposed = servers.filter((s) => s.product !== "Exchange 2010");
  const count = rng.int(7, 10);
  const chosen = new Set<PlannedServer>();
  while (chosen.size < count) chosen.add(rng.pick(exposed));
  let late = 0;
  [...chosen].forEach((server, i) => {
    const shells = [`C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\${randomName(rng, 8)}.aspx`];
    if (rng.chance(0.5)) shells.push(`${AUTH_DIR}\\${rng.pick(WEB_SHELLS)}.aspx`);
    if (rng.chance(0.3)) shells.push("lsass.dmp in C:\\Windows\\Temp");
    // Mostly found by the first scans in early March; a few only by a later, deeper scan.
    const spring = server.scanTimes.filter((t) => t < MONTHLY_FROM);
    const later = spring.filter((t) => t >= FIRST_DAY + EOMT_DAY * DAY);
    const from = rng.chance(0.75) || later.length === 0 ? spring[0] : later[0];
    const incident: Incident = { indicators: shells, from, remediatedAt: null, note: "" };
    if (i < PROXYLOGON_NOTES.length) {
      incident.remediatedAt = Date.UTC(2021, 3, rng.int(8, 22), 17, 30);
      incident.note = PROXYLOGON_NOTES[i];
    } else if ((server.path === "every" || server.path.startsWith("stopgap")) && late < PROXYLOGON_LATE_NOTES.length) {
      // The diligent clients cleaned up the rest with their next maintenance.
      incident.remediatedAt = Date.UTC(2021, rng.int(4, 5), rng.int(3, 28), 17, 30);
      incident.note = PROXYLOGON_LATE_NOTES[late++];
    }
    server.incidents.push(incident);
  });
}

// ProxyShell was mass-exploited from August 2021: web shells written through mailbox exports on servers without
// the April and May updates, found by the scans of August and September. The late clients cleaned up and patched
// within weeks; of the others, one did.
function compromisedInProxyShell(rng: Rng, servers: PlannedServer[]): void {
  const attacked = utc("2021-08-09");
  const found = (s: PlannedServer) => s.scanTimes.filter((t) => t >= utc("2021-08-10") && t < utc("2021-10-01"));
  const exposed = servers.filter(
    (s) =>
      s.product !== "Exchange 2010" &&
      s.incidents.length === 0 &&
      (s.path === "late" || s.path === "stayed") &&
      PROXYSHELL.judgeBuild(buildAt(s, attacked)).status === "unpatched" &&
      found(s).length > 0,
  );
  const count = Math.min(exposed.length, rng.int(4, 6));
  const chosen = new Set<PlannedServer>();
  while (chosen.size < count) chosen.add(rng.pick(exposed));
  let notes = 0;
  for (const server of chosen) {
    const name = randomName(rng, 6).toLowerCase();
    const shells = [`C:\\inetpub\\wwwroot\\aspnet_client\\${name}.aspx`, `New-MailboxExportRequest to \\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\${name}.aspx`];
    if (rng.chance(0.5)) shells.push(`${AUTH_DIR}\\${randomName(rng, 5).toLowerCase()}.aspx`);
    const from = rng.pick(found(server));
    const incident: Incident = { indicators: shells, from, remediatedAt: null, note: "" };
    if ((server.path === "late" || notes === 0) && notes < PROXYSHELL_NOTES.length) {
      const day = new Date(from + rng.int(4, 21) * DAY);
      incident.remediatedAt = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 17, 30);
      incident.note = PROXYSHELL_NOTES[notes++];
      // Brought up to date the same day, so the next scan finds neither the shells nor the missing updates.
      server.changes.push({ at: incident.remediatedAt - 60 * 60_000, update: "current" });
      deriveTimeline(server);
    }
    server.incidents.push(incident);
  }
}

/** A row of the demo fleet: a canonical row whose mitigation may also be ProxyNotShell's URL Rewrite rule. */
export type DemoFleetRow = Omit<CanonicalRow, "mitigation"> & { mitigation: "eomt" | "eomtv2" | null };

function rowsOf(server: PlannedServer): DemoFleetRow[] {
  return server.scanTimes.map((t) => {
    const day = Math.floor((t - FIRST_DAY) / DAY);
    let build = buildAt(server, t);
    if (server.threePart) build = build.split(".").slice(0, 3).join(".");
    const open = server.incidents.filter((i) => t >= i.from && (i.remediatedAt === null || t < i.remediatedAt));
    const eomtv2 = server.eomtv2At !== null && t >= server.eomtv2At;
    return {
      organization: server.organization,
      hostname: server.hostname,
      ipAddress: server.ipAddress,
      build,
      scannedAt: new Date(t),
      indicators: open.flatMap((i) => i.indicators),
      mitigation: eomtv2 ? "eomtv2" : server.eomtDay !== null && day >= server.eomtDay ? "eomt" : null,
    };
  });
}

/** Every scan of the demo fleet, oldest first, as one scan export would list them. */
export function* demoFleetRows(options: { seed?: number } = {}): Generator<DemoFleetRow> {
  const rows = planFleet(options.seed ?? DEFAULT_SEED).flatMap(rowsOf);
  // Code-unit order for ties, not localeCompare: the output must not depend on the machine's locale.
  const key = (r: DemoFleetRow) => `${r.organization}\u0000${r.hostname}`;
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

/** Remediations recorded for the default seed's fleet, oldest first: compromises cleaned up in 2021. */
export const DEMO_REMEDIATIONS: Array<{ organization: string; hostname: string; remediatedAt: Date; note: string }> =
  planFleet(DEFAULT_SEED)
    .flatMap((s) =>
      s.incidents.flatMap((i) =>
        i.remediatedAt === null ? [] : [{ organization: s.organization, hostname: s.hostname, remediatedAt: new Date(i.remediatedAt), note: i.note }],
      ),
    )
    .sort((a, b) => a.remediatedAt.getTime() - b.remediatedAt.getTime());
