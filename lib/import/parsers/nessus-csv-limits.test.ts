// Bounds of the Nessus parser beyond its record and host limits, on generated inputs.
import { describe, expect, it } from "vitest";
import type { ObservationRecord } from "../observation";
import { parseNessusCsv } from "./nessus-csv";

const HEADER = "Plugin ID,CVE,Risk,Host,Port,Name,Plugin Output\n";
const KB = "Security Updates for Microsoft Exchange Server (March 2021) (Remote)";

async function* generated(count: number, line: (i: number) => string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(HEADER);
  for (let i = 0; i < count; ) {
    let text = "";
    for (; i < count && text.length < 64 * 1024; i++) text += `${line(i)}\n`;
    yield Buffer.from(text);
  }
}

describe("parseNessusCsv: limits", () => {
  it("issue 8 item 14: rejects an export with more Exchange hosts than the limit (too_many_servers, with the line)", { timeout: 30_000 }, async () => {
    let count = 0;
    const run = async () => {
      for await (const r of parseNessusCsv(generated(300_000, (i) => `147003,CVE-2021-26855,Critical,ex${i}.example,443,"${KB}",`), { scannedAt: null })) {
        if ("observation" in r) count++;
      }
    };
    await expect(run()).rejects.toMatchObject({ code: "too_many_servers", message: expect.stringMatching(/^Line 250002: the file names more than 250,000 servers/) });
    expect(count).toBe(0); // hosts are yielded when the file ends
  });

  it("issue 8 item 14: keeps a bounded list of CVEs per host, and reads it in linear time", { timeout: 20_000 }, async () => {
    const cves = Array.from({ length: 60_000 }, (_, i) => `CVE-2021-${String(10_000 + i)}`).join(",");
    const started = Date.now();
    const out: ObservationRecord[] = [];
    for await (const r of parseNessusCsv(generated(1, () => `147003,"${cves}",Critical,ex.example,443,"${KB}",`), { scannedAt: null })) out.push(r);
    const [rec] = out;
    expect("observation" in rec && rec.observation.toolVerdict?.cves.length).toBe(50);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
