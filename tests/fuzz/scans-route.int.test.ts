// The short version of `npm run fuzz` through the route, on the real database (SQLite and PostgreSQL, as
// scripts/test-integration.sh runs it): ~50 generated inputs per format of the registry, each read by the reader
// layer and uploaded to POST /api/v1/scans (dry runs, and one in twenty a real import). Each must be answered 2xx,
// or 4xx with {"error": {"code", "message"}}: never a 500, an error thrown out of the handler, or a hang.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { recipeOf } from "@/scripts/fuzz/arbitraries";
import { fuzzCase } from "@/scripts/fuzz/fuzz-case";
import { TARGET_IDS } from "@/scripts/fuzz/samples";
import { resetDatabase } from "../reset-database";

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

let route: { token: string; handler: (req: Request) => Promise<Response> };

beforeAll(async () => {
  await resetDatabase();
  route = { token: (await createApiToken("fuzz")).token, handler: (req) => POST(req) };
});

describe("fuzzing POST /api/v1/scans", () => {
  it.each(TARGET_IDS)("%s: every generated upload is answered 2xx or 4xx with the error shape", async (id) => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(recipeOf(id, { huge: 1, realImports: true }), async (recipe) => {
        const { route: answer } = await fuzzCase(recipe, { route });
        statuses.add(answer!.status);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Mutations leave most inputs readable, and the rest refused: both kinds of answer were seen.
    expect([...statuses].some((s) => s < 300)).toBe(true);
    expect([...statuses].some((s) => s >= 400)).toBe(true);
  }, 120_000);
});
