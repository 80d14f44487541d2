// Large inputs, generated chunk by chunk as an upload arrives, so the test itself holds none of them whole:
// a parser that buffered its input would show it in the memory it grows by, not only in its speed.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseNessusCsv } from "./nessus-csv";
import { parseNmapXml } from "./nmap-xml";

const MB = 1024 * 1024;
const INPUT_BYTES = 50 * MB;
// Memory is measured after a full collection, so it is what the parser keeps, not garbage awaiting the
// collector (which alone varied from 15 to 55 MB between runs). Holding the input would keep its 50 MB.
const MAX_RETAINED = 25 * MB;
const SAMPLE_EVERY = 5 * MB;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const retained = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// Yields `total` bytes made of `unit(i)` texts, in chunks of about 64 KB, recording the peak retained memory.
function generate(head: string, unit: (i: number) => string, tail: string, total: number) {
  const stats = { pulled: 0, units: 0, peak: 0 };
  const base = retained();
  let nextSample = SAMPLE_EVERY;
  async function* source(): AsyncGenerator<Uint8Array> {
    yield Buffer.from(head);
    while (stats.pulled < total) {
      let text = "";
      while (text.length < 64 * 1024) text += unit(stats.units++);
      stats.pulled += text.length;
      if (stats.pulled >= nextSample) {
        nextSample += SAMPLE_EVERY;
        stats.peak = Math.max(stats.peak, retained() - base);
      }
      yield Buffer.from(text);
    }
    yield Buffer.from(tail);
  }
  return { source: source(), stats };
}

describe("parsers on 50 MB inputs", () => {
  it("nmap XML: yields hosts as they come, in flat memory", { timeout: 60_000 }, async () => {
    const host = (i: number) =>
      `<host starttime="1615280401"><status state="up"/><address addr="10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}" addrtype="ipv4"/>` +
      `<hostnames><hostname name="mail${i}.example" type="PTR"/></hostnames><ports><port protocol="tcp" portid="443">` +
      `<script id="http-vuln-cve2021-26855" output="${i % 3 === 0 ? "VULNERABLE" : ""}"/></port></ports></host>\n`;
    const { source, stats } = generate('<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n', host, "</nmaprun>\n", INPUT_BYTES);
    let hosts = 0;
    let vulnerable = 0;
    let pulledAtFirst = -1;
    for await (const rec of parseNmapXml(source, { scannedAt: null })) {
      if (pulledAtFirst === -1) pulledAtFirst = stats.pulled;
      if (!("observation" in rec)) throw new Error(rec.error);
      if (hosts === 0) expect(rec.observation).toMatchObject({ hostname: "mail0.example", ipAddress: "10.0.0.0" });
      hosts++;
      if (rec.observation.patchEvidence === "exploitable") vulnerable++;
    }
    expect(hosts).toBe(stats.units);
    expect(vulnerable).toBe(Math.ceil(stats.units / 3));
    expect(pulledAtFirst).toBeLessThanOrEqual(MB);
    expect(stats.peak).toBeLessThan(MAX_RETAINED);
  });

  it("Nessus CSV: keeps a summary per host, not the rows", { timeout: 60_000 }, async () => {
    const header = "Plugin ID,CVE,CVSS,Risk,Host,Protocol,Port,Name,Synopsis,Description,Solution,See Also,Plugin Output\n";
    // 500 hosts, each with one Exchange detection row among many unrelated findings.
    const row = (i: number) =>
      i % 5000 < 500
        ? `12345,,,None,ex${i % 5000}.example,tcp,443,"Microsoft Exchange Server Detection","s","d","",,"Version : 15.1.2176.${i % 2 === 0 ? 9 : 2}\n"\n`
        : `10180,,,None,ex${i % 500}.example,tcp,0,"Ping the remote host","s","${"d".repeat(300)}","",,""\n`;
    const { source, stats } = generate(header, row, "", INPUT_BYTES);
    const builds = new Map<string, string | null>();
    for await (const rec of parseNessusCsv(source, { scannedAt: null })) {
      if (!("observation" in rec)) throw new Error(rec.error);
      expect(rec.observation.patchEvidence).toBe("build");
      builds.set(rec.observation.hostname, rec.observation.build);
    }
    expect(builds.size).toBe(500);
    expect(builds.get("ex0.example")).toBe("15.1.2176.9");
    expect(builds.get("ex1.example")).toBe("15.1.2176.2");
    expect(stats.peak).toBeLessThan(MAX_RETAINED);
  });
});
