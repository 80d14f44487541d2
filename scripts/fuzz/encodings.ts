// Wrong encodings: a sample re-saved as Windows tools and editors do (UTF-16 with or without its byte order mark,
// Latin-1), or damaged (invalid UTF-8 sequences, NUL bytes). Pure; the sample is read as UTF-8 first.

export type Encoding =
  | "utf8-bom"
  | "utf16le-bom"
  | "utf16le"
  | "utf16be-bom"
  | "utf16be"
  | "utf16-odd"
  | "latin1"
  | "invalid-utf8"
  | "nul-bytes";

export const ENCODINGS: readonly Encoding[] = ["utf8-bom", "utf16le-bom", "utf16le", "utf16be-bom", "utf16be", "utf16-odd", "latin1", "invalid-utf8", "nul-bytes"];

export interface Reencode {
  kind: "encode";
  as: Encoding;
  /** where the damage starts (invalid-utf8, nul-bytes), modulo the size */
  at: number;
  /** every how many bytes (invalid-utf8, nul-bytes) */
  step: number;
}

// Characters outside ASCII, so that the encodings differ: what a re-saved file of a European client holds.
const ACCENTED = "Gen\u00e8ve M\u00fcller \u00a7 \u20ac \u201cq\u201d";
const INVALID_UTF8: readonly number[][] = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3], [0xf4, 0x90, 0x80, 0x80]];

export function reencode(input: Buffer, e: Reencode): Buffer {
  const text = withAccents(input.toString("utf8"), e.at);
  const step = Math.max(1, e.step);
  switch (e.as) {
    case "utf8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]);
    case "utf16le-bom":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    case "utf16le":
      return Buffer.from(text, "utf16le");
    case "utf16be-bom":
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    case "utf16be":
      return Buffer.from(text, "utf16le").swap16();
    case "utf16-odd": {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      return bytes.subarray(0, bytes.length - 1); // a code unit cut in half
    }
    case "latin1":
      return Buffer.from(text, "latin1");
    case "invalid-utf8":
      return sprinkle(input, e.at, step * 16, (n) => INVALID_UTF8[n % INVALID_UTF8.length]);
    case "nul-bytes":
      return sprinkle(input, e.at, step, () => [0]);
  }
}

function withAccents(text: string, at: number): string {
  const i = text.length === 0 ? 0 : at % text.length;
  // After a line break when there is one near, so the header usually stays intact.
  const lineStart = text.indexOf("\n", i);
  const where = lineStart === -1 ? text.length : lineStart + 1;
  return text.slice(0, where) + ACCENTED + text.slice(where);
}

// Inserts bytes every `step` bytes from `at` on (at most 10,000 insertions).
function sprinkle(input: Buffer, at: number, step: number, bytes: (n: number) => number[]): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  let n = 0;
  for (let i = input.length === 0 ? 0 : at % input.length; i <= input.length && n < 10_000; i += step, n++) {
    parts.push(input.subarray(last, i), Buffer.from(bytes(n)));
    last = i;
  }
  parts.push(input.subarray(last));
  return Buffer.concat(parts);
}
