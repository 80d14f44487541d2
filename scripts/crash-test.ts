// npm run crash-test: the app killed with SIGKILL (its whole process tree, as a power cut or the OOM killer would)
// in the middle of a CRASH_ROWS-row import, on SQLite and on PostgreSQL. After a restart on the same database the
// fleet must be exactly as before (every table's rows counted, every derived status hashed), and the same file must
// then import whole, not taken for a duplicate. Then PostgreSQL stopped for CRASH_OUTAGE_SECONDS during reads and an
// import (scripts/load/pg-outage.ts, on a private PostgreSQL server so nobody else's database stops). Exits non-zero
// on any failure, and removes the databases, files and processes it made.
//   CRASH_TARGETS=sqlite,postgres,outage (all three by default)   CRASH_ROWS (1,000,000)
//   CRASH_OUTAGE_SECONDS (10)   CRASH_OUTAGE_ROWS (the import it interrupts, 200,000)   TEST_POSTGRES_URL (postgresql://patchboard:patchboard@127.0.0.1:5432)
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { writeBigFile } from "./load/big-file";
import { checkStored, openCounter, sameSnapshot, snapshotDatabase } from "./load/fleet-checks";
import { importBaseline, report, streamUpload, timedGet, type Check, type Outcome } from "./load/fleet-load";
import { atExit } from "./load/at-exit";
import { pgOutage } from "./load/pg-outage";
import { killTree } from "./load/process-tree";
import { startApp, type RunningApp } from "./web-app";

const ROWS = Number(process.env.CRASH_ROWS ?? 1_000_000);
const TARGETS = (process.env.CRASH_TARGETS ?? "sqlite,postgres,outage").split(",").map((t) => t.trim());
const OUTAGE_SECONDS = Number(process.env.CRASH_OUTAGE_SECONDS ?? 10);
// Long enough to be still writing when PostgreSQL stops, whatever CRASH_ROWS is.
const OUTAGE_ROWS = Number(process.env.CRASH_OUTAGE_ROWS ?? 200_000);
const PG_BASE = process.env.TEST_POSTGRES_URL ?? "postgresql://patchboard:patchboard@127.0.0.1:5432";
const PORTS: Record<string, number> = { sqlite: 3420, postgres: 3421, outage: 3422, privatePostgres: 3499 };
const CRASH_TOKEN = "crash-admin-token-0123456789abcdefghijklmnopqrstuv";
const DIR = "data/crash";
const requirePostgres = process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1";

const pgAdmin = (action: "create" | "drop", db: string) => spawnSync("node", ["scripts/pg-admin.mjs", action, PG_BASE, db], { encoding: "utf8" });

async function killDuringImport(target: string, databaseUrl: string, file: string): Promise<Outcome> {
  const start = () => startApp(`crash-${target}`, PORTS[target], { demo: false, databaseUrl, env: { PATCHBOARD_ADMIN_TOKEN: CRASH_TOKEN } });
  let app: RunningApp | null = await start();
  let forget = atExit(() => killTree(app!.pid));
  try {
    await importBaseline(app.base, CRASH_TOKEN);
    const before = await snapshotDatabase(databaseUrl);

    // Killed once half the rows are read and written inside the import's transaction (it is open from the first row:
    // a progress line says "reading" or "writing", whichever its 200 ms turn fell on).
    const t0 = performance.now();
    let killedAt: { rows: number; seconds: number } | null = null;
    const victim = app;
    const answer = await streamUpload(victim.base, CRASH_TOKEN, file, (line) => {
      if (killedAt || line.type !== "progress" || (line.phase !== "reading" && line.phase !== "writing") || (line.rows ?? 0) < ROWS / 2) return;
      killedAt = { rows: line.rows ?? 0, seconds: (performance.now() - t0) / 1000 };
      killTree(victim.pid);
    }).catch((err: Error) => ({ type: "broken", message: err.message }));
    // An import that ended before half its rows were seen is a failed check below, not a wait for an exit that never comes.
    if (!killedAt) killTree(victim.pid);
    await victim.exited;
    app = null;
    const killed = killedAt as { rows: number; seconds: number } | null;

    const t1 = performance.now();
    forget();
    app = await start();
    forget = atExit(() => killTree(app!.pid));
    const restartSeconds = (performance.now() - t1) / 1000;
    const ready = await timedGet(app.base, CRASH_TOKEN, "/api/ready");
    const after = await snapshotDatabase(databaseUrl);

    const t2 = performance.now();
    const again = await streamUpload(app.base, CRASH_TOKEN, file);
    const importSeconds = (performance.now() - t2) / 1000;
    const counter = await openCounter(databaseUrl);
    let stored: Check[];
    try {
      stored = await checkStored(counter, before.counts.Scan + ROWS);
    } finally {
      await counter.close();
    }
    const checks: Check[] = [
      { what: "killed in the middle of the import", ok: killed !== null, detail: killed ? `SIGKILL at ${killed.rows.toLocaleString("en-US")} rows written, ${killed.seconds.toFixed(1)} s in` : `the import ended first: ${JSON.stringify(answer).slice(0, 200)}` },
      { what: "the upload's connection broke (no answer)", ok: "message" in answer, detail: "message" in answer ? String(answer.message) : `answered ${JSON.stringify(answer).slice(0, 200)}` },
      { what: "restarted and ready", ok: ready.status === 200, detail: `ready ${ready.status} after a ${restartSeconds.toFixed(1)} s restart` },
      sameSnapshot(before, after),
      {
        what: "the same file then imports whole, not a duplicate",
        ok: again.type === "result" && again.status === 201 && again.import?.accepted === ROWS && again.import?.duplicate === false,
        detail: again.type === "result" ? `${again.status}, accepted ${again.import?.accepted.toLocaleString("en-US")}, duplicate ${again.import?.duplicate}, in ${importSeconds.toFixed(1)} s` : JSON.stringify(again).slice(0, 300),
      },
      ...stored,
    ];
    console.log(`\ncrash test ${target}:`);
    const ok = report(checks);
    const k = killed ?? { rows: 0, seconds: 0 };
    return {
      target,
      ok,
      lines: [
        `killed at ${k.rows.toLocaleString("en-US")} of ${ROWS.toLocaleString("en-US")} rows written (${k.seconds.toFixed(1)} s in)`,
        `restart ${restartSeconds.toFixed(1)} s, fleet identical: ${checks[3].ok ? "yes" : "NO"} (${after.counts.Scan.toLocaleString("en-US")} scans, checksum ${after.checksum})`,
        `the same file again: ${again.status}, ${again.import?.accepted.toLocaleString("en-US")} accepted, duplicate ${again.import?.duplicate}, ${importSeconds.toFixed(1)} s; stored and roll-ups = recount: ${stored.every((c) => c.ok) ? "yes" : "NO"}`,
      ],
    };
  } finally {
    await app?.stop();
    forget();
  }
}

async function main(): Promise<void> {
  for (const t of TARGETS) if (!["sqlite", "postgres", "outage"].includes(t)) throw new Error(`CRASH_TARGETS takes sqlite, postgres and outage, not ${t}`);
  mkdirSync(DIR, { recursive: true });
  const file = `${DIR}/crash-${ROWS}.csv`;
  const outcomes: Outcome[] = [];
  const forgetFile = atExit(() => rmSync(file, { force: true }));
  try {
    if (TARGETS.includes("sqlite") || TARGETS.includes("postgres")) {
      await writeBigFile(file, ROWS);
      console.log(`crash test: ${file}, ${ROWS.toLocaleString("en-US")} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB`);
    }
    if (TARGETS.includes("sqlite")) {
      const db = `${DIR}/crash-sqlite.db`;
      const remove = () => ["", "-wal", "-shm", "-journal"].forEach((s) => rmSync(db + s, { force: true }));
      remove();
      const forget = atExit(remove);
      try {
        outcomes.push(await killDuringImport("sqlite", `file:./${db}`, file));
      } finally {
        remove();
        forget();
      }
    }
    if (TARGETS.includes("postgres")) {
      const db = `patchboard_crash_${process.pid}`;
      if (pgAdmin("create", db).status === 0) {
        const forget = atExit(() => pgAdmin("drop", db));
        try {
          outcomes.push(await killDuringImport("postgres", `${PG_BASE}/${db}`, file));
        } finally {
          pgAdmin("drop", db);
          forget();
        }
      } else if (requirePostgres) throw new Error(`PostgreSQL at ${PG_BASE} is required here but not reachable.`);
      else console.log(`\n!!! SKIPPED: the PostgreSQL crash test needs PostgreSQL at ${PG_BASE}.\n`);
    }
    if (TARGETS.includes("outage")) {
      const outcome = await pgOutage({ appPort: PORTS.outage, pgPort: PORTS.privatePostgres, seconds: OUTAGE_SECONDS, rows: OUTAGE_ROWS, dir: DIR, token: CRASH_TOKEN });
      if (outcome) outcomes.push(outcome);
      else if (requirePostgres) throw new Error("the outage test needs PostgreSQL's server programs (initdb, pg_ctl) to run a private server");
      else console.log("\n!!! SKIPPED: the outage test needs PostgreSQL's server programs (initdb, pg_ctl).\n");
    }
  } finally {
    rmSync(file, { force: true });
    forgetFile();
  }
  console.log("\n| crash test | result |\n| --- | --- |");
  for (const o of outcomes) console.log(`| ${o.target} | ${o.ok ? "passed" : "**FAILED**"}: ${o.lines.join("; ")} |`);
  if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
