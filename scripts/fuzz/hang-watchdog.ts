// A hang that blocks the event loop (a regular expression that backtracks for minutes, a loop that never ends) also
// stops every timer of the fuzz runner, so the per-input time limit cannot see it. This watchdog runs in a thread of
// its own: told when each input starts and ends, it saves the input's recipe under data/fuzz-failures/ and ends the
// process once one has run past its limit, so `npm run fuzz` fails instead of hanging forever.
// The process can also die at once (out of memory past the heap ceiling), taking the thread with it: each input's
// recipe is therefore also written to running-<pid>.json there first, and that file is removed when the run ends.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Recipe } from "./recipe";

// Plain JavaScript, so the thread needs no TypeScript loader.
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
let current = null;
parentPort.on("message", (m) => { current = m.type === "start" ? m : null; });
setInterval(() => {
  if (current === null || Date.now() - current.at < workerData.limitMs) return;
  const dir = path.join(workerData.dir, new Date().toISOString().replace(/[:.]/g, "-") + "-" + current.target + "-hang");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "recipe.json"), current.recipe);
  const seed = workerData.seed === null ? "" : "FUZZ_SEED=" + workerData.seed + "\\n";
  fs.writeFileSync(path.join(dir, "error.txt"), "hang: the event loop was blocked for more than " + workerData.limitMs + " ms\\n" + seed);
  fs.writeSync(2, "\\nFUZZ FAILURE (hang): an input of " + current.target + " blocked the event loop for more than " +
    workerData.limitMs + " ms. Recipe saved in " + dir + "; replay it with npm run fuzz -- --replay " + dir + "/recipe.json\\n");
  process.kill(process.pid, "SIGKILL");
}, 250);
`;

export class HangWatchdog {
  private readonly worker: Worker;
  private readonly running: string;

  constructor(options: { limitMs: number; dir: string; seed: number | null }) {
    this.worker = new Worker(SOURCE, { eval: true, workerData: options });
    this.worker.unref(); // never what keeps the runner alive
    mkdirSync(options.dir, { recursive: true });
    this.running = join(options.dir, `running-${process.pid}.json`);
  }

  start(recipe: Recipe): void {
    const text = JSON.stringify(recipe, null, 2);
    writeFileSync(this.running, text);
    this.worker.postMessage({ type: "start", target: recipe.target, recipe: text, at: Date.now() });
  }

  end(): void {
    this.worker.postMessage({ type: "end" });
  }

  stop(): Promise<number> {
    rmSync(this.running, { force: true });
    return this.worker.terminate();
  }
}
