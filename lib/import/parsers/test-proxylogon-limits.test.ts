// Bounds of a Test-ProxyLogon run: servers per run, indicators kept per run. Inputs are generated lazily.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { ObservationRecord, ScanObservation } from "../observation";
import { parseTestProxyLogon, type TestProxyLogonOptions } from "./test-proxylogon";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const scannedAt = new Date("2021-03-09T12:00:00Z");

async function* lines(head: string, count: number, line: (i: number) => string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(head);
  for (let i = 0; i < count; ) {
    let text = "";
    for (; i < count && text.length < 64 * 1024; i++) text += `${line(i)}\n`;
    yield Buffer.from(text);
  }
}

async function parse(files: { name: string; stream: AsyncIterable<Uint8Array> }[], options: Partial<TestProxyLogonOptions> = {}) {
  const out: ObservationRecord[] = [];
  for await (const rec of parseTestProxyLogon(files, { scannedAt, ...options })) out.push(rec);
  return out;
}
const observations = (recs: ObservationRecord[]) =>
  recs.filter((r): r is { line: number; observation: ScanObservation } => "observation" in r).map((r) => r.observation);

describe("parseTestProxyLogon: limits", () => {
  it("issue 8 item 14: rejects a file naming millions of distinct computer names (too_many_servers, file and line)", { timeout: 20_000 }, async () => {
    const before = heap();
    const other = lines('"ComputerName","Type","Path","Name","LastWrite"\n', 3_000_000, (i) => `"PC${i}","SuspiciousArchive","C:\\Temp\\a${i}.zip","a${i}.zip","3/3/2021 3:12:44 AM"`);
    await expect(parse([{ name: "EXCH01-other.csv", stream: other }])).rejects.toMatchObject({
      name: "ImportFileError",
      code: "too_many_servers",
      message: expect.stringMatching(/^EXCH01-other\.csv line \d+: the Test-ProxyLogon run names more than 1,000 servers/),
    });
    expect(heap() - before).toBeLessThan(30 * 1024 * 1024);
  });

  it("issue 8 item 14: bounds the indicators kept per run, and every server keeps at least its first", async () => {
    const log = (n: number) => lines("", n, (i) => `C:\\inetpub\\wwwroot\\aspnet_client\\s${i}.aspx`);
    const recs = await parse(
      ["A", "B", "C"].map((pc) => ({ name: `${pc}-Cve-2021-27065.log`, stream: log(4) })),
      { maxIndicatorsPerRun: 5 },
    );
    const kept = observations(recs).map((o) => [o.hostname, o.indicators.length]);
    expect(kept).toEqual([["A", 4], ["B", 1], ["C", 1]]);
    const errors = recs.flatMap((r) => ("error" in r ? [r.error] : []));
    expect(errors).toEqual([
      "B: 3 more indicators were not kept (limit 5 per run reached)",
      "C: 3 more indicators were not kept (limit 5 per run reached)",
    ]);
  });

  it("issue 8 item 14: a computer name longer than a hostname can be stays with the file's server", async () => {
    const other = lines('"ComputerName","Type","Path","Name","LastWrite"\n', 1, () => `"${"X".repeat(100_000)}","LsassDump","C:\\Temp\\l.dmp","l.dmp",""`);
    const [server, ...rest] = observations(await parse([{ name: "EXCH01-other.csv", stream: other }]));
    expect(rest).toEqual([]);
    expect(server).toMatchObject({ hostname: "EXCH01", indicators: [{ type: "LsassDump", detail: "C:\\Temp\\l.dmp" }] });
  });
});
