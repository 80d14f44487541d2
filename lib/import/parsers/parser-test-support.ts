// Shared by the parser tests: byte sources cut at chosen places, and collectors for
// records and file errors. Not a test file itself (vitest runs only *.test.ts).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { ImportFileError } from "../import-file-error";
import type { ObservationRecord, ScanObservation } from "../observation";

export type Parser = (source: AsyncIterable<Uint8Array>, options: { scannedAt: Date | null }) => AsyncGenerator<ObservationRecord>;

export const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)));

export const bytes = (part: string | Uint8Array) => (typeof part === "string" ? Buffer.from(part, "utf8") : part);

// The input cut into pieces of `size` bytes (1 splits every token and every multi-byte character).
export async function* pieces(input: string | Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const all = bytes(input);
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

export async function collect(parse: Parser, input: string | Uint8Array, scannedAt: Date | null = null, size?: number) {
  const out: ObservationRecord[] = [];
  for await (const rec of parse(pieces(input, size), { scannedAt })) out.push(rec);
  return out;
}

export async function fileErrorOf(parse: Parser, input: string | Uint8Array, size?: number): Promise<ImportFileError> {
  const err = await collect(parse, input, null, size).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  return err as ImportFileError;
}

export const observations = (recs: ObservationRecord[]): ScanObservation[] =>
  recs.map((r) => {
    if (!("observation" in r)) throw new Error(`line ${r.line}: ${r.error}`);
    return r.observation;
  });
