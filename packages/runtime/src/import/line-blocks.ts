import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { openInput } from './open-input.ts';

/** Blocks of whole lines from a file, and how far into the file they have got. */
export interface LineBlocks {
  blocks: AsyncIterator<Buffer>;
  /** Bytes of the file on disk read so far, and in all (progress, whatever the compression). */
  bytesRead(): number;
  totalBytes: number;
}

/**
 * Opens a file as blocks of whole lines of about `blockBytes` each (every block but the last
 * ends with a newline; a line longer than a block makes its block longer). A newline byte never
 * occurs inside a multi-byte UTF-8 character, so blocks are whole text too. A plain file is read
 * straight into each block; a gzipped one is gunzipped as a stream.
 */
export async function openLineBlocks(path: string, blockBytes: number): Promise<LineBlocks> {
  const input = await openInput(path);
  if (input.gzip) {
    return { blocks: lineBlocks(input.stream, blockBytes)[Symbol.asyncIterator](), ...input };
  }
  input.stream.destroy();
  let read = 0;
  return {
    blocks: fileBlocks(path, blockBytes, (bytes) => {
      read += bytes;
    })[Symbol.asyncIterator](),
    bytesRead: () => read,
    totalBytes: input.totalBytes,
  };
}

async function* fileBlocks(path: string, blockBytes: number, onRead: (bytes: number) => void): AsyncIterable<Buffer> {
  const handle = await open(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      // A new buffer each time: the block before may still be on its way into the store.
      const buffer = Buffer.allocUnsafe(carry.length + blockBytes);
      carry.copy(buffer);
      const { bytesRead } = await handle.read(buffer, carry.length, blockBytes, null);
      onRead(bytesRead);
      const filled = carry.length + bytesRead;
      if (bytesRead === 0) {
        if (filled > 0) yield buffer.subarray(0, filled);
        return;
      }
      const end = buffer.lastIndexOf(10, filled - 1) + 1;
      carry = buffer.subarray(end, filled);
      if (end > 0) yield buffer.subarray(0, end);
    }
  } finally {
    await handle.close();
  }
}

/** {@link openLineBlocks} for a stream. */
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
