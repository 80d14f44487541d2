// Inputs past every bound the parsers set, built into a sample: a 1 MB cell, a 10 MB line, 100,000 columns or rows,
// deep XML and JSON nesting, entity expansion attempts (billion laughs, external entities). Pure and deterministic;
// the big fillers are made once and shared, since a fuzz run builds thousands of these.
import { splitLines } from "./mutations";

export type HugeKind =
  | "cell-over-1mb" | "cell-under-1mb" | "line-10mb" | "columns-100k" | "rows-20k" | "quote-open-2mb"
  | "xml-deep" | "xml-laughs" | "xml-external" | "xml-attributes" | "xml-text-5mb" | "xml-comment-5mb" | "xml-hosts-20k"
  | "json-deep" | "json-string-2mb" | "json-number-2mb" | "json-keys-60k" | "json-servers-20k";

export const GENERIC_HUGE: readonly HugeKind[] = ["cell-over-1mb", "cell-under-1mb", "line-10mb", "columns-100k", "rows-20k", "quote-open-2mb"];
export const XML_HUGE: readonly HugeKind[] = ["xml-deep", "xml-laughs", "xml-external", "xml-attributes", "xml-text-5mb", "xml-comment-5mb", "xml-hosts-20k"];
export const JSON_HUGE: readonly HugeKind[] = ["json-deep", "json-string-2mb", "json-number-2mb", "json-keys-60k", "json-servers-20k"];

export interface Huge {
  kind: "huge";
  what: HugeKind;
  /** the line it goes into, modulo the file's lines */
  line: number;
}

const MB = 1024 * 1024;
const cache = new Map<string, Buffer>();
function once(key: string, make: () => Buffer): Buffer {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}
const filler = (bytes: number, char = "A") => once(`fill:${bytes}:${char}`, () => Buffer.alloc(bytes, char));
const text = (s: string) => Buffer.from(s, "utf8");

// Ten levels of ten: 10^9 "lol"s if anything expanded it.
const LAUGHS =
  '<!DOCTYPE nmaprun [\n <!ENTITY lol "lol">\n' +
  Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">\n`).join("") +
  "]>\n";
const EXTERNAL = '<!DOCTYPE nmaprun [\n <!ENTITY xxe SYSTEM "file:///etc/passwd">\n <!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd">\n %remote;\n]>\n';

export function applyHuge(input: Buffer, h: Huge): Buffer {
  const lines = splitLines(input);
  const i = lines.length === 0 ? 0 : h.line % lines.length;
  const before = Buffer.concat(lines.slice(0, i));
  const line = lines[i] ?? Buffer.alloc(0);
  const after = Buffer.concat(lines.slice(i + 1));
  const into = (...parts: Buffer[]) => Buffer.concat([before, ...parts, line, after]);
  switch (h.what) {
    case "cell-over-1mb":
    case "cell-under-1mb": {
      const size = h.what === "cell-over-1mb" ? MB + 1 : 900_000;
      const comma = line.indexOf(",");
      const cut = comma === -1 ? 0 : comma + 1;
      return Buffer.concat([before, line.subarray(0, cut), filler(size, "h"), line.subarray(cut), after]);
    }
    case "line-10mb":
      return into(filler(10 * MB, "x"));
    case "columns-100k":
      return into(once("columns", () => text("c,".repeat(100_000) + "c\n")));
    case "rows-20k": {
      // 20,000 copies of the line, or as many as fit in 8 MB: copies of a 2 MB line would be 40 GB.
      const copies = Math.max(1, Math.min(20_000, Math.floor((8 * MB) / Math.max(line.length, 1))));
      return Buffer.concat([before, ...Array.from({ length: copies }, () => withBreak(line)), after]);
    }
    case "quote-open-2mb":
      return into(text('"'), filler(2 * MB, "q"));
    case "xml-deep":
      return into(once("xml-deep", () => text("<a>".repeat(100_000))));
    case "xml-laughs":
      return prolog(input, LAUGHS, "<elem>&lol9;</elem><script id=\"x\" output=\"&lol9;\"/>", i);
    case "xml-external":
      return prolog(input, EXTERNAL, "<elem>&xxe;</elem>", i);
    case "xml-attributes":
      return into(once("xml-attributes", () => text(`<elem ${Array.from({ length: 100_000 }, (_, n) => `a${n}="1"`).join(" ")}/>\n`)));
    case "xml-text-5mb":
      return into(text('<script id="http-vuln-cve2021-26855"><elem>'), filler(5 * MB, "t"), text("</elem></script>\n"));
    case "xml-comment-5mb":
      return into(text("<!--"), filler(5 * MB, "c"), text("-->\n"));
    case "xml-hosts-20k":
      return into(once("xml-hosts", () => text(Array.from({ length: 20_000 }, (_, n) => `<host><status state="up"/><address addr="10.${n >> 8}.${n & 255}.1" addrtype="ipv4"/></host>\n`).join(""))));
    case "json-deep":
      return into(once("json-deep", () => text("[".repeat(100_000))));
    case "json-string-2mb":
      return into(text('{"Name": "'), filler(2 * MB, "s"), text('"},\n'));
    case "json-number-2mb":
      return into(text('{"Name": 1'), filler(2 * MB, "9"), text("},\n"));
    case "json-keys-60k":
      return into(once("json-keys", () => text(`{${Array.from({ length: 60_000 }, (_, n) => `"k${n}":1`).join(",")}},\n`)));
    case "json-servers-20k":
      return into(once("json-servers", () => text(Array.from({ length: 20_000 }, (_, n) => `{"Name":"EX${n}","BuildVersion":"15.2.792.3","HasVulnerability":false,"Vulnerabilities":[],"Online":true},`).join("\n") + "\n")));
  }
}

const withBreak = (line: Buffer) => (line[line.length - 1] === 10 ? line : Buffer.concat([line, text("\n")]));

// A DOCTYPE in place of the sample's (or after its XML declaration), and a reference to the entity in line `at`.
function prolog(input: Buffer, doctype: string, reference: string, at: number): Buffer {
  const lines = splitLines(input).map((l) => (l.toString("latin1").startsWith("<!DOCTYPE") ? Buffer.alloc(0) : l));
  const declaration = lines.length > 0 && lines[0].toString("latin1").startsWith("<?xml") ? 1 : 0;
  const target = Math.max(declaration + 1, at % Math.max(lines.length, 1));
  lines.splice(target, 0, text(reference + "\n"));
  lines.splice(declaration, 0, text(doctype));
  return Buffer.concat(lines);
}
