// One recipe, end to end: built into files, read by the reader layer, and (when a route is given) uploaded through
// POST /api/v1/scans; each step within the time limit. Throws a FuzzFailure for any outcome that is not allowed.
import type { ParserOutcome, RouteOutcome } from "./outcome";
import { withTimeLimit } from "./outcome";
import { runParser } from "./parser-run";
import { buildInput, type FuzzInput, type Recipe } from "./recipe";
import { runRoute, type Handler } from "./route-run";

// Per step (reader, route). The slowest inputs (a 10 MB line, 20,000 rows) take well under a second of CPU, but the
// machine the fuzzers run on is shared: a limit a loaded machine can reach would make hangs of slow inputs.
export const TIME_LIMIT_MS = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 10_000);

export interface CaseOptions {
  limitMs?: number;
  route?: { token: string; handler: Handler } | null;
  /** called when the input is built, before it runs (the hang watchdog's cue) */
  onInput?: (input: FuzzInput) => void;
}

export interface CaseResult {
  input: FuzzInput;
  parser: ParserOutcome;
  route: RouteOutcome | null;
}

export async function fuzzCase(recipe: Recipe, options: CaseOptions = {}): Promise<CaseResult> {
  const limit = options.limitMs ?? TIME_LIMIT_MS;
  const input = buildInput(recipe);
  options.onInput?.(input);
  const parser = await withTimeLimit(runParser(input), limit, "the reader");
  const route = options.route ? await withTimeLimit(runRoute(input, options.route.token, options.route.handler), limit, "the route") : null;
  return { input, parser, route };
}
