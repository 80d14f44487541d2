// The spool: an asynchronous upload's files on disk until the import worker has imported them. Each upload is a
// folder of its own under the spool directory (PATCHBOARD_SPOOL_DIR), its files numbered in upload order; the
// folder is deleted once the import is done or has failed. The whole directory is held under a size cap
// (PATCHBOARD_SPOOL_MAX_MB): an upload that would pass it is refused with 507 and leaves nothing behind.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../errors";
import type { UploadFile } from "../../import/plan-imports";

export interface SpoolLimits {
  dir: string;
  /** the cap on the whole spool directory */
  maxBytes: number;
}

export interface Spooled {
  /** the upload's folder */
  path: string;
  /** the files' names, in upload order (null: the upload gave none) */
  names: (string | null)[];
  bytes: number;
}

// Bytes being written by uploads of this process that the directory does not show yet in full.
const reserved = ((globalThis as { patchboardSpool?: { bytes: number } }).patchboardSpool ??= { bytes: 0 });

export function spoolFull(maxBytes: number): AppError {
  return new AppError(507, "spool_full", `The upload spool is full (${Math.round(maxBytes / 1048576)} MB of uploads wait to be imported); try again once they are imported, or upload without Prefer: respond-async.`);
}

/** The bytes the spool directory holds now (every upload's folder). */
export async function spoolUsage(dir: string): Promise<number> {
  let total = 0;
  const walk = async (path: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(path, e.name);
      if (e.isDirectory()) await walk(p);
      else total += await stat(p).then((s) => s.size, () => 0);
    }
  };
  await walk(dir);
  return total;
}

/**
 * Writes the upload's files into a new folder `id` under the spool directory, each read to its end before the next
 * is asked for. `expected` (a Content-Length) is checked against the cap before a byte is written; the bytes are
 * counted against it as they come too. On any failure the folder is deleted and the error thrown.
 */
export async function spoolFiles(id: string, files: AsyncIterable<UploadFile> | Iterable<UploadFile>, limits: SpoolLimits, expected?: number): Promise<Spooled> {
  const path = resolve(limits.dir, id);
  let used = (await spoolUsage(limits.dir)) + reserved.bytes;
  if (expected !== undefined && used + expected > limits.maxBytes) throw spoolFull(limits.maxBytes);
  await mkdir(path, { recursive: true });
  const names: (string | null)[] = [];
  let bytes = 0;
  try {
    for await (const file of files) {
      const target = join(path, String(names.length).padStart(4, "0"));
      names.push(file.name);
      await pipeline(
        (async function* () {
          for await (const chunk of file.stream) {
            used += chunk.byteLength;
            reserved.bytes += chunk.byteLength;
            bytes += chunk.byteLength;
            if (used > limits.maxBytes) throw spoolFull(limits.maxBytes);
            yield chunk;
          }
        })(),
        createWriteStream(target),
      );
    }
    return { path, names, bytes };
  } catch (err) {
    await deleteSpool(path);
    throw err;
  } finally {
    reserved.bytes -= bytes;
  }
}

/** The spooled files as an upload's files again, each a stream opened only when it is read. */
export function spooledFiles(path: string, names: (string | null)[]): UploadFile[] {
  return names.map((name, i) => ({
    name,
    stream: { [Symbol.asyncIterator]: () => createReadStream(join(path, String(i).padStart(4, "0")))[Symbol.asyncIterator]() },
  }));
}

/** Deletes the uploads' folders under `dir` last written at least `olderThanMs` ago. */
export async function sweepSpool(dir: string, olderThanMs: number, now = Date.now()): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const path = join(dir, e.name);
    const written = await stat(path).then((s) => s.mtimeMs, () => now);
    if (now - written >= olderThanMs) await deleteSpool(path);
  }
}

export async function deleteSpool(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}
