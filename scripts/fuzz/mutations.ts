// Byte-level mutations of a sample file, as plain data (so fast-check can shrink them and a failure can be replayed
// from its recipe) and the pure functions that apply them. Positions and line or column numbers are taken modulo
// the file's size, so any number is valid for any file and shrinking towards 0 stays meaningful.

export type Sep = "," | ";" | "\t" | "|";

export type Mutation =
  | { kind: "flip"; at: number; mask: number }
  | { kind: "insert"; at: number; bytes: number[] }
  | { kind: "delete"; at: number; length: number }
  | { kind: "dup-line"; line: number }
  | { kind: "drop-line"; line: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "dup-column"; column: number; sep: Sep }
  | { kind: "drop-column"; column: number; sep: Sep }
  | { kind: "swap-delimiter"; from: Sep; to: Sep }
  // a quote opened at the start of a field and never closed
  | { kind: "open-quote"; line: number; column: number; sep: Sep }
  // cut right after the at-th occurrence of `after` (a byte), or at byte `at` when it has none or `after` is null
  | { kind: "truncate"; at: number; after: number | null }
  // the at-th value (a run of bytes between quotes, delimiters, markup or line breaks) replaced by VALUES[value]
  | { kind: "replace-value"; at: number; value: number };

const ascii = (s: string) => [...Buffer.from(s, "latin1")];

/** Short byte strings that mean something to one of the parsers: quoting, delimiters, markup, encodings, numbers. */
export const TOKENS: readonly number[][] = [
  ...['"', '""', ",", ";", "\t", "|", "\r", "\n", "\r\n", "\\", " ", "#TYPE System.Object\n"].map(ascii),
  ...["<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#xD800;", "&#x110000;", "&lol9;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", "<!DOCTYPE x>", "<host>", "</host>", "<script id=\"http-vuln-cve2021-26855\" output=\"VULNERABLE\"/>"].map(ascii),
  ...["{", "}", "[", "]", ":", "\"Servers\":", "\"Servers\":null", "\"ReportDate\":\"\"", "null", "true", "1e999999", "-0", "99999999999999999999999", "\"\\ud800\"", "\"\\u0000\""].map(ascii),
  ...["15.01.2176.009", "15.2.792.3", "999.999.999.999", "CVE-2021-26855", "VULNERABLE", "NOT VULNERABLE", "147003", "Microsoft Exchange", "Installed version : 15.2.792.3", "/Date(1615284902000)/", "/Date(-99999999999999)/", "2021-02-30T25:61:61Z", "13/13/2021 13:00:00 PM", "=HYPERLINK(\"x\")", "PK\u0003\u0004", "eomt", "x.zip"].map(ascii),
  [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0x00, 0x00], [0xc3], [0xc3, 0xa9], [0xe2, 0x82], [0xe2, 0x80, 0xa8],
  [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0xff], [0x80], [0xc0, 0x80], [0x1a], [0x7f],
];

// Values for a field, an attribute or a JSON string: the edges of what each column means (times out of range,
// builds, addresses, names at and past their limits, organizations as Active Directory names, verdict words).
export const VALUES: readonly string[] = [
  "", " ", "0", "-1", "1e309", "NaN", "99999999999999999999", "15.2.792.3", "15.02.0792.010", "15.1.99999.1", "14.3.513.0",
  "1.2.3.4.5.6", "2021-03-09", "2021-03-09T10:00:00Z", "0000-01-01T00:00:00Z", "0001-01-01", "9999-12-31T23:59:59Z",
  "2021-02-29", "2020-02-29T24:00:00Z", "3/9/2021 10:15:02 AM", "13/13/2021 13:00:00 PM", "1/1/1601 12:00:00 AM", "3/3/0021",
  "/Date(99999999999999)/", "/Date(-999999999999999)/", "/Date(999999999999999)/", "1615280401", "999999999999", "-5",
  "eomt", "EOMTv2", "url-rewrite", "LsassDump", "SuspiciousArchive", "x.zip", "CN=,CN=Microsoft Exchange", "CN=\\",
  `CN=${"a".repeat(300)}`, "a".repeat(201), "h".repeat(256), "::ffff:10.0.0.1", "999.1.1.1", "fe80::1%eth0",
  "VULNERABLE", "NOT VULNERABLE", "Unknown", "true", "false", "null", "\\u202e", "\\ud800", "\u{1f600}", "=cmd|' /C calc'!A0",
  "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", "147003", "147024", "Installed version : 15.2.792.3",
];

// Bytes a truncation may cut just after: inside a quoted field, a tag, a key, a multi-byte character, a UTF-16 unit.
export const CUT_AFTER: readonly number[] = [..."\",;\t\n\r<>={}[]:&P"].map((c) => c.charCodeAt(0)).concat([0xc3, 0xe2, 0xf0, 0x00, 0xff, 0xbb]);

const at = (position: number, length: number) => (length === 0 ? 0 : position % (length + 1));

export function applyMutation(input: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case "flip": {
      if (input.length === 0) return input;
      const out = Buffer.from(input);
      out[m.at % out.length] ^= m.mask || 1;
      return out;
    }
    case "insert": {
      const i = at(m.at, input.length);
      return Buffer.concat([input.subarray(0, i), Buffer.from(m.bytes), input.subarray(i)]);
    }
    case "delete": {
      const i = at(m.at, input.length);
      return Buffer.concat([input.subarray(0, i), input.subarray(i + m.length)]);
    }
    case "truncate":
      return input.subarray(0, cutPoint(input, m.at, m.after));
    case "replace-value":
      return replaceValue(input, m.at, Buffer.from(VALUES[m.value % VALUES.length], "utf8"));
    case "dup-line":
    case "drop-line":
    case "swap-lines":
      return Buffer.concat(editLines(splitLines(input), m));
    case "dup-column":
    case "drop-column":
      return Buffer.concat(splitLines(input).map((line) => editColumns(line, m)));
    case "open-quote": {
      const lines = splitLines(input);
      if (lines.length === 0) return input;
      const i = m.line % lines.length;
      lines[i] = editColumns(lines[i], m);
      return Buffer.concat(lines);
    }
    case "swap-delimiter": {
      const out = Buffer.from(input);
      const [from, to] = [m.from.charCodeAt(0), m.to.charCodeAt(0)];
      for (let i = 0; i < out.length; i++) if (out[i] === from) out[i] = to;
      return out;
    }
  }
}

function cutPoint(input: Buffer, position: number, after: number | null): number {
  if (after !== null) {
    const found: number[] = [];
    for (let i = input.indexOf(after); i !== -1 && found.length <= position; i = input.indexOf(after, i + 1)) found.push(i);
    if (found.length > 0) return found[position % found.length] + 1;
  }
  return at(position, input.length);
}

// Bytes that end a value in one of the formats: quotes, delimiters, markup, JSON punctuation, line breaks.
const VALUE_ENDS = new Set([...'",;\t|<>=:{}[]\r\n'].map((c) => c.charCodeAt(0)));

function replaceValue(input: Buffer, position: number, value: Buffer): Buffer {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < input.length; ) {
    while (i < input.length && VALUE_ENDS.has(input[i])) i++;
    const start = i;
    while (i < input.length && !VALUE_ENDS.has(input[i])) i++;
    if (i > start) runs.push([start, i]);
  }
  if (runs.length === 0) return input;
  const [start, end] = runs[position % runs.length];
  return Buffer.concat([input.subarray(0, start), value, input.subarray(end)]);
}

/** Lines with their line breaks, so joining them gives the input back. */
export function splitLines(input: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = input.indexOf(10); i !== -1; i = input.indexOf(10, i + 1)) {
    lines.push(input.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < input.length) lines.push(input.subarray(start));
  return lines;
}

function editLines(lines: Buffer[], m: Extract<Mutation, { kind: "dup-line" | "drop-line" | "swap-lines" }>): Buffer[] {
  if (lines.length === 0) return lines;
  const out = [...lines];
  if (m.kind === "swap-lines") {
    const [a, b] = [m.a % out.length, m.b % out.length];
    [out[a], out[b]] = [out[b], out[a]];
  } else {
    const i = m.line % out.length;
    if (m.kind === "dup-line") out.splice(i, 0, withBreak(out[i]));
    else out.splice(i, 1);
  }
  return out;
}

// A duplicated last line without its own break would run into the next one.
const withBreak = (line: Buffer) => (line[line.length - 1] === 10 ? line : Buffer.concat([line, Buffer.from("\n")]));

// Fields split naively at every separator, quotes or not: a mutation, not a parser.
function editColumns(line: Buffer, m: Extract<Mutation, { kind: "dup-column" | "drop-column" | "open-quote" }>): Buffer {
  const end = line.length - (line[line.length - 1] === 10 ? (line[line.length - 2] === 13 ? 2 : 1) : 0);
  const body = line.subarray(0, end).toString("latin1");
  const fields = body.split(m.sep);
  const c = m.column % fields.length;
  if (m.kind === "open-quote") fields[c] = `"${fields[c]}`;
  else if (m.kind === "dup-column") fields.splice(c, 0, fields[c]);
  else if (fields.length > 1) fields.splice(c, 1);
  return Buffer.concat([Buffer.from(fields.join(m.sep), "latin1"), line.subarray(end)]);
}
