// npm run soak: one app process per database (SQLite, then a fresh PostgreSQL database) under SOAK_SECONDS of load:
// SOAK_UPLOADERS clients upload distinct canonical CSV files in a loop while SOAK_READERS clients read the summary,
// a servers page and the trend. Every answer must succeed, every accepted row must be stored once and every roll-up
// must equal a recount; prints a markdown table of the figures and exits non-zero on any failure.
//   SOAK_TARGETS=sqlite|postgres|sqlite,postgres   SOAK_SECONDS (60)   SOAK_UPLOADERS (20)   SOAK_READERS (50)
//   SOAK_ROWS (rows per file, 250)   SOAK_READ_LIMIT_MS (a read with no answer by then is an error, 60,000)   TEST_POSTGRES_URL (postgresql://patchboard:patchboard@127.0.0.1:5432)
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { atExit } from "./load/at-exit";
import { checkStored, openCounter } from "./load/fleet-checks";
import { csvFile, FLEET_READS, percentile, reader, report, upload, type Check, type ReadOutcome } from "./load/fleet-load";
import { killTree } from "./load/process-tree";
import { startApp, type RunningApp } from "./web-app";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const UPLOADERS = Number(process.env.SOAK_UPLOADERS ?? 20);
const READERS = Number(process.env.SOAK_READERS ?? 50);
const ROWS = Number(process.env.SOAK_ROWS ?? 250);
const TARGETS = (process.env.SOAK_TARGETS ?? "sqlite,postgres").split(",").map((t) => t.trim());
const PG_BASE = process.env.TEST_POSTGRES_URL ?? "postgresql://patchboard:patchboard@127.0.0.1:5432";
const PORTS: Record<string, number> = { sqlite: 3410, postgres: 3411 };
const TOKEN = "soak-admin-token-0123456789abcdefghijklmnopqrstuvw";
const SHAPE = { rows: ROWS, orgs: 20, prefix: "SOAK", dayStep: 1 };
const requirePostgres = process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1";
// A read is an error when it fails or gets no answer in this time: the limit catches hangs; how slow reads are under
// the load is what the percentiles report (on SQLite a read waits for the import statement in progress on the
// server's one thread, and with 20 uploaders in line a few took more than 15 s on the shared 2-core machine).
const READ_LIMIT_MS = Number(process.env.SOAK_READ_LIMIT_MS ?? 60_000);

interface Figures {
  target: string;
  seconds: number;
  uploads: number;
  accepted: number;
  uploadP95: number;
  reads: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** every accepted row stored once, the roll-ups equal to a recount */
  stored: boolean;
  ok: boolean;
}

const pgAdmin = (action: "create" | "drop", db: string) => spawnSync("node", ["scripts/pg-admin.mjs", action, PG_BASE, db], { encoding: "utf8" });

async function soak(target: string, databaseUrl: string): Promise<Figures> {
  let app: RunningApp | null = null;
  let forget = () => {};
  try {
    app = await startApp(`soak-${target}`, PORTS[target], { demo: false, databaseUrl, env: { PATCHBOARD_ADMIN_TOKEN: TOKEN } });
    const pid = app.pid;
    forget = atExit(() => killTree(pid));
    const base = app.base;
    const deadline = Date.now() + SECONDS * 1000;
    const over = () => Date.now() >= deadline;
    const uploadErrors: string[] = [];
    const uploadTimes: number[] = [];
    const acceptedBy = new Array<number>(UPLOADERS).fill(0);
    // An uploader starts no file after the deadline; the one it is sending then is waited for and counted.
    const uploaders = Array.from({ length: UPLOADERS }, async (_, u) => {
      for (let file = 0; !over(); file++) {
        const t0 = performance.now();
        try {
          const result = await upload(base, TOKEN, csvFile(u, file, SHAPE));
          if (result.duplicate || result.accepted !== ROWS) uploadErrors.push(`uploader ${u} file ${file}: accepted ${result.accepted}, duplicate ${result.duplicate}`);
          acceptedBy[u] += result.duplicate ? 0 : result.accepted;
        } catch (err) {
          uploadErrors.push(`uploader ${u} file ${file}: ${(err as Error).message}`);
        }
        uploadTimes.push(performance.now() - t0);
      }
    });
    const reads: ReadOutcome[] = [];
    const readers = Array.from({ length: READERS }, (_, r) => reader(base, TOKEN, FLEET_READS, over, reads, r, READ_LIMIT_MS));
    const t0 = performance.now();
    await Promise.all([...uploaders, ...readers]);
    const seconds = (performance.now() - t0) / 1000;

    const readErrors = reads.filter((r) => r.status !== 200);
    const times = reads.map((r) => r.ms).sort((a, b) => a - b);
    const accepted = acceptedBy.reduce((a, b) => a + b, 0);
    const counter = await openCounter(databaseUrl);
    let stored: Check[];
    try {
      // Each uploader's files are later scans of its own ROWS servers.
      stored = await checkStored(counter, accepted, acceptedBy.filter((n) => n > 0).length * ROWS);
    } finally {
      await counter.close();
    }
    console.log(`\nsoak ${target}: ${uploadTimes.length} uploads (${accepted} rows accepted), ${reads.length} reads in ${seconds.toFixed(1)} s`);
    const ok = report([
      { what: "every upload accepted whole", ok: uploadErrors.length === 0, detail: uploadErrors.slice(0, 3).join("; ") || `${uploadTimes.length} uploads` },
      { what: "every read answered 200", ok: readErrors.length === 0, detail: readErrors.slice(0, 3).map((r) => `${r.path}: ${r.status} ${r.code}`).join("; ") || `${reads.length} reads` },
      ...stored,
    ]);
    return {
      target,
      seconds,
      uploads: uploadTimes.length,
      accepted,
      uploadP95: percentile(uploadTimes.sort((a, b) => a - b), 95),
      reads: reads.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      max: times.at(-1) ?? 0,
      errors: uploadErrors.length + readErrors.length,
      stored: stored.every((c) => c.ok),
      ok,
    };
  } finally {
    await app?.stop();
    forget();
  }
}

function table(rows: Figures[]): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const lines = [
    `| ${SECONDS} s, ${UPLOADERS} uploaders (${ROWS} rows a file), ${READERS} readers | ${rows.map((r) => (r.target === "sqlite" ? "SQLite (embedded)" : "PostgreSQL")).join(" | ")} |`,
    `| --- | ${rows.map(() => "---").join(" | ")} |`,
  ];
  const row = (label: string, f: (r: Figures) => string) => lines.push(`| ${label} | ${rows.map(f).join(" | ")} |`);
  row("uploads (rows accepted)", (r) => `${r.uploads} (${r.accepted.toLocaleString("en-US")})`);
  row("upload p95", (r) => ms(r.uploadP95));
  row("reads", (r) => r.reads.toLocaleString("en-US"));
  row("read p50 / p95 / p99 / slowest", (r) => `${ms(r.p50)} / **${ms(r.p95)}** / ${ms(r.p99)} / ${ms(r.max)}`);
  row("errors", (r) => (r.errors === 0 ? "0" : `**${r.errors}**`));
  row("every accepted row stored once, roll-ups = recount", (r) => (r.stored ? "yes" : "**NO**"));
  return lines.join("\n");
}

async function main(): Promise<void> {
  const results: Figures[] = [];
  for (const target of TARGETS) {
    if (target === "sqlite") {
      const db = "data/soak-sqlite.db";
      const remove = () => ["", "-wal", "-shm", "-journal"].forEach((suffix) => rmSync(db + suffix, { force: true }));
      // A fresh file each run, even after a run that was interrupted.
      remove();
      const forget = atExit(remove);
      try {
        results.push(await soak(target, `file:./${db}`));
      } finally {
        remove();
        forget();
      }
    } else if (target === "postgres") {
      const db = `patchboard_soak_${process.pid}`;
      if (pgAdmin("create", db).status !== 0) {
        if (requirePostgres) throw new Error(`PostgreSQL at ${PG_BASE} is required here but not reachable.`);
        console.log(`\n!!! SKIPPED: the PostgreSQL soak needs PostgreSQL at ${PG_BASE}.\n`);
        continue;
      }
      const forget = atExit(() => pgAdmin("drop", db));
      try {
        results.push(await soak(target, `${PG_BASE}/${db}`));
      } finally {
        pgAdmin("drop", db);
        forget();
      }
    } else throw new Error(`SOAK_TARGETS takes sqlite and postgres, not ${target}`);
  }
  console.log(`\n${table(results)}\n`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
