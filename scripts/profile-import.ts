// Where an import's time goes, without HTTP: imports the bench's files one by one into a fresh database at
// DATABASE_URL (default data/profile.db), in this process, and prints each import's phases and CPU time.
//   node --import tsx scripts/profile-import.ts daily [N]  the daily fleet's first N days (50,000 rows each; default 2)
//   node --import tsx scripts/profile-import.ts fleet [N]  the bench's first N 1,000,000-row files (default 1)
// PROFILE_IMPORT=K writes a V8 CPU profile of the K-th import (default: the last) to PROFILE_OUT
// (data/profile-<kind>-<K>.cpuprofile); open it in Chrome's DevTools, or summarise it with
// `node scripts/profile-summary.mjs FILE`. docs/import-profile.md reads one.
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import { dailyFile, writeDailyFiles } from "./bench-daily";
import { writeBenchFile } from "./bench-fleet";

const kind = process.argv[2] === "fleet" ? "fleet" : "daily";
const count = Number(process.argv[3] ?? (kind === "fleet" ? 1 : 2));
const url = (process.env.DATABASE_URL ??= "file:./data/profile.db");
if (url.startsWith("file:")) for (const suffix of ["", "-wal", "-shm"]) rmSync(url.slice("file:".length) + suffix, { force: true });
const migrate = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: process.env, encoding: "utf8" });
if (migrate.status !== 0) throw new Error(migrate.stderr);
// Imported once DATABASE_URL is settled: the database module reads it when it loads.
const { SYSTEM_ACCESS } = await import("../lib/domain/access");
const { importScanFile } = await import("../lib/data/imports/imports");

const files: string[] = [];
if (kind === "daily") {
  await writeDailyFiles();
  for (let d = 0; d < count; d++) files.push(dailyFile(d));
} else {
  mkdirSync("data/bench", { recursive: true });
  for (let k = 0; k < count; k++) {
    const path = `data/bench/scans-${k}.csv`;
    if (!existsSync(path)) await writeBenchFile(path, k);
    files.push(path);
  }
}

const profiled = Number(process.env.PROFILE_IMPORT ?? files.length);
const inspector = new Session();
inspector.connect();
for (const [i, path] of files.entries()) {
  const n = i + 1;
  if (n === profiled) {
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.start");
  }
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let computing = 0;
  const summary = await importScanFile({
    access: SYSTEM_ACCESS,
    origin: "api",
    maxBytes: 1 << 30,
    body: createReadStream(path),
    fileName: path,
    onProgress: (p) => {
      if (p.phase === "computing" && !computing) computing = performance.now();
    },
  });
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (n === profiled) {
    const { profile } = await inspector.post("Profiler.stop");
    const out = process.env.PROFILE_OUT ?? `data/profile-${kind}-${n}.cpuprofile`;
    writeFileSync(out, JSON.stringify(profile));
    console.log(`profile of import ${n}: ${out}`);
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    // A duplicate (the same day imported again into this database) is answered before any re-derive.
    `import ${n}: ${summary.accepted} rows${summary.duplicate ? ", a duplicate" : ""}; ` +
      (computing ? `read and write ${s(computing - t0)}, re-derive and record ${s(t1 - computing)}, ` : "") +
      `total ${s(t1 - t0)}; CPU ${s((cpu.user + cpu.system) / 1000)}; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`,
  );
}
process.exit(0);
