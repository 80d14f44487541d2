// The short version of `npm run fuzz` (scripts/fuzz.ts) for `npm test`: ~200 generated inputs per format of the
// registry straight into the reader layer (detection, then the format's parser): mutated real samples,
// truncations, huge fields, wrong encodings, random bytes. Each must end in rows with line-numbered rejections or a
// typed file error, within the time limit. FUZZ_SEED repeats a run; FUZZ_RUNS changes its size.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../../lib/import/formats";
import { recipeOf } from "./arbitraries";
import { fuzzCase } from "./fuzz-case";
import { TARGET_IDS, TARGETS } from "./samples";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

describe("fuzzing the parsers", () => {
  it("has a target for every format of the registry", () => {
    expect(new Set(TARGETS.map((t) => t.format))).toEqual(new Set(FORMATS.map((f) => f.id)));
  });

  it.each(TARGET_IDS)("%s: generated inputs end in rows, rejections or a typed error, never a crash or a hang", async (id) => {
    await fc.assert(
      fc.asyncProperty(recipeOf(id, { huge: 1, realImports: false }), async (recipe) => {
        const { input } = await fuzzCase(recipe);
        // Huge edits stay bounded, however they combine (a 2 MB line copied 20,000 times would be 40 GB).
        expect(input.files.reduce((n, f) => n + f.bytes.length, 0)).toBeLessThanOrEqual(MAX_INPUT_BYTES);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
