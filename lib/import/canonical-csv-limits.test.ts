// Bounds of the canonical and mapped CSV: records are capped by max_record_size, fields and the number of
// servers per file here. Inputs are generated as the upload arrives, never held whole.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseCanonicalCsv } from "./canonical-csv";
import { HEADER, NOW, errorsOf, parseText, row, rowsOf } from "./canonical-csv-test-support";
import { MAX_SERVERS_PER_FILE } from "./limits";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

async function* rows(count: number, line: (i: number) => string): AsyncGenerator<Buffer> {
  yield Buffer.from(`${HEADER}\n`);
  for (let i = 0; i < count; ) {
    let text = "";
    for (; i < count && text.length < 64 * 1024; i++) text += `${line(i)}\n`;
    yield Buffer.from(text);
  }
}

describe("parseCanonicalCsv: limits", () => {
  it("issue 8 item 14: rejects a file naming more distinct servers than the limit (too_many_servers, with the line)", { timeout: 30_000 }, async () => {
    const before = heap();
    let accepted = 0;
    const run = async () => {
      for await (const rec of parseCanonicalCsv(rows(1_000_000, (i) => row({ host: `MAIL${i}` })), { now: NOW })) if ("row" in rec) accepted++;
    };
    await expect(run()).rejects.toMatchObject({
      name: "ImportFileError",
      code: "too_many_servers",
      message: expect.stringMatching(new RegExp(`^Line ${MAX_SERVERS_PER_FILE + 2}: .*more than 250,000 servers`)),
    });
    expect(accepted).toBe(MAX_SERVERS_PER_FILE);
    expect(heap() - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("issue 8 item 14: counts a server once however many rows name it, and ignores the hostname's case", { timeout: 30_000 }, async () => {
    let count = 0;
    const line = (i: number) => row({ host: i % 2 === 0 ? `MAIL${i % 1000}` : `mail${(i - 1) % 1000}`, at: `2021-03-0${1 + (i % 9)}T00:00:00Z` });
    for await (const rec of parseCanonicalCsv(rows(300_000, line), { now: NOW })) if ("row" in rec) count++;
    expect(count).toBe(300_000);
  });

  it("issue 8 item 14: rejects a row whose indicators field is huge, and keeps reading", async () => {
    const huge = Array.from({ length: 8_000 }, (_, i) => `C:\\inetpub\\shell${i}.aspx`).join(";");
    const recs = await parseText([HEADER, row({ host: "A", ind: huge }), row({ host: "B", ind: "web-shell" })].join("\n"));
    expect(errorsOf(recs)).toEqual([{ line: 2, error: expect.stringMatching(/^indicators is longer than 100000 characters/) }]);
    expect(rowsOf(recs).filter(Boolean).map((r) => r?.hostname)).toEqual(["B"]);
  });
});
