// npm run fuzz: every parser fed FUZZ_RUNS (default 10,000) generated inputs (mutated real samples, truncations,
// huge fields, wrong encodings, random bytes; scripts/fuzz/), each read by the reader layer and uploaded through
// POST /api/v1/scans in this process (dry runs, and one in twenty a real import) on a temporary SQLite database.
// Prints a table of the outcomes and exits non-zero on any crash, 500, hang or unbounded memory (it runs with the
// server's 256 MB old space: an input needing more ends it; a heap that keeps growing after collection fails it).
//   FUZZ_RUNS=N        inputs per format          FUZZ_SEED=N     repeat a run (the seed is printed at the start)
//   FUZZ_TARGETS=a,b   only these formats         --replay <dir>/recipe.json   run one saved failing input again
//   FUZZ_DATABASE_URL=postgresql://…/db   a scratch PostgreSQL database instead (migrated, written to, kept)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { FAILURES_DIR } from "./fuzz/failure-file";
import { fuzzCase, TIME_LIMIT_MS } from "./fuzz/fuzz-case";
import { HangWatchdog } from "./fuzz/hang-watchdog";
import { describe, type Recipe } from "./fuzz/recipe";
import { runTarget } from "./fuzz/run-target";
import { TARGET_IDS, type TargetId } from "./fuzz/samples";
import { table, topCodes, type TargetStats } from "./fuzz/stats";
import { catchUncaught, checkUncaught } from "./fuzz/uncaught";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const TARGETS = (process.env.FUZZ_TARGETS?.split(",").map((t) => t.trim()) ?? TARGET_IDS) as TargetId[];
// Far above any input's time (the limit is 5 s): only an event loop blocked outright gets this far.
const WATCHDOG_MS = 6 * TIME_LIMIT_MS;
const HEAP_GROWTH_LIMIT_MB = 32;

const unknown = TARGETS.filter((t) => !TARGET_IDS.includes(t));
if (unknown.length > 0 || !(RUNS > 0) || !Number.isInteger(SEED)) {
  console.error(`FUZZ_TARGETS takes ${TARGET_IDS.join(", ")}; FUZZ_RUNS a positive number; FUZZ_SEED an integer.`);
  process.exit(2);
}

// A database of its own, migrated as the integration tests do: a temporary SQLite file, removed at the end, unless
// FUZZ_DATABASE_URL names one (PostgreSQL stores less than SQLite: no NUL, no year 0).
const DB = `data/fuzz-${process.pid}.db`;
mkdirSync("data", { recursive: true });
process.env.DATABASE_URL = process.env.FUZZ_DATABASE_URL || `file:./${DB}`;
const removeDatabase = () => [DB, `${DB}-journal`, `${DB}-wal`, `${DB}-shm`].forEach((f) => rmSync(f, { force: true }));
removeDatabase();
execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { stdio: "pipe", env: process.env });
// Imported after DATABASE_URL is set: the database client is made when its module loads.
const { POST } = await import("../app/api/v1/scans/route");
const { createApiToken } = await import("../lib/data/accounts/tokens");
const route = { token: (await createApiToken("fuzz")).token, handler: (req: Request) => POST(req) };

let code = 0;
const replay = process.argv.indexOf("--replay");
if (replay !== -1) {
  const recipe = JSON.parse(readFileSync(process.argv[replay + 1], "utf8")) as Recipe;
  console.log(`replaying ${describe(recipe)}`);
  catchUncaught();
  try {
    const { parser, route: answer } = await fuzzCase(recipe, { route });
    await checkUncaught();
    console.log({ parser, route: answer });
  } catch (err) {
    console.log(String(err), (err as { detail?: string }).detail ?? "");
    code = 1;
  }
} else {
  const database = process.env.DATABASE_URL.replace(/\/\/[^@]*@/, "//***@");
  // npm run fuzz gives the runner the server's old-space ceiling (scripts/server-options.ts): --max-old-space-size=256.
  const ceiling = Math.round(getHeapStatistics().heap_size_limit / 1048576);
  console.log(`npm run fuzz: ${RUNS.toLocaleString("en-US")} inputs per format, FUZZ_SEED=${SEED}, ${TARGETS.length} formats, ${database}, heap limit ${ceiling} MB`);
  const watchdog = new HangWatchdog({ limitMs: WATCHDOG_MS, dir: FAILURES_DIR, seed: SEED });
  const started = Date.now();
  const results: TargetStats[] = [];
  for (const [i, id] of TARGETS.entries()) {
    const options = { runs: RUNS, seed: SEED + i * 100_000, route, watchdog, heapGrowthLimitMb: HEAP_GROWTH_LIMIT_MB, log: console.log };
    results.push(await runTarget(id, options));
  }
  await watchdog.stop();
  const failures = results.reduce((n, r) => n + r.failures, 0);
  console.log(`\n${table(results)}\n`);
  for (const r of results) console.log(`${r.target}: 4xx ${topCodes(r)}; slowest ${Math.round(r.maxMs)} ms, ${r.slowest}`);
  console.log(`\n${failures === 0 ? "no failures" : `${failures} FAILURES (see above and ${FAILURES_DIR}/)`}; ${Math.round((Date.now() - started) / 1000)} s; FUZZ_SEED=${SEED}`);
  code = failures === 0 ? 0 : 1;
}
removeDatabase();
process.exit(code);
