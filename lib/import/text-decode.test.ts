import { describe, expect, it } from "vitest";
import { decodeText, splitLines, type TextLine } from "./text-decode";

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
