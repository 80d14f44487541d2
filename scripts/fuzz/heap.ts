// Heap measurements for the fuzz runner: a full collection before a reading (V8's gc, exposed at run time so
// `npm run fuzz` needs no node flag), and a sampler of the peak between readings.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export const mb = (bytes: number) => bytes / (1024 * 1024);

/** Heap in use after a full collection, in MB. */
export function settledHeapMb(): number {
  gc();
  gc(); // a second pass frees what the first one's finalizers released
  return mb(process.memoryUsage().heapUsed);
}

/** The highest heap in use seen since the last `take()`: sampled every few ms, and whenever `sample()` is called. */
export class PeakHeap {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 5) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }

  take(): number {
    this.sample();
    const peak = this.peak;
    this.peak = 0;
    return mb(peak);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
