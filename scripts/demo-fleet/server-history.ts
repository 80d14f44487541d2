// A server's history after its first build: the updates its organization's path brings, the days it is scanned,
// and whether it ran EOMT.
import type { Change } from "./planned-server";
import type { Rng } from "./rng";
import { BUSY, EOMT_DAY, FIRST_DAY, LAST_DAY_INDEX, LAST_SCAN_DAY, MONTHLY_FROM, type Path } from "./story";
import { DAY } from "./time";

// The changes after ProxyLogon, by the organization's path; each server on its own day within the window.
export function pathChanges(rng: Rng, path: Path): Change[] {
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

// The days an organization is scanned after April 2021: monthly or so, every week or two in an emergency. The MSP
// looks less often at clients who do not act on what it finds.
export function organizationScanDays(rng: Rng, path: Path): number[] {
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
export function eomtDayFor(rng: Rng, scanTimes: number[], patchDay: number): number | null {
  const days = scanTimes
    .map((t) => Math.floor((t - FIRST_DAY) / DAY))
    .filter((d) => d >= EOMT_DAY && d <= LAST_DAY_INDEX && d < patchDay);
  return days.length > 0 && rng.chance(0.15) ? Math.max(EOMT_DAY, rng.pick(days) - rng.int(0, 2)) : null;
}
