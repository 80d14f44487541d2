import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { toWebStream } from "./export-response";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; reads: number }> {
  const reader = stream.getReader();
  let text = "";
  let reads = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return { text, reads };
    reads++;
    text += Buffer.from(value).toString("utf8");
  }
}

describe("toWebStream", () => {
  it("passes every byte, taking what is buffered in one read", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `row ${i}\n`);
    // As csv-stringify does: a chunk per row, written faster than they are read.
    const source = new PassThrough({ highWaterMark: 64 * 1024 });
    (async () => {
      for (const line of lines) if (!source.write(line)) await new Promise((r) => source.once("drain", r));
      source.end();
    })();
    const { text, reads } = await readAll(toWebStream(source));
    expect(text).toBe(lines.join(""));
    expect(reads).toBeLessThan(lines.length / 10);
  });
  it("ends the download with an error when the stream fails, without crashing the process", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const source = new PassThrough();
    const web = toWebStream(source);
    source.write("first");
    setTimeout(() => source.destroy(new Error("database gone")), 10);
    await expect(readAll(web)).rejects.toThrow("export failed");
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
  it("destroys the stream when the client goes away", async () => {
    const source = new PassThrough();
    const web = toWebStream(source);
    source.write("x");
    const reader = web.getReader();
    await reader.read();
    await reader.cancel();
    expect(source.destroyed).toBe(true);
  });
});
