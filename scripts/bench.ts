// npm run bench: imports a synthetic fleet through POST /api/v1/scans on the embedded
// database and on PostgreSQL, and measures import speed, the server's peak memory, and
// page/API latency at 100,000 servers in 2,000 organizations with 50 scans each, and how long adding a campaign
// takes (every server judged against it). BENCH_TARGETS=sqlite or =postgres runs one database only; BENCH_REUSE=1
// keeps the database of the last run (migrated to this version) and times the reads and the campaign only.
// BENCH_SCENARIOS picks what runs after the imports (default: reads,campaign,export); export downloads every server
// as CSV and as XLSX through GET /api/v1/servers?format=… (time and the server's peak memory).
// Each run also generates the client report PDF of a 500-server client (issue 11); BENCH_ONLY=report runs only that.
// The daily scenario (issue 12, bench-daily.ts) imports 50,000 servers' scans one day at a time for 30 days on a
// database of its own and prints each day's time; BENCH_ONLY=daily runs only that.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import pg from "pg";
import { BENCH_ACCOUNT } from "./bench-account";
import { base, bin, sh, startServer, treeCpuSeconds, treeRssKb, upload } from "./bench-server";
import { benchDaily, writeDailyFiles } from "./bench-daily";
import { ORGS, SCANS_PER_FILE, SERVERS_PER_ORG, writeBenchFile } from "./bench-fleet";
import { REPORT_SERVERS, REPORT_SLUG, writeReportClientFile } from "./bench-report";

const REUSE = process.env.BENCH_REUSE === "1";
const ONLY_REPORT = process.env.BENCH_ONLY === "report";
const ONLY_DAILY = process.env.BENCH_ONLY === "daily";
const FILES = REUSE || ONLY_REPORT || ONLY_DAILY ? 0 : Number(process.env.BENCH_FILES ?? 5); // 5 files x 10 scans = 50 scans per server
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? "reads,campaign,export,daily").split(",").map((s) => s.trim()));
// Its own database name lets runs in several checkouts share one PostgreSQL server.
const PG_DATABASE = process.env.BENCH_PG_DATABASE ?? "patchboard_bench";
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(PG_DATABASE)) throw new Error("BENCH_PG_DATABASE: lower-case letters, digits and _ only");
const PG_BASE = process.env.TEST_POSTGRES_URL ?? "postgresql://patchboard:patchboard@127.0.0.1:5432";
const DIR = "data/bench";

// Pages need a session: the bench owner signs in once per server.
async function signIn(): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

// Adding a campaign judges every server against it before the answer (issue 9: 100,000 servers in under 30 s).
async function addCampaign(token: string, pid: number) {
  const definition = JSON.parse(readFileSync("lib/domain/campaigns/data/cve-2021-42321.json", "utf8")) as Record<string, unknown>;
  let peak = treeRssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), 100);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/campaigns`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ ...definition, id: `bench-${Date.now().toString(36)}`, name: "Bench campaign" }),
  });
  const body = (await res.json()) as { servers?: number; error?: unknown };
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (res.status !== 201) throw new Error(`adding a campaign failed: ${res.status} ${JSON.stringify(body)}`);
  return { seconds, servers: body.servers!, peakMb: Math.round(peak / 1024) };
}

// An export of every server (issue 11: 100,000 of them streamed, memory flat): time to the first byte and to the
// last, the file's size and rows, and the server's peak RSS while it streams.
async function exportServers(format: "csv" | "xlsx", token: string, pid: number) {
  const before = Math.round(treeRssKb(pid) / 1024);
  const cpuBefore = treeCpuSeconds(pid);
  let peak = treeRssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), 100);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/servers?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`export failed: ${res.status} ${await res.text()}`);
  let firstByte = 0;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (!firstByte) firstByte = performance.now() - t0;
    bytes += chunk.length;
    if (format === "csv") for (const b of chunk) if (b === 10) lines++;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const rows = format === "csv" ? lines - 1 : Number(res.headers.get("x-export-rows"));
  const cpuSeconds = Number((treeCpuSeconds(pid) - cpuBefore).toFixed(1));
  return { format, seconds, cpuSeconds, firstByteMs: Math.round(firstByte), rows, mb: Number((bytes / 1e6).toFixed(1)), rssBeforeMb: before, peakMb: Math.round(peak / 1024) };
}

// The client report of a 500-server client as a PDF (issue 11): its first generation and the median of five more,
// the PDF's size, and the server's peak memory while they ran.
async function clientReport(token: string, pid: number) {
  const path = `${DIR}/report-client.csv`;
  if (!existsSync(path)) await writeReportClientFile(path);
  const imported = await upload(path, token, pid);
  const before = Math.round(treeRssKb(pid) / 1024);
  let peak = treeRssKb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), 50);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/organizations/${REPORT_SLUG}/report.pdf`, { headers: { authorization: `Bearer ${token}` } });
    const pdf = await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`report: ${res.status} ${Buffer.from(pdf).toString()}`);
    bytes = pdf.byteLength;
  }
  clearInterval(timer);
  const rest = times.slice(1).sort((a, b) => a - b);
  // Its weekly digest for the week of ProxyLogon's disclosure, when every server changed: the busiest week it has.
  const digest: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/organizations/${REPORT_SLUG}/digest?until=2021-03-09&campaign=proxylogon`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`digest: ${res.status}`);
    if (i > 0) digest.push(performance.now() - t0);
  }
  digest.sort((a, b) => a - b);
  return {
    servers: REPORT_SERVERS,
    importSeconds: imported.seconds,
    firstMs: Math.round(times[0]),
    medianMs: Math.round(rest[Math.floor(rest.length / 2)]),
    pdfKb: Math.round(bytes / 1024),
    rssBeforeMb: before,
    peakMb: Math.round(peak / 1024),
    digestMedianMs: Math.round(digest[Math.floor(digest.length / 2)]),
  };
}

async function latency(path: string, token: string, cookie: string) {
  const times: number[] = [];
  const pages = ORGS * SERVERS_PER_ORG / 25;
  for (let i = 0; i < SAMPLES + 10; i++) {
    const url = base + path.replace("{page}", String(1 + ((i * 7919) % pages)));
    const t0 = performance.now();
    // The API reads the token; pages read the session cookie.
    const res = await fetch(url, { headers: path.startsWith("/api/") ? { authorization: `Bearer ${token}` } : { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i >= 10) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return { median: pick(0.5), p95: pick(0.95) };
}

async function benchTarget(name: string, url: string) {
  console.log(`\n== ${name}`);
  sh(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: url });
  const token = sh(bin("tsx"), ["scripts/token-create.ts", "--name", "bench"], { DATABASE_URL: url }).trim().split("\n").pop()!;
  sh(bin("tsx"), ["scripts/bench-account.ts"], { DATABASE_URL: url });
  // The reads are measured with the read cache off (PATCHBOARD_READ_CACHE=1 to measure it on): a repeated read would
  // otherwise time the cache, not the query.
  const server = await startServer({ DATABASE_URL: url, PATCHBOARD_READ_CACHE: process.env.PATCHBOARD_READ_CACHE ?? "0" });
  try {
    const cookie = await signIn();
    const baseline = Math.round(treeRssKb(server.pid!) / 1024);
    console.log(`server RSS after start: ${baseline} MB`);
    const imports = [];
    for (let k = 0; k < FILES; k++) {
      const r = await upload(`${DIR}/scans-${k}.csv`, token, server.pid!);
      imports.push(r);
      console.log(`import ${k + 1}/${FILES}: ${r.rows} rows in ${r.seconds.toFixed(1)} s (${Math.round(r.rows / r.seconds)} rows/s), peak RSS ${r.peakMb} MB`);
    }
    const report = await clientReport(token, server.pid!);
    console.log(`client report PDF, ${report.servers} servers: first ${report.firstMs} ms, then median ${report.medianMs} ms, ${report.pdfKb} KB, server RSS ${report.rssBeforeMb} MB before, peak ${report.peakMb} MB; its weekly digest: median ${report.digestMedianMs} ms`);
    if (ONLY_REPORT) return { name, baselineMb: baseline, clientReport: report };
    const lat: Record<string, { median: string; p95: string }> = {};
    for (const [label, path] of (SCENARIOS.has("reads") ? [
      ["overview page /", "/"],
      ["GET /api/v1/summary", "/api/v1/summary"],
      ["GET /api/v1/servers (page n of 4000)", "/api/v1/servers?page={page}&pageSize=25"],
      ["GET /api/v1/servers?status=unpatched&sort=-lastScanAt", "/api/v1/servers?status=unpatched&sort=-lastScanAt"],
      ["GET /api/v1/organizations?sort=-unpatched", "/api/v1/organizations?sort=-unpatched"],
      ["GET /api/v1/trend", "/api/v1/trend"],
      ["GET /api/v1/summary?campaign=proxyshell", "/api/v1/summary?campaign=proxyshell"],
      ["GET /api/v1/servers?campaign=proxynotshell (page n)", "/api/v1/servers?campaign=proxynotshell&page={page}&pageSize=25"],
      ["GET /api/v1/servers?behind=1&cve=CVE-2021-42321", "/api/v1/servers?behind=1&cve=CVE-2021-42321"],
      ["GET /api/v1/trend?campaign=proxylogon", "/api/v1/trend?campaign=proxylogon"],
    ] as const : [])) {
      lat[label] = await latency(path, token, cookie);
      console.log(`${label}: median ${lat[label].median} ms, p95 ${lat[label].p95} ms`);
    }
    const exports = [];
    if (SCENARIOS.has("export")) {
      for (const format of ["csv", "xlsx"] as const) {
        const r = await exportServers(format, token, server.pid!);
        exports.push(r);
        console.log(`export ${r.rows} servers as ${format}: ${r.seconds.toFixed(1)} s (server CPU ${r.cpuSeconds} s, first byte ${r.firstByteMs} ms), ${r.mb} MB, server RSS ${r.rssBeforeMb} MB before, peak ${r.peakMb} MB`);
      }
    }
    const campaign = SCENARIOS.has("campaign") ? await addCampaign(token, server.pid!) : null;
    if (campaign) console.log(`add a campaign: ${campaign.servers} servers judged in ${campaign.seconds.toFixed(1)} s, peak RSS ${campaign.peakMb} MB`);
    return { name, baselineMb: baseline, firstImport: imports[0], imports, latency: lat, addCampaign: campaign, exports, clientReport: report };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(".next/BUILD_ID")) sh(bin("next"), ["build"], {});
  for (let k = 0; k < FILES; k++) {
    const path = `${DIR}/scans-${k}.csv`;
    if (!existsSync(path)) await writeBenchFile(path, k);
  }
  if (FILES > 0) console.log(`fleet: ${ORGS} organizations x ${SERVERS_PER_ORG} servers, ${FILES} files of ${ORGS * SERVERS_PER_ORG * SCANS_PER_FILE} rows (${(statSync(`${DIR}/scans-0.csv`).size / 1e6).toFixed(0)} MB each)`);
  const results = [];
  const targets = (process.env.BENCH_TARGETS ?? "sqlite,postgres").split(",");
  // The daily fleet (issue 12): its own database on each target, always started empty.
  const daily = ONLY_DAILY || (SCENARIOS.has("daily") && !REUSE && !ONLY_REPORT);
  if (daily) await writeDailyFiles();
  if (targets.includes("sqlite")) {
    if (!ONLY_DAILY) {
      if (!REUSE) for (const f of ["bench.db", "bench.db-wal", "bench.db-shm"]) rmSync(`data/${f}`, { force: true });
      results.push(await benchTarget("SQLite (embedded)", "file:./data/bench.db"));
    }
    if (daily) {
      for (const f of ["bench-daily.db", "bench-daily.db-wal", "bench-daily.db-shm"]) rmSync(`data/${f}`, { force: true });
      results.push(await benchDaily("SQLite (embedded)", "file:./data/bench-daily.db"));
    }
  }
  if (!targets.includes("postgres")) return save(results);

  const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    if (!REUSE && !ONLY_DAILY) {
      await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${PG_DATABASE}`);
    }
    if (daily) {
      await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE}_daily WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${PG_DATABASE}_daily`);
    }
    await admin.end();
    if (!ONLY_DAILY) results.push(await benchTarget("PostgreSQL", `${PG_BASE}/${PG_DATABASE}`));
    if (daily) results.push(await benchDaily("PostgreSQL", `${PG_BASE}/${PG_DATABASE}_daily`));
  } catch (err) {
    console.error(`PostgreSQL benchmark skipped: ${(err as Error).message}`);
  }
  save(results);
}

function save(results: unknown[]) {
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(`bench-results/bench-${new Date().toISOString().slice(0, 19).replace(/:/g, "")}.json`, JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
