// The files inside an uploaded ZIP (e.g. a zipped Test-ProxyLogon output folder), one at a time, as streams.
// yauzl needs random access (the central directory is at the end), so the upload is spooled to a private temp
// file, never held in memory, and the file is deleted when the generator ends, however it ends.
// Zip bombs are stopped while inflating, on the bytes really produced, not only on the sizes the headers claim:
// headers are written by whoever made the file. Decisions:
// - Each entry's stream is valid until the next entry is asked for: an unread or half-read stream is then
//   destroyed (the consumer skipped it). Consume entries as they come, not by collecting them first.
// - The file is read through a FileHandle of our own (HandleReader), not yauzl.fromFd: yauzl's fd reader queues
//   reads and runs a queued one after its stream was destroyed, which throws outside any promise (an uncaught
//   TypeError that ends the process) whenever an entry is skipped while its first read waits, as a stored entry's
//   does. A FileHandle read checks its stream when it lands, and closing the handle in `finally` waits for reads
//   still running, so the handle is closed even when an entry stream was destroyed mid-read.
// - An entry inflating past its declared size is treated as a bomb (zip_too_large), the classic lying-header
//   trick; one that ends short of it is malformed_zip.
import { createWriteStream } from "node:fs";
import { mkdtemp, open, rm, writeFile, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { ImportFileError } from "./import-file-error";

export interface ZipLimits {
  maxEntries?: number;
  maxUncompressedBytes?: number;
  maxRatio?: number;
}

export interface ZipEntry {
  /** the path inside the archive, with "/" separators (backslashes of old .NET zips are turned into "/") */
  name: string;
  stream: NodeJS.ReadableStream;
}

const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_MAX_UNCOMPRESSED_BYTES = 1024 ** 3;
const DEFAULT_MAX_RATIO = 200;
// Small files of repeated text legitimately compress far beyond 200:1 and cannot hurt; the ratio only matters
// once an entry is big enough to cost memory or time.
const RATIO_FLOOR_BYTES = 1024 * 1024;

export async function* zipEntries(
  source: AsyncIterable<Uint8Array> | Buffer,
  limits: ZipLimits = {},
): AsyncGenerator<ZipEntry> {
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxBytes = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxRatio = limits.maxRatio ?? DEFAULT_MAX_RATIO;
  const dir = await mkdtemp(join(tmpdir(), "patchboard-zip-"));
  let handle: FileHandle | null = null;
  let current: Transform | null = null;
  let failure: unknown = null;
  let totalBytes = 0;
  try {
    const path = join(dir, "upload.zip");
    if (Buffer.isBuffer(source)) await writeFile(path, source, { mode: 0o600 });
    else await pipeline(Readable.from(source), createWriteStream(path, { flags: "wx", mode: 0o600 }));
    handle = await open(path, "r");
    const zipfile = await openZip(new HandleReader(handle), (await handle.stat()).size);
    zipfile.on("error", (err: unknown) => (failure ??= malformed(err)));
    if (zipfile.entryCount > maxEntries) throw tooLarge(`it has ${zipfile.entryCount} entries (limit ${maxEntries})`);

    for (let entry = await nextEntry(zipfile); entry !== null; entry = await nextEntry(zipfile)) {
      const name = entry.fileName;
      if (name.endsWith("/") || name.startsWith("__MACOSX/") || name.includes("/__MACOSX/")) continue;
      // Header claims first: an honest bomb is refused before a byte is inflated.
      const declared = entry.uncompressedSize;
      if (totalBytes + declared > maxBytes) throw tooLarge(`${name} would take the total past ${maxBytes} bytes`);
      if (declared > RATIO_FLOOR_BYTES && declared > maxRatio * Math.max(entry.compressedSize, 1)) {
        throw tooLarge(`${name} claims a compression ratio above ${maxRatio}:1`);
      }
      const raw = await openEntry(zipfile, entry);
      let entryBytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          entryBytes += chunk.length;
          totalBytes += chunk.length;
          let problem: string | null = null;
          if (totalBytes > maxBytes) problem = `the files inflate past ${maxBytes} bytes`;
          else if (entryBytes > declared) problem = `${name} inflates past its declared size of ${declared} bytes`;
          else if (entryBytes > RATIO_FLOOR_BYTES && entryBytes > maxRatio * Math.max(entry.compressedSize, 1)) {
            problem = `${name} inflates beyond a compression ratio of ${maxRatio}:1`;
          }
          if (problem === null) return done(null, chunk);
          done((failure ??= tooLarge(problem)) as Error);
        },
        flush(done) {
          if (entryBytes === declared) return done();
          done((failure ??= malformed(new Error(`${name} ends after ${entryBytes} of ${declared} bytes`))) as Error);
        },
      });
      raw.on("error", (err) => counter.destroy((failure ??= malformed(err)) as Error));
      counter.on("close", () => raw.destroy());
      raw.pipe(counter);
      current = counter;
      yield { name, stream: counter };
      // The consumer asked for the next entry: whatever it left of this one is dropped.
      if (!counter.readableEnded) counter.destroy();
      current = null;
      if (failure !== null) throw failure;
    }
    if (failure !== null) throw failure;
  } finally {
    current?.destroy();
    await handle?.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

function openZip(reader: HandleReader, size: number): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const options = { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false };
    yauzl.fromRandomAccessReader(reader, size, options, (err, zipfile) => (err ? reject(malformed(err)) : resolve(zipfile)));
  });
}

// Positional reads of the spooled file, for yauzl: its central directory (`read`) and each entry's bytes.
class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.handle, start, end);
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    this.handle.read(buffer, offset, length, position).then(
      ({ bytesRead }) => callback(null, bytesRead),
      (err: Error) => callback(err),
    );
  }
}

// The bytes [start, end) of the file. A read that lands after the stream was destroyed is dropped.
class RangeStream extends Readable {
  constructor(
    private readonly handle: FileHandle,
    private position: number,
    private readonly end: number,
  ) {
    super();
  }

  override _read(size: number): void {
    const length = Math.min(size, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    this.handle.read(Buffer.allocUnsafe(length), 0, length, this.position).then(
      ({ bytesRead, buffer }) => {
        if (this.destroyed) return;
        if (bytesRead === 0) return void this.push(null); // the file ends early: yauzl's byte count reports it
        this.position += bytesRead;
        this.push(buffer.subarray(0, bytesRead));
      },
      (err: Error) => this.destroy(err),
    );
  }
}

function nextEntry(zipfile: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (entry: Entry | null, err?: unknown) => {
      zipfile.off("entry", onEntry).off("end", onEnd).off("error", onError);
      if (err === undefined) resolve(entry);
      else reject(malformed(err));
    };
    const onEntry = (entry: Entry) => settle(entry);
    const onEnd = () => settle(null);
    const onError = (err: unknown) => settle(null, err);
    zipfile.on("entry", onEntry).on("end", onEnd).on("error", onError);
    zipfile.readEntry();
  });
}

function openEntry(zipfile: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zipfile.openReadStream(entry, (err, stream) => (err ? reject(malformed(err, entry.fileName)) : resolve(stream)));
  });
}

function tooLarge(reason: string): ImportFileError {
  return new ImportFileError("zip_too_large", `The ZIP file was refused as a possible zip bomb: ${reason}.`, { reason });
}

// yauzl's messages ("end of central directory record signature not found", "invalid distance too far back")
// are kept in the details: they help whoever debugs the upload, not the person who made it.
function malformed(err: unknown, name?: string): unknown {
  if (err instanceof ImportFileError) return err;
  const cause = err instanceof Error ? err.message : String(err);
  const where = name === undefined ? "" : ` (${name})`;
  return new ImportFileError("malformed_zip", `The file is not a readable ZIP archive${where}: ${cause}.`, { cause });
}
