import { rmSync, mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { bin, sh, upload, PORT } from "./bench-server";
import { bundleServer } from "./server-bundle";
import { serverEnv } from "./server-options";
import { dailyFile, writeDailyFiles } from "./bench-daily";
const url = "file:./data/tmp-prof.db";
for (const s of ["", "-wal", "-shm"]) rmSync("data/tmp-prof.db" + s, { force: true });
await writeDailyFiles();
sh(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
const token = sh(bin("tsx"), ["scripts/token-create.ts", "--name", "p"], { DATABASE_URL: url }).trim().split("\n").pop()!;
const days = Number(process.argv[2] ?? 5);
const server = spawn("node", ["--cpu-prof", "--cpu-prof-dir=/tmp/sprof", await bundleServer(), "-p", String(PORT)], { env: serverEnv({ ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", PATCHBOARD_SECRET: "bench-session-secret-7c1e9a42d0b5f8e3a6d1" }), stdio: ["ignore", "ignore", "inherit"] });
for (let i = 0; i < 120; i++) { try { if ((await fetch(`http://127.0.0.1:${PORT}/api/v1/summary`)).status === 401) break; } catch {} await new Promise((r) => setTimeout(r, 500)); }
for (let d = 0; d < days; d++) {
  const r = await upload(dailyFile(d), token, server.pid!);
  console.log(`day ${d + 1}: ${r.seconds.toFixed(2)} s`);
}
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
