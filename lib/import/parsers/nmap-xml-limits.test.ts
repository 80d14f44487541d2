// Bounds of the nmap parser on inputs no nmap writes, generated lazily as an upload would arrive.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { MAX_SERVERS_PER_FILE } from "../limits";
import type { ObservationRecord } from "../observation";
import { parseNmapXml } from "./nmap-xml";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;

// head, then `total` characters made of repeated `unit`s (or of unit(i) texts), then tail; 64 KB a chunk.
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

async function outcome(source: AsyncIterable<Uint8Array>): Promise<{ records: ObservationRecord[]; error: unknown; growth: number }> {
  const before = heap();
  const records: ObservationRecord[] = [];
  let error: unknown = null;
  try {
    for await (const r of parseNmapXml(source, { scannedAt: null })) records.push(r);
  } catch (err) {
    error = err;
  }
  return { records, error, growth: heap() - before };
}

const OPEN = '<?xml version="1.0"?>\n<nmaprun scanner="nmap" start="1615280400">\n<host><status state="up"/>\n<address addr="198.51.100.9" addrtype="ipv4"/>\n';

describe("parseNmapXml: limits", () => {
  it("issue 8 item 14: rejects a 300 MB text node (field_too_large, with its line) in bounded memory", { timeout: 20_000 }, async () => {
    const { error, growth } = await outcome(generated(`${OPEN}<ports><port protocol="tcp" portid="443"><script id="http-headers">\n`, "X-Filler: abcdefgh ", 300 * MB));
    expect(error).toMatchObject({ name: "ImportFileError", code: "field_too_large", message: expect.stringMatching(/^Line 6: /) });
    expect(growth).toBeLessThan(40 * MB);
  });

  it("issue 8 item 14: rejects a 300 MB attribute value, comment and CDATA section", { timeout: 20_000 }, async () => {
    const heads = [
      `${OPEN}<ports><port protocol="tcp" portid="443"><script id="http-headers" output="`,
      `${OPEN}<!-- `,
      `${OPEN}<ports><port protocol="tcp" portid="443"><script id="x"><![CDATA[`,
    ];
    for (const head of heads) {
      const { error, growth } = await outcome(generated(head, "abcdefgh&#xa;", 300 * MB));
      expect(error, head).toMatchObject({ code: "field_too_large" });
      expect(growth).toBeLessThan(40 * MB);
    }
  });

  it("issue 8 item 14: rejects a tag with millions of attributes, and millions of nested elements", { timeout: 20_000 }, async () => {
    const attributes = await outcome(generated(`${OPEN}<hostnames><hostname `, (i) => `a${i}="x" `, 100 * MB));
    expect(attributes.error).toMatchObject({ code: "entry_too_large", message: expect.stringMatching(/^Line 5: .*attributes/) });
    expect(attributes.growth).toBeLessThan(40 * MB);
    const nested = await outcome(generated(OPEN, "<a>", 100 * MB));
    expect(nested.error).toMatchObject({ code: "nesting_too_deep" });
    expect(nested.growth).toBeLessThan(40 * MB);
  });

  it("issue 8 item 14: rejects a scan of more distinct hosts than the limit (too_many_servers)", { timeout: 30_000 }, async () => {
    const host = (i: number) => `<host><status state="up"/><address addr="10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}" addrtype="ipv4"/><hostnames><hostname name="h${i}.example" type="PTR"/></hostnames></host>\n`;
    let hosts = 0;
    const run = async () => {
      for await (const r of parseNmapXml(generated('<?xml version="1.0"?>\n<nmaprun scanner="nmap">\n', host, 400 * MB, "</nmaprun>"), { scannedAt: null })) {
        if ("observation" in r) hosts++;
      }
    };
    await expect(run()).rejects.toMatchObject({ code: "too_many_servers", message: expect.stringMatching(/^Line \d+: the file names more than 250,000 servers/) });
    expect(hosts).toBeLessThanOrEqual(MAX_SERVERS_PER_FILE);
  });

  it("issue 8 item 14: reports a host whose name is longer than a hostname can be, and goes on", async () => {
    const text = `${OPEN}<hostnames><hostname name="${"x".repeat(300)}" type="PTR"/></hostnames></host>\n<host><address addr="198.51.100.10" addrtype="ipv4"/></host>\n</nmaprun>\n`;
    const { records, error } = await outcome(generated(text, "", 0));
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 3, error: "The host's name is longer than 255 characters." },
      expect.objectContaining({ observation: expect.objectContaining({ hostname: "198.51.100.10" }) }),
    ]);
  });
});
