import type { Readable } from 'node:stream';

/**
 * Cuts a byte stream into blocks of whole lines of about `blockBytes` each (every block but
 * the last ends with a newline; a line longer than a block makes its block longer). A newline
 * byte never occurs inside a multi-byte UTF-8 character, so blocks are whole text too.
 */
export async function* lineBlocks(stream: Readable, blockBytes: number): AsyncIterable<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    parts.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size < blockBytes) continue;
    const all = Buffer.concat(parts, size);
    const end = all.lastIndexOf(10) + 1;
    if (end === 0) {
      parts = [all];
      continue;
    }
    yield all.subarray(0, end);
    parts = end < all.length ? [all.subarray(end)] : [];
    size = all.length - end;
  }
  if (size > 0) yield Buffer.concat(parts, size);
}
