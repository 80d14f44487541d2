// Text files written by Windows tools arrive in several encodings: Windows PowerShell 5.1's Export-Csv and
// Out-File write UTF-16LE with a BOM, PowerShell 7 UTF-8 without one, Notepad UTF-8 with one. Both helpers
// work on streams, one chunk at a time, so a file is never held whole.

// Decodes by the byte order mark; without one, a zero in the second byte means UTF-16LE text whose BOM was lost
// (ASCII in UTF-16LE), anything else is UTF-8. Invalid bytes become U+FFFD: one bad byte should not lose a file.
// String chunks (a Node stream read as NodeJS.ReadableStream, or one with setEncoding) are taken as UTF-8.
export async function* decodeText(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let head: Uint8Array = new Uint8Array(0);
  for await (const part of source) {
    const chunk = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    if (decoder !== null) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== "") yield text;
      continue;
    }
    // Two bytes tell the encoding; chunks of one byte happen (a zip entry, a slow upload).
    head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    if (head.length < 2) continue;
    decoder = decoderFor(head);
    const text = decoder.decode(head, { stream: true });
    if (text !== "") yield text;
  }
  // A file of fewer than two bytes never got a decoder above.
  const rest = decoder === null ? decoderFor(head).decode(head) : decoder.decode();
  if (rest !== "") yield rest;
}

function decoderFor(head: Uint8Array): TextDecoder {
  let encoding = "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) encoding = "utf-16le";
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = "utf-16be";
  else if (head.length >= 2 && head[0] !== 0 && head[1] === 0) encoding = "utf-16le";
  else if (head.length >= 2 && head[0] === 0 && head[1] !== 0) encoding = "utf-16be";
  return new TextDecoder(encoding);
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
