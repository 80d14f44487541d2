import { describe, expect, it } from "vitest";
import { decodeText, SNIFF_BYTES, sniffEncoding, splitLines, utf8OrWindows1252, type TextLine } from "./text-decode";

async function* pieces(data: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function decode(data: Buffer, size = 1): Promise<string> {
  let text = "";
  for await (const part of decodeText(pieces(data, size))) text += part;
  return text;
}

async function lines(chunks: string[], max = 100): Promise<TextLine[]> {
  const out: TextLine[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of splitLines(source(), max)) out.push(line);
  return out;
}

describe("decodeText", () => {
  const text = "Zürich, 東京 — C:\\inetpub\\wwwroot";
  it("decodes by the BOM, cut at every byte", async () => {
    expect(await decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toBe(text);
    const be = Buffer.from(text, "utf16le").swap16();
    expect(await decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
    expect(await decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
  });

  it("reads UTF-8 without a BOM, UTF-16LE whose BOM was lost, and files of zero or one byte", async () => {
    expect(await decode(Buffer.from(text), 2)).toBe(text);
    expect(await decode(Buffer.from("EXCH01", "utf16le"), 3)).toBe("EXCH01");
    expect(await decode(Buffer.alloc(0))).toBe("");
    expect(await decode(Buffer.from("x"))).toBe("x");
  });
});

describe("decodeText: UTF-8 or windows-1252", () => {
  const latin1 = (text: string) => Buffer.from(text, "latin1");

  it("reads text that is not valid UTF-8 as windows-1252, cut at every byte", async () => {
    expect(await decode(latin1("Z\u00fcrich,Gen\u00e8ve,caf\u00e9\n"))).toBe("Zürich,Genève,café\n");
    // The bytes where windows-1252 differs from ISO-8859-1: € and typographic quotes from Excel.
    expect(await decode(Buffer.from([0x80, 0x20, 0x93, 0x78, 0x94]), 2)).toBe("€ \u201cx\u201d");
    expect(await decode(Buffer.from([0xe9, 0x74, 0xe9]))).toBe("été");
  });

  it("keeps valid UTF-8 as UTF-8, also when its characters split across chunks", async () => {
    expect(await decode(Buffer.from("Zürich, Genève, 東京"), 1)).toBe("Zürich, Genève, 東京");
  });

  it("ignores a character cut where the 64 KB it looks at end, not where a whole file ends", async () => {
    const text = `${"a".repeat(SNIFF_BYTES - 1)}é${"ü".repeat(10)}`; // é's two bytes straddle the boundary
    expect(await decode(Buffer.from(text), 4096)).toBe(text);
    expect(utf8OrWindows1252(Buffer.from("abcé").subarray(0, 4), false)).toBe("utf-8");
    // ...but a whole file that ends in a lone 0xE9 is Latin-1.
    expect(utf8OrWindows1252(Buffer.from([0x61, 0xe9]), true)).toBe("windows-1252");
    expect(await decode(Buffer.from([0xe9]))).toBe("é");
  });

  it("decides on the first 64 KB only: invalid bytes after them become U+FFFD", async () => {
    const data = Buffer.concat([Buffer.from("a".repeat(SNIFF_BYTES)), latin1("é")]);
    expect((await decode(data, 10_000)).slice(-2)).toBe("a\uFFFD");
  });

  it("trusts a UTF-8 BOM over invalid bytes", async () => {
    expect(await decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1("caf\u00e9")]))).toBe("caf\uFFFD");
  });

  it("holds no more than the first 64 KB before it yields", async () => {
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 1000; i++) {
        pulled += 1024;
        yield latin1("\u00e9".repeat(1024));
      }
    }
    for await (const text of decodeText(source())) {
      expect(text.startsWith("é")).toBe(true);
      break;
    }
    expect(pulled).toBeLessThanOrEqual(SNIFF_BYTES);
  });

  it("tells the encodings apart by BOM, zero bytes and UTF-8 validity", () => {
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]), true)).toBe("utf-16le");
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]), true)).toBe("utf-16be");
    expect(sniffEncoding(Buffer.from("A\0B\0"), true)).toBe("utf-16le");
    expect(sniffEncoding(Buffer.from("Genève"), true)).toBe("utf-8");
    expect(sniffEncoding(latin1("Gen\u00e8ve"), false)).toBe("windows-1252");
    expect(sniffEncoding(Buffer.alloc(0), true)).toBe("utf-8");
  });
});

describe("splitLines", () => {
  it("splits at CRLF, LF and CR, also across chunks, numbering lines", async () => {
    expect(await lines(["a\r", "\nb\n\nc\rd"])).toEqual([
      { line: 1, text: "a" }, { line: 2, text: "b" }, { line: 3, text: "" }, { line: 4, text: "c" }, { line: 5, text: "d" },
    ]);
  });

  it("reports a line longer than the limit once and goes on after it", async () => {
    expect(await lines(["ok\n", "x".repeat(8), "x".repeat(8), "x\nnext", "\n", "y".repeat(11), "\nz"], 10)).toEqual([
      { line: 1, text: "ok" }, { line: 2, tooLong: true }, { line: 3, text: "next" }, { line: 4, tooLong: true }, { line: 5, text: "z" },
    ]);
  });
});
