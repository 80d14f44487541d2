import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-file-error";
import { makeZip } from "./make-zip.test-helper";
import { zipEntries, type ZipLimits } from "./zip-entries";

async function* pieces(all: Buffer, size = 1000): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function readAll(source: Buffer | AsyncIterable<Uint8Array>, limits?: ZipLimits) {
  const out: Array<{ name: string; text: string }> = [];
  for await (const entry of zipEntries(source, limits)) out.push({ name: entry.name, text: await text(entry.stream) });
  return out;
}

async function fileError(source: Buffer, limits?: ZipLimits): Promise<ImportFileError> {
  const err = await readAll(source, limits).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFileError);
  return err as ImportFileError;
}

const spoolDirs = async () => (await readdir(tmpdir())).filter((n) => n.startsWith("patchboard-zip-"));

describe("zipEntries", () => {
  it("yields files, deflated or stored, from a buffer or a stream, skipping directories and __MACOSX", async () => {
    const zip = makeZip([
      { name: "out/", data: "" },
      { name: "out/EXCH01-other.csv", data: "a,b\n1,2\n" },
      { name: "out/notes.txt", data: "unrelated", method: 0 },
      { name: "__MACOSX/out/._EXCH01-other.csv", data: "junk" },
    ]);
    const expected = [
      { name: "out/EXCH01-other.csv", text: "a,b\n1,2\n" },
      { name: "out/notes.txt", text: "unrelated" },
    ];
    expect(await readAll(zip)).toEqual(expected);
    expect(await readAll(pieces(zip, 7))).toEqual(expected);
  });

  // Found by the fuzzer (scripts/fuzz): yauzl's own fd reader ran the queued first read of a skipped stored entry
  // after its stream was destroyed, an uncaught TypeError that ended the process (the server, for an upload).
  it("lets the consumer skip stored entries unread, without an error outside the generator", async () => {
    const zip = makeZip([
      { name: "notes.txt", data: "unrelated\n".repeat(100), method: 0 },
      { name: "readme.md", data: "also skipped", method: 0 },
      { name: "EXCH01-other.csv", data: "a,b\n", method: 0 },
    ]);
    const before = await spoolDirs();
    const uncaught: unknown[] = [];
    const record = (err: unknown) => void uncaught.push(err);
    process.on("uncaughtException", record);
    try {
      const names: string[] = [];
      for await (const entry of zipEntries(zip)) {
        names.push(entry.name);
        if (entry.name.endsWith(".csv")) expect(await text(entry.stream)).toBe("a,b\n");
      }
      await new Promise((resolve) => setTimeout(resolve, 50)); // the queued reads ran by now
      expect(names).toEqual(["notes.txt", "readme.md", "EXCH01-other.csv"]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", record);
    }
    expect(await spoolDirs()).toEqual(before);
  });

  it("turns the backslashes of Windows PowerShell's Compress-Archive into slashes", async () => {
    const zip = makeZip([{ name: "out\\EXCH01-other.csv", data: "x" }]);
    expect((await readAll(zip)).map((e) => e.name)).toEqual(["out/EXCH01-other.csv"]);
  });

  it("yields an unrelated file as it is, and never opens a zip inside the zip (nested bombs stay packed)", async () => {
    const inner = makeZip([{ name: "zeros.bin", data: Buffer.alloc(5 * 1024 * 1024) }]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    const names: string[] = [];
    const bodies: Buffer[] = [];
    for await (const entry of zipEntries(pieces(makeZip([{ name: "IMG_0001.jpg", data: jpeg }, { name: "inner.zip", data: inner }])))) {
      names.push(entry.name);
      const chunks: Buffer[] = [];
      for await (const chunk of entry.stream) chunks.push(Buffer.from(chunk as Buffer));
      bodies.push(Buffer.concat(chunks));
    }
    expect(names).toEqual(["IMG_0001.jpg", "inner.zip"]);
    expect(bodies).toEqual([jpeg, inner]);
  });

  it("refuses a zip bomb whose headers are honest before inflating it", async () => {
    const zip = makeZip([{ name: "zeros.bin", data: Buffer.alloc(5 * 1024 * 1024) }]);
    expect(zip.length).toBeLessThan(10_000);
    const err = await fileError(zip, { maxUncompressedBytes: 1024 * 1024 });
    expect(err.code).toBe("zip_too_large");
    expect((await fileError(zip)).code).toBe("zip_too_large"); // ratio ~1000:1 over the 200:1 default
  });

  it("stops a zip bomb that lies about its size on the bytes really inflated", async () => {
    const zip = makeZip([{ name: "zeros.bin", data: Buffer.alloc(5 * 1024 * 1024), declaredSize: 100 }]);
    const err = await fileError(zip, { maxUncompressedBytes: 1024 * 1024 });
    expect(err.code).toBe("zip_too_large");
    expect(err.message).toMatch(/declared size/);
  });

  it("counts the total over entries and the number of entries", async () => {
    const files = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.txt`, data: "x".repeat(400) }));
    expect((await fileError(makeZip(files), { maxUncompressedBytes: 1000 })).code).toBe("zip_too_large");
    expect((await fileError(makeZip(files), { maxEntries: 3 })).code).toBe("zip_too_large");
    expect(await readAll(makeZip(files), { maxUncompressedBytes: 1600, maxEntries: 4 })).toHaveLength(4);
  });

  it("keeps small, highly compressible files: the ratio only counts past 1 MiB", async () => {
    const zip = makeZip([{ name: "EXCH01-LogAgeDays.csv", data: "30,".repeat(100_000) }]);
    expect(await readAll(zip)).toHaveLength(1);
  });

  it("rejects a truncated zip, a file that is not a zip, and an empty upload as malformed_zip", async () => {
    const zip = makeZip([{ name: "EXCH01-other.csv", data: "x".repeat(5000) }]);
    expect((await fileError(zip.subarray(0, zip.length - 30))).code).toBe("malformed_zip");
    expect((await fileError(Buffer.from("DateTime,RequestId\n"))).code).toBe("malformed_zip");
    expect((await fileError(Buffer.alloc(0))).code).toBe("malformed_zip");
  });

  it("rejects corrupt entry data as malformed_zip, through the entry's stream", async () => {
    const zip = makeZip([{ name: "a.csv", data: "hello world ".repeat(100) }]);
    // Damage the deflate data just after the 30-byte header and the 5-byte name.
    zip.fill(0xff, 35, 45);
    expect((await fileError(zip)).code).toBe("malformed_zip");
  });

  it("drops an entry the consumer skipped and deletes its temp file, also on error", async () => {
    const before = await spoolDirs();
    const zip = makeZip([
      { name: "a.txt", data: "a".repeat(100_000) },
      { name: "b.txt", data: "b" },
    ]);
    const names: string[] = [];
    for await (const entry of zipEntries(zip)) names.push(entry.name); // never reads the streams
    expect(names).toEqual(["a.txt", "b.txt"]);
    await fileError(makeZip([{ name: "z", data: Buffer.alloc(2 * 1024 * 1024) }]), { maxUncompressedBytes: 10 });
    expect(await spoolDirs()).toEqual(before);
  });
});
