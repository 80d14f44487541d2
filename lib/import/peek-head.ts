// Format detection needs a file's first bytes before the parser that will read the whole file is chosen. This
// reads up to `bytes` from the stream and hands back a stream that replays them before the rest, so nothing is
// read twice and nothing beyond the head is held.
export interface PeekedStream {
  head: Buffer;
  stream: AsyncIterable<Uint8Array>;
}

export async function peekHead(source: AsyncIterable<Uint8Array>, bytes: number): Promise<PeekedStream> {
  const iterator = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    parts.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(parts, length);
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head: head.subarray(0, bytes), stream: replay() };
}
