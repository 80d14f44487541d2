// The outage part of `npm run crash-test`: PostgreSQL stopped (a fast stop: every session ended) for `seconds` while
// readers loop and an import is writing. Every answer meanwhile must be a prompt 503 in the API's error shape
// (`database_unavailable`, or `not_ready` from /api/ready), never a hang, a 500 or a dropped connection, and the app
// process must live on; once PostgreSQL is back the import must have left nothing behind, and reads and uploads must
// work again without restarting the app. It runs on a PostgreSQL server of its own (private-postgres.ts).
import { rmSync } from "node:fs";
import pg from "pg";
import { startApp, type RunningApp } from "../web-app";
import { atExit } from "./at-exit";
import { writeBigFile } from "./big-file";
import { sameSnapshot, snapshotDatabase } from "./fleet-checks";
import { csvFile, FLEET_READS, importBaseline, report, streamUpload, timedGet, upload, type Check, type Outcome, type ProgressLine, type ReadOutcome } from "./fleet-load";
import { killTree } from "./process-tree";
import { createPrivatePostgres } from "./private-postgres";

const READERS = 8;
const READ_PATHS = [...FLEET_READS, "/api/ready"];
/** How long the app may take to serve again once PostgreSQL is back (its pools connect anew on the next request). */
const RECOVERY_LIMIT_MS = 30_000;

interface Options {
  appPort: number;
  pgPort: number;
  seconds: number;
  /** rows of the import the outage interrupts */
  rows: number;
  dir: string;
  token: string;
}

type Stamped = ReadOutcome & { at: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Null when PostgreSQL's server programs are not installed. */
export async function pgOutage({ appPort, pgPort, seconds, rows, dir, token }: Options): Promise<Outcome | null> {
  const server = createPrivatePostgres(pgPort);
  if (!server) return null;
  const forgetServer = atExit(() => server.destroy());
  const file = `${dir}/outage-${rows}.csv`;
  let app: RunningApp | null = null;
  let forgetApp = () => {};
  try {
    await server.start();
    const admin = new pg.Client({ connectionString: `${server.base}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE patchboard_outage`);
    await admin.end();
    const databaseUrl = `${server.base}/patchboard_outage`;
    app = await startApp("crash-outage", appPort, { demo: false, databaseUrl, env: { PATCHBOARD_ADMIN_TOKEN: token } });
    const running = app;
    forgetApp = atExit(() => killTree(running.pid));
    let exited = false;
    void running.exited.then(() => (exited = true));
    await importBaseline(running.base, token);
    const before = await snapshotDatabase(databaseUrl);
    await writeBigFile(file, rows);

    const t0 = performance.now();
    const now = () => performance.now() - t0;
    // The import; PostgreSQL stops once 10,000 of its rows are written inside its transaction (the rest of the file
    // takes far longer than the stop: the check below fails if the import ended first).
    let writing: () => void = () => {};
    const writingNow = new Promise<void>((resolve) => (writing = resolve));
    const importing = streamUpload(running.base, token, file, (line) => {
      // "reading" or "writing", whichever the progress line's 200 ms turn fell on: both are inside the transaction.
      if (line.type === "progress" && (line.phase === "reading" || line.phase === "writing") && (line.rows ?? 0) >= Math.min(10_000, rows / 4)) writing();
    }).catch((err: Error): ProgressLine => ({ type: "error", error: { code: "connection broke", message: err.message } }));
    await Promise.race([writingNow, importing]);
    // Readers from now until the app serves again after the outage (not before: on a loaded machine their load would
    // slow the import's start for minutes).
    const reads: Stamped[] = [];
    let reading = true;
    const readers = Array.from({ length: READERS }, async (_, r) => {
      for (let i = r; reading; i++) {
        const at = now();
        reads.push({ ...(await timedGet(running.base, token, READ_PATHS[i % READ_PATHS.length])), at });
      }
    });
    await sleep(1000);
    const stoppedAt = now();
    await server.stop();
    const stopSeconds = (now() - stoppedAt) / 1000;
    // A page during the outage: Next's error page, promptly (a page's own errors are not the API's JSON).
    await sleep(1000);
    const page = await timedGet(running.base, token, "/sign-in");
    await sleep(Math.max(0, seconds * 1000 - (now() - stoppedAt)));
    const restartedAt = now();
    await server.start();
    const importAnswer = await importing;

    // Back: the first 200 of the summary after PostgreSQL answers again, then every reader stops.
    let recoveredAt: number | null = null;
    while (now() - restartedAt < RECOVERY_LIMIT_MS) {
      if ((await timedGet(running.base, token, "/api/v1/summary")).status === 200) {
        recoveredAt = now();
        break;
      }
      await sleep(200);
    }
    await sleep(1000);
    reading = false;
    await Promise.all(readers);

    const after = await snapshotDatabase(databaseUrl);
    const again = await upload(running.base, token, csvFile(2, 0, { rows: 1000, orgs: 10, prefix: "BASE", dayStep: 1 })).catch((err: Error) => err);
    const ready = await timedGet(running.base, token, "/api/ready");

    const during = reads.filter((r) => r.at >= stoppedAt && r.at < restartedAt);
    const unanswered = reads.filter((r) => r.status === 0);
    const wrong = reads.filter((r) => r.status !== 0 && r.status !== 200 && !(r.status === 503 && (r.code === "database_unavailable" || r.code === "not_ready")));
    const refused = during.filter((r) => r.status === 503);
    const slowest = Math.max(0, ...during.map((r) => r.ms));
    const afterBack = reads.filter((r) => recoveredAt !== null && r.at >= recoveredAt);
    const list = (rs: Stamped[]) => rs.slice(0, 3).map((r) => `${r.path} ${r.status} ${r.code ?? ""}`).join("; ");
    const checks: Check[] = [
      { what: "the import was writing when PostgreSQL stopped", ok: importAnswer.type !== "result", detail: `stopped ${(stoppedAt / 1000).toFixed(1)} s in (pg_ctl stop took ${stopSeconds.toFixed(1)} s), started again ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s later` },
      { what: "no request hung or lost its connection", ok: unanswered.length === 0, detail: unanswered.length ? list(unanswered) : `${reads.length} reads, the slowest during the outage ${Math.round(slowest)} ms` },
      { what: "during the outage: 503 with a JSON error, nothing else", ok: wrong.length === 0 && refused.length > 0, detail: wrong.length ? list(wrong) : `${refused.length} of ${during.length} reads answered 503 (database_unavailable, or not_ready from /api/ready)` },
      { what: "a page during the outage: an error page, promptly", ok: page.status >= 500 && page.status !== 0, detail: `${page.path} ${page.status} in ${Math.round(page.ms)} ms` },
      {
        what: "the import answered 503 database_unavailable",
        ok: importAnswer.type === "error" && importAnswer.status === 503 && importAnswer.error?.code === "database_unavailable",
        detail: JSON.stringify({ status: importAnswer.status, error: importAnswer.error }).slice(0, 200),
      },
      { what: "the app process lived through it", ok: !exited, detail: exited ? "it exited" : `pid ${running.pid}, never restarted` },
      { ...sameSnapshot(before, after), what: "the import rolled back: the fleet is exactly as before" },
      { what: "reads work again without a restart", ok: recoveredAt !== null && afterBack.every((r) => r.status === 200), detail: recoveredAt === null ? "no 200 within 30 s" : `${((recoveredAt - restartedAt) / 1000).toFixed(1)} s after PostgreSQL started; ${afterBack.length} reads since, all 200: ${afterBack.every((r) => r.status === 200)}` },
      { what: "uploads work again", ok: !(again instanceof Error) && again.accepted === 1000, detail: again instanceof Error ? again.message : `${again.status}, ${again.accepted} accepted` },
      { what: "ready again", ok: ready.status === 200, detail: `/api/ready ${ready.status}` },
    ];
    console.log(`\ncrash test, PostgreSQL stopped for ${seconds} s:`);
    const ok = report(checks);
    return {
      target: `PostgreSQL stopped ${seconds} s`,
      ok,
      lines: [
        `${refused.length} of ${during.length} reads during the outage answered 503 (slowest ${Math.round(slowest)} ms), none hung; the ${rows.toLocaleString("en-US")}-row import answered ${importAnswer.status} ${importAnswer.error?.code ?? ""} and left nothing`,
        `serving again ${recoveredAt === null ? "never" : `${((recoveredAt - restartedAt) / 1000).toFixed(1)} s`} after PostgreSQL started, same process`,
      ],
    };
  } finally {
    await app?.stop();
    forgetApp();
    server.destroy();
    forgetServer();
    rmSync(file, { force: true });
  }
}
