// The benchmark's server: the one `npm start` runs (scripts/serve.ts) on BENCH_PORT, its process tree's memory and CPU, and an upload
// through POST /api/v1/scans timed with the server's peak memory. Shared by bench.ts and bench-daily.ts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { treePids } from "./load/process-tree";
import { bundleServer } from "./server-bundle";
import { serverEnv } from "./server-options";

export const PORT = Number(process.env.BENCH_PORT ?? 3200);
export const base = `http://127.0.0.1:${PORT}`;

export const bin = (n: string) => `node_modules/.bin/${n}`;
export const sh = (cmd: string, args: string[], env: Record<string, string>) => {
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

// The process tree's CPU time (user + system, seconds): on a shared machine it tells the work done apart from the
// time spent waiting for a core.
export function treeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of treePids(root)) {
    // After "comm) ": state is field 0, utime field 11, stime field 12.
    const fields = readProc(pid, "stat")?.split(") ")[1].split(" ");
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

export function treeRssKb(root: number): number {
  return treePids(root).reduce((total, pid) => total + Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, "status") ?? "")?.[1] ?? 0), 0);
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null; // the process ended meanwhile
  }
}

export async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  // The server `npm start` runs (scripts/serve.ts): uploads import in its worker thread, as in production.
  const server = spawn("node", [await bundleServer(), "-p", String(PORT)], {
    env: serverEnv({ ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", PATCHBOARD_SECRET: process.env.PATCHBOARD_SECRET ?? "bench-session-secret-7c1e9a42d0b5f8e3a6d1" }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/v1/summary`)).status === 401) return server;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

export async function upload(path: string, token: string, pid: number) {
  let peak = treeRssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), 100);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/scans`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const body = (await res.json()) as { import?: { accepted: number }; error?: unknown };
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return { seconds, rows: body.import!.accepted, peakMb: Math.round(peak / 1024) };
}

