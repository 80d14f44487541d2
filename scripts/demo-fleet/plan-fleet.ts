// Plans the whole fleet from one seed: each organization's servers, their builds, scans and compromises.
import { baseBuild, deriveTimeline, proxyLogonBuild, securityUpdateBuild } from "./builds";
import { compromisedInProxyLogon, compromisedInProxyShell } from "./compromises";
import type { Change, PlannedServer } from "./planned-server";
import { makeRng } from "./rng";
import { eomtDayFor, organizationScanDays, pathChanges } from "./server-history";
import { EXCHANGE_2010_UNPATCHED, FIRST_DAY, LAST_DAY_INDEX, ORGANIZATIONS, PACE_DAYS, VERSIONS } from "./story";
import { DAY } from "./time";

const HOST_SCHEMES: ReadonlyArray<(year: string) => string> = [
  () => "MAIL", () => "EXCH", (y) => `EXCH-${y}-`, (y) => `EX${y}-`, () => "SRV-EX", () => "MBX",
];
const IP_RANGES = ["192.0.2.", "198.51.100.", "203.0.113."]; // RFC 5737 documentation ranges

export function planFleet(seed: number): PlannedServer[] {
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
