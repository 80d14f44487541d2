// Bounds of the Health Checker parser on inputs Health Checker never writes, generated lazily.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { ObservationRecord } from "../observation";
import { parseHealthChecker } from "./health-checker";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

async function* generated(head: string, unit: string | ((i: number) => string), total: number, tail = ""): AsyncGenerator<Uint8Array> {
  yield Buffer.from(head);
  let i = 0;
  for (let sent = 0; sent < total; ) {
    let text = "";
    while (text.length < 64 * 1024) text += typeof unit === "string" ? unit : unit(i++);
    sent += text.length;
    yield Buffer.from(text);
  }
  yield Buffer.from(tail);
}

async function outcome(source: AsyncIterable<Uint8Array>, fileName: string | null = null) {
  const before = heap();
  const records: ObservationRecord[] = [];
  let error: unknown = null;
  try {
    for await (const r of parseHealthChecker(source, { scannedAt: new Date("2021-03-09T00:00:00Z"), fileName })) records.push(r);
  } catch (err) {
    error = err;
  }
  return { records, error, growth: heap() - before };
}

const HEAD = '{\n  "VersionReport": "21.03.08.1817",\n  "ReportDate": "3/19/2021 10:15:02 AM",\n  "Organization": "Acme",\n  "Servers": [\n';

describe("parseHealthChecker: limits", () => {
  it("issue 8 item 14: rejects a 300 MB string in a server entry (field_too_large, with its line) in bounded memory", { timeout: 20_000 }, async () => {
    const { error, growth } = await outcome(generated(`${HEAD}    {\n      "Name": "EXCH01",\n      "Notes": "`, "abcdefgh", 300 * MB));
    expect(error).toMatchObject({ name: "ImportFileError", code: "field_too_large", message: expect.stringMatching(/^Line 8: /) });
    expect(growth).toBeLessThan(40 * MB);
  });

  it("issue 8 item 14: rejects a 300 MB header string, key and number", { timeout: 20_000 }, async () => {
    for (const [head, unit] of [['{"VersionReport": "', "abcdefgh"], ['{"', "keykeykey"], ['{"Servers": [], "Size": 1', "1234567890"]]) {
      const { error, growth } = await outcome(generated(head, unit, 300 * MB));
      expect(error, head).toMatchObject({ code: "field_too_large" });
      expect(growth).toBeLessThan(40 * MB);
    }
  });

  it("issue 8 item 14: rejects a server entry with millions of keys or of small strings (entry_too_large)", { timeout: 20_000 }, async () => {
    const keys = await outcome(generated(`${HEAD}    {"Name": "EXCH01", `, (i) => `"k${i}": 1, `, 200 * MB));
    expect(keys.error).toMatchObject({ code: "entry_too_large" });
    expect(keys.growth).toBeLessThan(40 * MB);
    const strings = await outcome(generated(`${HEAD}    {"Name": "EXCH01", "Vulnerabilities": [`, '"CVE-2021-26855-and-then-some-more-text", ', 200 * MB));
    expect(strings.error).toMatchObject({ code: "entry_too_large" });
    expect(strings.growth).toBeLessThan(40 * MB);
  });

  it("issue 8 item 14: rejects millions of nested arrays (nesting_too_deep)", { timeout: 20_000 }, async () => {
    for (const head of [`${HEAD}    {"Name": "EXCH01", "x": `, '{"Deep": ']) {
      const { error, growth } = await outcome(generated(head, "[", 100 * MB));
      expect(error, head).toMatchObject({ code: "nesting_too_deep" });
      expect(growth).toBeLessThan(40 * MB);
    }
  });

  it("issue 8 item 14: rejects a report of more distinct servers than the limit (too_many_servers)", { timeout: 30_000 }, async () => {
    const server = (i: number) => `{"Name": "EX${i}", "BuildVersion": "15.1.2176.9", "HasVulnerability": false, "Vulnerabilities": [], "Online": true},\n`;
    const before = heap();
    let count = 0;
    const run = async () => {
      for await (const r of parseHealthChecker(generated(HEAD, server, 400 * MB, "{}]}"), { scannedAt: null })) if ("observation" in r) count++;
    };
    await expect(run()).rejects.toMatchObject({ code: "too_many_servers", message: expect.stringMatching(/^Server 250001: the report names more than 250,000 servers/) });
    expect(count).toBeLessThanOrEqual(250_000);
    expect(heap() - before).toBeLessThan(40 * MB);
  });

  it("issue 8 item 14: reports a server whose Name is longer than a hostname can be, and goes on", async () => {
    const text = `${HEAD}{"Name": "${"x".repeat(300)}", "BuildVersion": "15.1.2176.9"}, {"Name": "EXCH02", "BuildVersion": "15.1.2176.9"}]}`;
    const { records, error } = await outcome(generated(text, "", 0));
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, error: "The server's Name is longer than 255 characters." },
      expect.objectContaining({ observation: expect.objectContaining({ hostname: "EXCH02" }) }),
    ]);
  });
});
