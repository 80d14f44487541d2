// Fuzzes one target for `npm run fuzz`: fast-check runs in batches of BATCH inputs (seed + batch number, so a run
// repeats with FUZZ_SEED), each input through the reader and the route. Between batches the heap is measured after a
// full collection; a failure is shrunk by fast-check, printed and saved, and ends the target's run.
import fc from "fast-check";
import { recipeOf } from "./arbitraries";
import { saveFailure } from "./failure-file";
import { fuzzCase } from "./fuzz-case";
import type { HangWatchdog } from "./hang-watchdog";
import { PeakHeap, settledHeapMb } from "./heap";
import { FuzzFailure } from "./outcome";
import { describe, type Recipe } from "./recipe";
import type { Handler } from "./route-run";
import type { TargetId } from "./samples";
import { newStats, record, type TargetStats } from "./stats";
import { catchUncaught, checkUncaught } from "./uncaught";

export interface RunOptions {
  runs: number;
  seed: number;
  route: { token: string; handler: Handler };
  watchdog: HangWatchdog;
  /** heap growth (after collection) over a target's run that counts as a leak */
  heapGrowthLimitMb: number;
  log: (line: string) => void;
}

const BATCH = 500;


export async function runTarget(id: TargetId, options: RunOptions): Promise<TargetStats> {
  catchUncaught();
  const stats = newStats(id);
  const peak = new PeakHeap();
  const started = Date.now();
  let baseline: number | null = null;
  let recording = true;
  // A hang leaves its work running (a lock held, a stream half read), so inputs after it may fail for its sake:
  // its input is reported as it was, not shrunk.
  let hung = false;

  const property = fc.asyncProperty(recipeOf(id), async (recipe: Recipe) => {
    if (hung) return;
    options.watchdog.start(recipe);
    try {
      const result = await fuzzCase(recipe, { route: options.route });
      await checkUncaught();
      // Garbage included: the runner has the server's old-space ceiling, so V8 collects before it, and an input whose
      // live data would pass it ends the process (out of memory) with its recipe on disk (hang-watchdog.ts).
      stats.peakHeapMb = Math.max(stats.peakHeapMb, peak.take());
      if (recording) record(stats, result, describe(recipe));
    } catch (err) {
      recording = false; // shrinking runs are not inputs of the run
      hung = err instanceof FuzzFailure && err.kind === "hang";
      throw err;
    } finally {
      options.watchdog.end();
    }
  });

  for (let batch = 0; stats.inputs < options.runs; batch++) {
    const seed = options.seed + batch;
    const details = await fc.check(property, { numRuns: Math.min(BATCH, options.runs - stats.inputs), seed });
    if (details.failed) {
      stats.failures++;
      report(id, details, seed, options.log);
      break;
    }
    // The first batch warms the modules and caches up; growth is measured from after it.
    const heap = settledHeapMb();
    baseline ??= heap;
    stats.heapGrowthMb = heap - baseline;
    options.log(`  ${id}: ${stats.inputs.toLocaleString("en-US")}/${options.runs.toLocaleString("en-US")} inputs, ${Math.round((Date.now() - started) / 1000)} s, heap ${Math.round(heap)} MB`);
    if (stats.heapGrowthMb > options.heapGrowthLimitMb) {
      stats.failures++;
      options.log(`FUZZ FAILURE (heap): ${id}'s heap grew by ${stats.heapGrowthMb.toFixed(1)} MB over ${stats.inputs} inputs (limit ${options.heapGrowthLimitMb} MB); FUZZ_SEED=${options.seed}`);
      break;
    }
  }
  peak.stop();
  return stats;
}

function report(id: TargetId, details: fc.RunDetails<[Recipe]>, seed: number, log: (line: string) => void): void {
  const recipe = details.counterexample?.[0];
  const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  const saved = recipe === undefined ? null : saveFailure(recipe, error, seed);
  log(`\nFUZZ FAILURE (${id}): ${error.message}`);
  if (recipe !== undefined) log(`  shrunk input (after ${details.numShrinks} shrinks): ${describe(recipe)}`);
  if ("detail" in error && error.detail) log(`  ${String(error.detail).split("\n").slice(0, 12).join("\n  ")}`);
  if (saved !== null) log(`  saved in ${saved}; replay: npm run fuzz -- --replay ${saved}/recipe.json`);
  log(`  fast-check: seed ${seed}, path ${details.counterexamplePath ?? "?"}\n`);
}
