// npm run bench:web: what each page costs a browser on a slow laptop. The production app (scripts/web-app.ts, the
// demo fleet) is loaded in Chromium with a cold cache and the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate);
// per page: the JavaScript transferred (as sent, and decoded), the largest contentful paint and the total blocking
// time. Prints a table and writes docs/bench/<date>-web.json.
// BENCH_WEB_PORT (default 3300), BENCH_WEB_RUNS (loads per page, median reported; default 5), CPU_SLOWDOWN (4).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { chromium, type Browser, type BrowserContextOptions } from "@playwright/test";
import { CHROMIUM_PATH, demoPaths, ownerState, startApp } from "./web-app";
import { median, pageMetrics, type WebMetrics } from "./web-metrics";

const PORT = Number(process.env.BENCH_WEB_PORT ?? 3300);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const CPU_SLOWDOWN = Number(process.env.CPU_SLOWDOWN ?? 4);

interface PageResult extends WebMetrics {
  page: string;
  path: string;
  runs: WebMetrics[];
}

async function measure(browser: Browser, base: string, path: string, storageState: BrowserContextOptions["storageState"]): Promise<WebMetrics> {
  // A new context per load: nothing cached, as on a first visit.
  const context = await browser.newContext({ baseURL: base, storageState, viewport: { width: 1350, height: 940 } });
  try {
    return await pageMetrics(await context.newPage(), path, CPU_SLOWDOWN);
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function printTable(results: PageResult[]) {
  const head = ["page", "first-load JS sent", "decoded", "all JS sent", "decoded", "LCP ms", "TBT ms"];
  const rows = results.map((r) => [
    r.page,
    `${kb(r.firstLoadJs.transferred)} KB (${r.firstLoadJs.encoding})`,
    `${kb(r.firstLoadJs.decoded)} KB`,
    `${kb(r.allJs.transferred)} KB`,
    `${kb(r.allJs.decoded)} KB`,
    r.lcp.toFixed(0),
    r.tbt.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  console.log(`\n${line(head)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
}

function summarise(page: string, path: string, runs: WebMetrics[]): PageResult {
  const pick = (f: (m: WebMetrics) => number) => median(runs.map(f));
  const first = runs[0];
  return {
    page,
    path,
    firstLoadJs: { ...first.firstLoadJs, transferred: pick((m) => m.firstLoadJs.transferred), decoded: pick((m) => m.firstLoadJs.decoded) },
    allJs: { ...first.allJs, transferred: pick((m) => m.allJs.transferred), decoded: pick((m) => m.allJs.decoded) },
    lcp: pick((m) => m.lcp),
    tbt: pick((m) => m.tbt),
    longTasks: pick((m) => m.longTasks),
    runs,
  };
}

async function main() {
  const loadAtStart = loadavg();
  const app = await startApp("bench-web", PORT);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH });
  try {
    const owner = await ownerState(browser, app.base);
    const { organization, server } = await demoPaths(browser, app.base, owner);
    const pages: [string, string, BrowserContextOptions["storageState"]][] = [
      ["overview", "/", owner],
      ["organization", organization, owner],
      ["servers", "/servers", owner],
      ["server", server, owner],
      ["upload", "/upload", owner],
      ["sign-in", "/sign-in", undefined],
    ];
    // One load first, not counted: the server compiles nothing, but its caches and the database's warm up.
    for (const [, path, state] of pages) await measure(browser, app.base, path, state);
    const results: PageResult[] = [];
    for (const [name, path, state] of pages) {
      const runs: WebMetrics[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, app.base, path, state));
      results.push(summarise(name, path, runs));
      console.log(`${name}: done`);
    }
    printTable(results);
    const date = new Date().toISOString().slice(0, 10);
    const file = `docs/bench/${date}-web.json`;
    mkdirSync("docs/bench", { recursive: true });
    // The load average says how much else the machine was doing: wall-clock figures such as TBT grow with it.
    const machine = { cpus: cpus().length, loadAverage: { start: loadAtStart, end: loadavg() }, node: process.version, chromium: browser.version() };
    writeFileSync(file, `${JSON.stringify({ date, cpuSlowdown: CPU_SLOWDOWN, runsPerPage: RUNS, machine, results }, null, 2)}\n`);
    console.log(`\nwritten: ${file}`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
