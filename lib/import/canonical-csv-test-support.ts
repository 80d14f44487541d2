// Shared by the canonical CSV parser's tests. Not a test file itself (vitest runs only *.test.ts).
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { parseCanonicalCsv } from "./canonical-csv";
import type { ParsedRecord } from "./canonical-row";
import { ImportFileError } from "./import-file-error";

export const SAMPLE = fileURLToPath(new URL("./fixtures/canonical-small.csv", import.meta.url));
export const HEADER = "organization,hostname,ip_address,exchange_build,scanned_at,indicators,mitigation";
export const NOW = new Date("2021-05-01T00:00:00Z");

export async function* chunks(...parts: Array<Buffer | string>) {
  yield* parts;
}

export async function collect(source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream, now = NOW, maxRecordBytes?: number) {
  const out: ParsedRecord[] = [];
  for await (const rec of parseCanonicalCsv(source, { now, maxRecordBytes })) out.push(rec);
  return out;
}
export const parseText = (text: string | Buffer, now = NOW, maxRecordBytes?: number) => collect(chunks(Buffer.from(text)), now, maxRecordBytes);
export const rowsOf = (recs: ParsedRecord[]) => recs.map((r) => ("row" in r ? r.row : null));
export const errorsOf = (recs: ParsedRecord[]) => recs.filter((r) => "error" in r).map((r) => ({ line: r.line, error: (r as { error: string }).error }));

export async function fileErrorOf(text: string | Buffer, maxRecordBytes?: number): Promise<ImportFileError> {
  const err = await parseText(text, NOW, maxRecordBytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  return err as ImportFileError;
}

// One row of the canonical file with defaults that pass; override any field by name.
export function row(fields: Partial<Record<"org" | "host" | "ip" | "build" | "at" | "ind" | "mit", string>> = {}): string {
  const defaults = { org: "Acme Dental", host: "MAIL01", ip: "203.0.113.10", build: "15.1.2176.9", at: "2021-03-08T14:02:00Z" };
  const f = { ...defaults, ind: "", mit: "", ...fields };
  return [f.org, f.host, f.ip, f.build, f.at, f.ind, f.mit].join(",");
}
