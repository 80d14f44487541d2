// The encoding step of the canonical CSV parser: the file's head is read first to tell its encoding
// (sniffEncoding), then the whole file goes on to csv-parse, as bytes when it is UTF-8 and as text otherwise.
import { SNIFF_BYTES, type TextEncoding } from "./text-decode";

// Streaming even for one call: Node takes a Latin-1 shortcut for a windows-1252 decoder's non-streaming calls,
// which turns € and typographic quotes into C1 controls (see decodeText). A character cut at the end is dropped.
export const decodeHead = (bytes: Uint8Array, encoding: TextEncoding) => new TextDecoder(encoding).decode(bytes, { stream: true });

export interface Head {
  bytes: Buffer;
  // The source ended within the head.
  done: boolean;
}

export async function readHead(chunks: AsyncIterator<Buffer | string>): Promise<Head> {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done === true) return { bytes: Buffer.concat(parts), done: true };
    const value: Uint8Array | string = next.value;
    const chunk = typeof value === "string" ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    parts.push(chunk);
    size += chunk.length;
  }
  return { bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts), done: false };
}

export async function* afterHead(head: Head, chunks: AsyncIterator<Buffer | string>, encoding: TextEncoding) {
  try {
    if (encoding === "utf-8") {
      if (head.bytes.length > 0) yield head.bytes;
      if (head.done) return;
      for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) yield next.value;
      return;
    }
    // The decoder drops a byte order mark and keeps characters cut between chunks for the next one.
    const decoder = new TextDecoder(encoding);
    let text = decoder.decode(head.bytes, { stream: true });
    if (text !== "") yield text;
    if (!head.done) {
      for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
        text = typeof next.value === "string" ? next.value : decoder.decode(next.value, { stream: true });
        if (text !== "") yield text;
      }
    }
    text = decoder.decode();
    if (text !== "") yield text;
  } finally {
    // Stops the source when the parser stops early: the consumer left, or the file failed.
    await closeSource(chunks);
  }
}

// Its own failure must not hide the error that ended the parse.
export async function closeSource(chunks: AsyncIterator<unknown>): Promise<void> {
  try {
    await chunks.return?.();
  } catch {
    // already failed: that error is the one reported
  }
}
