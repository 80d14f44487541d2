// The spool on its own: files written in order and read back the same, the cap counted before and while writing,
// and nothing left behind when an upload is refused.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spoolFiles, spooledFiles, spoolUsage } from "./spool";

let dir: string;
const stream = (...chunks: string[]) =>
  (async function* () {
    for (const c of chunks) yield Buffer.from(c);
  })();
const text = async (s: AsyncIterable<Uint8Array>) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString();
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "spool-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the upload spool", () => {
  it("keeps the files in upload order with their names, and reads them back as they were", async () => {
    const spooled = await spoolFiles("a", [{ name: "one.csv", stream: stream("a,b\n", "1,2\n") }, { name: null, stream: stream("xyz") }], { dir, maxBytes: 1000 });
    expect(spooled).toMatchObject({ names: ["one.csv", null], bytes: 11 });
    const files = spooledFiles(spooled.path, spooled.names);
    expect(files.map((f) => f.name)).toEqual(["one.csv", null]);
    expect([await text(files[0].stream), await text(files[1].stream)]).toEqual(["a,b\n1,2\n", "xyz"]);
    expect(await spoolUsage(dir)).toBe(11);
  });

  it("refuses with 507 an upload past the cap, told by its length or while it streams, and leaves nothing", async () => {
    await spoolFiles("a", [{ name: null, stream: stream("x".repeat(60)) }], { dir, maxBytes: 100 });
    await expect(spoolFiles("b", [{ name: null, stream: stream("y") }], { dir, maxBytes: 100 }, 41)).rejects.toMatchObject({ status: 507, code: "spool_full" });
    await expect(spoolFiles("c", [{ name: null, stream: stream("y".repeat(30), "y".repeat(30)) }], { dir, maxBytes: 100 })).rejects.toMatchObject({ status: 507 });
    expect(readdirSync(dir)).toEqual(["a"]);
    await spoolFiles("d", [{ name: null, stream: stream("z".repeat(40)) }], { dir, maxBytes: 100 });
  });
});
