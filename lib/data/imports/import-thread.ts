// The import worker thread: runs import jobs off the server's event loop as the main thread (import-queue.ts) hands
// them over: the worker's background jobs one at a time, and in a thread of their own the synchronous uploads, side
// by side as they arrive, as they would run in the request. Parsing, writing and the recompute all happen here; its write transactions
// take their turn in the main thread's writer queue through messages (setWriteTurnSource), so on SQLite the
// server's own writes never wait for the database lock on its event loop.
import { parentPort } from "node:worker_threads";
import { setWriteTurnSource } from "../sql-write-transaction";
import type { ClaimedJob } from "./import-jobs";
import { runImportJob } from "./import-run";
import type { UploadProgress } from "./imports";

export type ToThread = { type: "run"; job: ClaimedJob } | { type: "turn-granted"; n: number };
export type FromThread =
  | { type: "ready" }
  | { type: "progress"; id: string; progress: UploadProgress }
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
    void runImportJob(job, (progress) => send({ type: "progress", id: job.id, progress })).then((answer) =>
      send({ type: "result", id: job.id, ...answer }),
    );
  }
});
send({ type: "ready" });
