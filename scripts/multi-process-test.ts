// npm run test:multi (and the last stage of `npm test`): two app processes on one PostgreSQL database behind nginx
// as the load balancer, as docs/deploy.md describes. Uploaders send distinct files (and one file twice, at once)
// while readers read, all through nginx; then the database must hold every accepted row once, and every derived
// count must equal a recount from the rows it derives from. Exits non-zero on any error or mismatch.
// MULTI_UPLOADERS, MULTI_FILES, MULTI_ROWS and MULTI_READERS size the load (the defaults take about a minute).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkStored, openCounter } from "./load/fleet-checks";
import { csvFile as loadCsv, percentile, reader, report, upload as uploadTo, type Check, type ReadOutcome, type Upload } from "./load/fleet-load";
import { startApp, type RunningApp } from "./web-app";

const UPLOADERS = Number(process.env.MULTI_UPLOADERS ?? 6);
const FILES = Number(process.env.MULTI_FILES ?? 3);
const ROWS = Number(process.env.MULTI_ROWS ?? 600);
const READERS = Number(process.env.MULTI_READERS ?? 8);
const ORGS = 8;
const PORTS = { nginx: 3470, a: 3471, b: 3472 };
const PG_BASE = process.env.TEST_POSTGRES_URL ?? "postgresql://patchboard:patchboard@127.0.0.1:5432";
const DB = `patchboard_multi_${process.pid}`;
const DIR = resolve("data/multi");
const TOKEN = "multi-admin-token-0123456789abcdefghijklmnopqrstuv";
const SECRET = "multi-process-session-secret-0123456789abcdef";
const base = `http://127.0.0.1:${PORTS.nginx}`;

const pgAdmin = (action: "create" | "drop") => spawnSync("node", ["scripts/pg-admin.mjs", action, PG_BASE, DB], { encoding: "utf8" });

// Each uploader has its own servers, spread over organizations every uploader writes to: the imports contend for
// the same organizations' counts and roll-up rows, which is what must stay exact.
const csvFile = (uploader: number, file: number) => loadCsv(uploader, file, { rows: ROWS, orgs: ORGS, prefix: "MP", dayStep: 5 });

function nginxConfig(): string {
  return `worker_processes 1;
daemon off;
pid ${DIR}/nginx.pid;
error_log ${DIR}/nginx-error.log warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 512; }
http {
  log_format upstream '$upstream_addr $status';
  access_log ${DIR}/nginx-access.log upstream;
  client_body_temp_path ${DIR}/body;
  proxy_temp_path ${DIR}/proxy;
  fastcgi_temp_path ${DIR}/fastcgi;
  uwsgi_temp_path ${DIR}/uwsgi;
  scgi_temp_path ${DIR}/scgi;
  client_max_body_size 100m;
  upstream patchboard { server 127.0.0.1:${PORTS.a}; server 127.0.0.1:${PORTS.b}; }
  server {
    listen 127.0.0.1:${PORTS.nginx};
    location / {
      proxy_pass http://patchboard;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering off;
      proxy_read_timeout 300s;
    }
  }
}
`;
}

async function startNginx(): Promise<ChildProcess> {
  writeFileSync(`${DIR}/nginx.conf`, nginxConfig());
  const child = spawn("nginx", ["-c", `${DIR}/nginx.conf`, "-p", DIR], { stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${base}/sign-in`, { redirect: "manual" });
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("nginx did not answer");
}

const upload = (csv: string): Promise<Upload> => uploadTo(base, TOKEN, csv);

// A read with no answer in 60 s is an error (a hang); slowness is what the p95 reports.
const READ_PATHS = ["/api/v1/summary", "/api/v1/servers?pageSize=25&page=2", "/api/v1/trend", "/api/v1/organizations?sort=-unpatched", "/api/v1/summary?campaign=proxylogon"];

async function checkDatabase(accepted: number): Promise<Check[]> {
  const counter = await openCounter(`${PG_BASE}/${DB}`);
  try {
    return await checkStored(counter, accepted, UPLOADERS * ROWS);
  } finally {
    await counter.close();
  }
}

async function main(): Promise<void> {
  if (pgAdmin("create").status !== 0) {
    if (process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1") throw new Error(`PostgreSQL at ${PG_BASE} is required here but not reachable.`);
    console.log(`\n!!! SKIPPED: the multi-process test needs PostgreSQL at ${PG_BASE}.\n`);
    return;
  }
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const apps: RunningApp[] = [];
  let nginx: ChildProcess | null = null;
  try {
    const options = { demo: false, databaseUrl: `${PG_BASE}/${DB}`, env: { PATCHBOARD_ADMIN_TOKEN: TOKEN, PATCHBOARD_SECRET: SECRET, PATCHBOARD_TRUST_PROXY: "1" } };
    // The first start migrates; the second finds nothing pending, as a second instance of a deployment does.
    apps.push(await startApp("multi-a", PORTS.a, options));
    apps.push(await startApp("multi-b", PORTS.b, options));
    nginx = await startNginx();

    const files = Array.from({ length: UPLOADERS }, (_, u) => Array.from({ length: FILES }, (_, f) => csvFile(u, f)));
    let uploading = true;
    const reads: ReadOutcome[] = [];
    const readers = Array.from({ length: READERS }, (_, r) => reader(base, TOKEN, READ_PATHS, () => !uploading, reads, r, 60_000));
    const t0 = performance.now();
    // Every uploader sends its files in turn; the first two also send one shared file at the same moment.
    // (uploader 0's servers on a later day than any of its own files)
    const shared = csvFile(0, FILES + 5);
    const results = await Promise.allSettled([
      ...files.map(async (list, u) => {
        const out: Upload[] = [];
        if (u < 2) out.push(await upload(shared));
        for (const csv of list) out.push(await upload(csv));
        return out;
      }),
    ]);
    const seconds = (performance.now() - t0) / 1000;
    uploading = false;
    await Promise.all(readers);

    const failures = results.flatMap((r) => (r.status === "rejected" ? [String((r.reason as Error).message)] : []));
    const uploads = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
    const duplicates = uploads.filter((u) => u.duplicate).length;
    const accepted = uploads.filter((u) => !u.duplicate).reduce((n, u) => n + u.accepted, 0);
    const readErrors = reads.filter((r) => r.status !== 200).map((r) => `${r.path}: ${r.status} ${r.code ?? ""}`);
    const p95 = percentile(reads.map((r) => r.ms).sort((a, b) => a - b), 95);
    const upstreams = new Set(readFileSync(`${DIR}/nginx-access.log`, "utf8").split("\n").filter(Boolean).map((l) => l.split(" ")[0]));

    const checks: Check[] = [
      { what: "every upload answered", ok: failures.length === 0, detail: failures.slice(0, 3).join("; ") || `${uploads.length} uploads` },
      { what: "the shared file imported once", ok: duplicates === 1, detail: `${duplicates} answered as a duplicate` },
      { what: "every read answered 200", ok: readErrors.length === 0, detail: readErrors.slice(0, 3).join("; ") || `${reads.length} reads` },
      { what: "both app processes served", ok: upstreams.has(`127.0.0.1:${PORTS.a}`) && upstreams.has(`127.0.0.1:${PORTS.b}`), detail: [...upstreams].join(", ") },
      ...(await checkDatabase(accepted)),
    ];
    console.log(`\nmulti-process: ${uploads.length} uploads (${accepted} rows accepted) in ${seconds.toFixed(1)} s through nginx to 2 processes; ${reads.length} reads, p95 ${p95.toFixed(0)} ms`);
    if (!report(checks)) process.exitCode = 1;
  } finally {
    nginx?.kill("SIGQUIT");
    for (const app of apps) await app.stop();
    pgAdmin("drop");
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
