// Text files written by Windows tools arrive in several encodings: Windows PowerShell 5.1's Export-Csv and
// Out-File write UTF-16LE with a BOM, PowerShell 7 UTF-8 without one, Notepad UTF-8 with one, Set-Content and
// Excel's "CSV" the ANSI code page (windows-1252 in the West). Both helpers work on streams, one chunk at a
// time, so a file is never held whole.

/** How many bytes are looked at to tell UTF-8 from windows-1252 (decodeText, and detectFormat's head). */
export const SNIFF_BYTES = 64 * 1024;

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

// Decodes in the encoding sniffEncoding finds in the first SNIFF_BYTES, which are held until then (never more).
// Invalid bytes past them become U+FFFD: one bad byte should not lose a file.
// Every decoder's first call streams: Node 20.18.3+ and 22.13+ take a Latin-1 shortcut for a windows-1252
// decoder's non-streaming calls, which turns € and typographic quotes into C1 controls (nodejs/node#60888).
// String chunks (a Node stream read as NodeJS.ReadableStream, or one with setEncoding) are taken as UTF-8.
export async function* decodeText(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  // Joined once, when enough has come: joining at every chunk would be quadratic in one-byte chunks.
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const part of source) {
    const chunk = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    if (decoder !== null) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== "") yield text;
      continue;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes < SNIFF_BYTES) continue;
    const head = Buffer.concat(held);
    held = [];
    decoder = new TextDecoder(sniffEncoding(head, false));
    const text = decoder.decode(head, { stream: true });
    if (text !== "") yield text;
  }
  // A file shorter than SNIFF_BYTES got no decoder above.
  let rest = "";
  if (decoder === null) {
    const head = Buffer.concat(held);
    decoder = new TextDecoder(sniffEncoding(head, true));
    rest = decoder.decode(head, { stream: true });
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}

// By the byte order mark; without one, a zero in the first or second byte means UTF-16 text whose BOM was lost
// (ASCII in UTF-16); anything else is UTF-8 or windows-1252. `complete`: the head is the whole file.
// TextDecoder drops the BOM of the encoding it is given, so callers need not.
export function sniffEncoding(head: Uint8Array, complete: boolean): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head.length >= 2 && head[0] !== 0 && head[1] === 0) return "utf-16le";
  if (head.length >= 2 && head[0] === 0 && head[1] !== 0) return "utf-16be";
  return utf8OrWindows1252(head, complete);
}

// UTF-8 when the first SNIFF_BYTES carry its BOM or are valid UTF-8, windows-1252 otherwise (a superset of
// Latin-1 that TextDecoder also uses for the "latin1" label). A multi-byte sequence cut where the bytes looked
// at end is not counted as invalid unless the head is the whole (`complete`) file: there a lone 0xE9 at the
// end is Latin-1 "é". The canonical CSV parser decides the same way (the head-sniffing in csv-encoding.ts).
export function utf8OrWindows1252(head: Uint8Array, complete: boolean): "utf-8" | "windows-1252" {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  try {
    const stream = !complete || head.length > SNIFF_BYTES;
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, SNIFF_BYTES), { stream });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

export type TextLine = { line: number; text: string } | { line: number; tooLong: true };

// Splits text into lines at \r\n, \n or \r, numbered from 1. A line longer than maxChars is not kept: it is
// reported as tooLong and skipped to its end, so a file without line breaks cannot fill memory.
export async function* splitLines(source: AsyncIterable<string>, maxChars: number): AsyncGenerator<TextLine> {
  let line = 1;
  let partial = "";
  let skipping = false;
  let pendingCr = false; // a \r ended the last chunk: a \n starting the next one belongs to it
  for await (const chunk of source) {
    let start = 0;
    if (pendingCr && chunk.charCodeAt(0) === 10) start = 1;
    pendingCr = false;
    for (let i = start; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (!skipping) {
        const tooLong = partial.length + i - start > maxChars;
        yield tooLong ? { line, tooLong: true } : { line, text: partial + chunk.slice(start, i) };
      }
      partial = "";
      skipping = false;
      line++;
      if (c === 13) {
        if (i + 1 === chunk.length) pendingCr = true;
        else if (chunk.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (skipping) continue;
    partial += chunk.slice(start);
    if (partial.length > maxChars) {
      yield { line, tooLong: true };
      partial = "";
      skipping = true;
    }
  }
  if (!skipping && partial !== "") yield { line, text: partial };
}
