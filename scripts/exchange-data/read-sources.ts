// Reads the source TSVs from disk. Kept apart from assemble/render so that those stay pure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SOURCE_FILES, type SourceTexts } from "./assemble";
import { SOURCE_DIR } from "./render";

export function readSourceTexts(root: string): SourceTexts {
  const entries = SOURCE_FILES.map((file) => [file, readFileSync(join(root, SOURCE_DIR, file), "utf8")]);
  return Object.fromEntries(entries) as SourceTexts;
}
