// A failing input is kept where it can be replayed: data/fuzz-failures/<time>-<target>-<kind>/ holds the recipe
// (`npm run fuzz -- --replay <dir>/recipe.json` runs it again), the error, and the files as they were uploaded.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FuzzFailure } from "./outcome";
import { buildInput, type Recipe } from "./recipe";

export const FAILURES_DIR = "data/fuzz-failures";

export function saveFailure(recipe: Recipe, failure: FuzzFailure | Error, seed: number | null): string {
  const kind = "kind" in failure ? String(failure.kind) : "error";
  const dir = join(FAILURES_DIR, `${new Date().toISOString().replace(/[:.]/g, "-")}-${recipe.target}-${kind}`);
  mkdirSync(join(dir, "files"), { recursive: true });
  writeFileSync(join(dir, "recipe.json"), JSON.stringify(recipe, null, 2));
  const detail = "detail" in failure && failure.detail ? `\n\n${String(failure.detail)}` : `\n\n${failure.stack ?? ""}`;
  writeFileSync(join(dir, "error.txt"), `${failure.message}${seed === null ? "" : `\nFUZZ_SEED=${seed}`}${detail}\n`);
  const input = buildInput(recipe);
  input.files.forEach((f, i) => writeFileSync(join(dir, "files", `${i}-${f.name.replace(/[^\w.-]+/g, "_").slice(0, 80) || "upload"}`), f.bytes));
  return dir;
}
