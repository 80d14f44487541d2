// The daily-fleet scenario of `npm run bench` (issue 12 item 1): 50,000 servers in 1,000 organizations, each scanned
// once a day for 30 days, one file a day through POST /api/v1/scans. An import must cost what the new day costs, not
// what the history costs: it prints each day's time, and the 30th day's against the 1st.
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { once } from "node:events";
import { bin, sh, startServer, treeCpuSeconds, upload } from "./bench-server";

export const DAILY_ORGS = Number(process.env.BENCH_DAILY_ORGS ?? 1000);
const SERVERS_PER_ORG = 50;
export const DAILY_DAYS = Number(process.env.BENCH_DAILY_DAYS ?? 30);
const START = Date.UTC(2021, 2, 3);
const DAY = 86_400_000;
const DIR = "data/bench";

// A server's scan of a day: patched on a day of its own (some never in the month), a mitigation on some, and a web
// shell on one in a thousand, so statuses change every day across the fleet.
function rowFor(org: number, server: number, day: number): string {
  const n = org * SERVERS_PER_ORG + server;
  const patchDay = (n * 7919) % 45;
  const build = day >= patchDay ? "15.1.2176.9" : n % 3 === 0 ? "15.2.792.3" : "15.1.2176.2";
  const indicators = n % 997 === 0 && day >= 5 ? "C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\daily.aspx" : "";
  const mitigation = n % 11 === 0 && day >= 3 ? "eomt" : "";
  const at = new Date(START + day * DAY + (n % 600) * 60_000).toISOString();
  return `Daily ${String(org).padStart(4, "0")},EXCH-${String(server).padStart(2, "0")},10.${org >> 8}.${org & 255}.${server},${build},${at},${indicators},${mitigation}\n`;
}

async function writeDayFile(path: string, day: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation\n");
  for (let org = 0; org < DAILY_ORGS; org++) {
    let chunk = "";
    for (let s = 0; s < SERVERS_PER_ORG; s++) chunk += rowFor(org, s, day);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

export const dailyFile = (day: number) => `${DIR}/daily-${DAILY_ORGS}-${day}.csv`;

export async function writeDailyFiles(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  for (let d = 0; d < DAILY_DAYS; d++) if (!existsSync(dailyFile(d))) await writeDayFile(dailyFile(d), d);
}

export interface DailyResult {
  name: string;
  servers: number;
  days: { day: number; rows: number; seconds: number; cpuSeconds: number; peakMb: number }[];
  firstSeconds: number;
  lastSeconds: number;
  /** the last day's time over the first's */
  ratio: number;
  maxSeconds: number;
}

/** Imports the days one by one into an empty database at `url` and times each. */
export async function benchDaily(name: string, url: string): Promise<DailyResult> {
  console.log(`\n== daily fleet, ${name}: ${DAILY_ORGS * SERVERS_PER_ORG} servers in ${DAILY_ORGS} organizations, ${DAILY_DAYS} days`);
  sh(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
  const token = sh(bin("tsx"), ["scripts/token-create.ts", "--name", "bench-daily"], { DATABASE_URL: url }).trim().split("\n").pop()!;
  const server = await startServer({ DATABASE_URL: url });
  try {
    const days: DailyResult["days"] = [];
    for (let d = 0; d < DAILY_DAYS; d++) {
      // The server's CPU time too: on a shared machine it tells the work done apart from waiting for a core.
      const cpu0 = treeCpuSeconds(server.pid!);
      const r = await upload(dailyFile(d), token, server.pid!);
      const cpuSeconds = Number((treeCpuSeconds(server.pid!) - cpu0).toFixed(2));
      days.push({ day: d + 1, ...r, cpuSeconds });
      console.log(`day ${d + 1}: ${r.rows} rows in ${r.seconds.toFixed(2)} s (server CPU ${cpuSeconds} s), peak RSS ${r.peakMb} MB`);
    }
    const firstSeconds = days[0].seconds;
    const lastSeconds = days.at(-1)!.seconds;
    const result = { name, servers: DAILY_ORGS * SERVERS_PER_ORG, days, firstSeconds, lastSeconds, ratio: Number((lastSeconds / firstSeconds).toFixed(2)), maxSeconds: Math.max(...days.map((x) => x.seconds)) };
    console.log(`daily fleet, ${name}: day 1 ${firstSeconds.toFixed(2)} s, day ${DAILY_DAYS} ${lastSeconds.toFixed(2)} s (x${result.ratio}), slowest ${result.maxSeconds.toFixed(2)} s`);
    return result;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}
