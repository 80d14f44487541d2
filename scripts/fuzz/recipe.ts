// A fuzz input as a recipe: which sample, which edits in which order, and how it is uploaded. Recipes are small
// plain data, so fast-check shrinks them and a failure is saved and replayed from one; `buildInput` turns a recipe
// into the bytes (deterministically: the same recipe always gives the same files).
import { reencode, type Reencode } from "./encodings";
import { applyHuge, type Huge } from "./huge";
import { applyMutation, type Mutation } from "./mutations";
import { target, type SampleFile, type Target, type TargetId } from "./samples";
import { buildZip, type ZipTrick } from "./zip-tricks";

/** Random bytes in place of the file after its first `keep` bytes (0: all random). */
export interface RandomBytes {
  kind: "random";
  keep: number;
  bytes: number[];
}

export type Edit = { file: number; edit: Mutation | Reencode | Huge | RandomBytes };

/** What happens to a run's set of files (Test-ProxyLogon): one dropped, repeated, or named otherwise. */
export type FileOp = { kind: "drop-file"; file: number } | { kind: "dup-file"; file: number } | { kind: "rename"; file: number; name: string };

export interface UploadChoice {
  /** false: a real import (most inputs are dry runs, which write nothing) */
  dryRun: boolean;
  /** format=<the target's> instead of detection */
  explicitFormat: boolean;
  /** a multipart form instead of the raw body (always for several files) */
  multipart: boolean;
  /** Accept: application/x-ndjson (progress lines) */
  ndjson: boolean;
  /** organization= (the formats that name none need it) */
  organization: boolean;
  /** which of ORGANIZATIONS it is (0: the plain one) */
  organizationName: number;
  /** scannedAt= */
  scannedAt: boolean;
  /** another raw Content-Type than the target's */
  octetStream: boolean;
}

export interface Recipe {
  target: TargetId;
  sample: number;
  fileOps: FileOp[];
  edits: Edit[];
  /** the zip target: how the archive is built, and mutations of its bytes */
  zipTricks: ZipTrick[];
  zipEdits: Mutation[];
  /** the size of the pieces the stream is cut into */
  chunk: number;
  upload: UploadChoice;
}

export interface FuzzInput {
  recipe: Recipe;
  target: Target;
  /** the files as uploaded (the zip target: one archive) */
  files: SampleFile[];
  chunk: number;
}

// Growing edits stop applying past this, so that several huge edits in one recipe cannot add up to hundreds of MB.
const MAX_GROWN_BYTES = 12 * 1024 * 1024;
// A stream is cut into at most this many pieces (pieces of 1 byte are for small files).
const MAX_PIECES = 1_000;

export function buildInput(recipe: Recipe): FuzzInput {
  const t = target(recipe.target);
  let files = t.samples[recipe.sample % t.samples.length].map((f) => ({ ...f }));
  for (const op of recipe.fileOps) files = applyFileOp(files, op);
  for (const { file, edit } of recipe.edits) {
    if (files.length === 0) break;
    const f = files[file % files.length];
    f.bytes = applyEdit(f.bytes, edit);
  }
  if (t.zip) {
    let archive = buildZip(files, recipe.zipTricks);
    for (const m of recipe.zipEdits) archive = applyMutation(archive, m);
    files = [{ name: "TestProxyLogonOutput.zip", bytes: archive }];
  }
  const largest = Math.max(0, ...files.map((f) => f.bytes.length));
  return { recipe, target: t, files, chunk: Math.max(recipe.chunk, Math.ceil(largest / MAX_PIECES)) };
}

function applyEdit(bytes: Buffer, edit: Edit["edit"]): Buffer {
  switch (edit.kind) {
    case "encode":
      return reencode(bytes, edit);
    case "huge":
      return bytes.length > MAX_GROWN_BYTES ? bytes : applyHuge(bytes, edit);
    case "random":
      return Buffer.concat([bytes.subarray(0, edit.keep % (bytes.length + 1)), Buffer.from(edit.bytes)]);
    default:
      if (bytes.length > MAX_GROWN_BYTES && (edit.kind === "insert" || edit.kind === "dup-line")) return bytes;
      return applyMutation(bytes, edit);
  }
}

function applyFileOp(files: SampleFile[], op: FileOp): SampleFile[] {
  if (files.length === 0) return files;
  const i = op.file % files.length;
  if (op.kind === "drop-file") return files.filter((_, n) => n !== i);
  if (op.kind === "dup-file") return [...files.slice(0, i + 1), { ...files[i] }, ...files.slice(i + 1)];
  return files.map((f, n) => (n === i ? { ...f, name: op.name } : f));
}

/** The recipe in a line, for the report. */
export function describe(recipe: Recipe): string {
  const edits = recipe.edits.map(({ file, edit }) => `${edit.kind}${"what" in edit ? `:${edit.what}` : "as" in edit ? `:${edit.as}` : ""}@${file}`);
  const zip = [...recipe.zipTricks.map((t) => `zip:${t.kind}`), ...recipe.zipEdits.map((m) => `zip-bytes:${m.kind}`)];
  return [`${recipe.target}#${recipe.sample}`, ...recipe.fileOps.map((o) => o.kind), ...edits, ...zip].join(" ");
}
