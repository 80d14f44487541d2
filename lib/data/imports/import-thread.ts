// The import worker thread: runs import jobs off the server's event loop, one at a time, as the main thread
// (import-queue.ts) hands them over. Parsing, writing and the recompute all happen here; its write transactions
// take their turn in the main thread's writer queue through messages (setWriteTurnSource), so on SQLite the
// server's own writes never wait for the database lock on its event loop.
import { parentPort } from "node:worker_threads";
import { setWriteTurnSource } from "../sql-session";
import type { ClaimedJob } from "./import-jobs";
import { runImportJob } from "./import-run";

export type ToThread = { type: "run"; job: ClaimedJob } | { type: "turn-granted"; n: number };
export type FromThread =
  | { type: "ready" }
  | { type: "progress"; id: string; phase: "reading" | "writing" | "computing"; bytes: number; rows: number }
  | { type: "result"; id: string; status: number; body: unknown }
  | { type: "turn"; n: number }
  | { type: "turn-end"; n: number };

const port = parentPort;
if (!port) throw new Error("import-thread.ts runs as a worker thread (see import-queue.ts)");
const send = (message: FromThread) => port.postMessage(message);

let turns = 0;
const granted = new Map<number, () => void>();
setWriteTurnSource(
  () =>
    new Promise((resolve) => {
      const n = ++turns;
      granted.set(n, () => resolve(() => send({ type: "turn-end", n })));
      send({ type: "turn", n });
    }),
);

port.on("message", (message: ToThread) => {
  if (message.type === "turn-granted") {
    granted.get(message.n)?.();
    granted.delete(message.n);
    return;
  }
  if (message.type === "run") {
    const { job } = message;
    void runImportJob(job, (p) => send({ type: "progress", id: job.id, phase: p.phase as "reading", bytes: p.bytes, rows: p.rows })).then((answer) =>
      send({ type: "result", id: job.id, ...answer }),
    );
  }
});
send({ type: "ready" });
