import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface Input {
  /** The file's content, gunzipped when it is gzip. */
  stream: Readable;
  /** Bytes of the file on disk read so far, and in all: progress, whatever the compression. */
  bytesRead(): number;
  totalBytes: number;
  /** Whether the file is gzip (and the stream gunzips it). */
  gzip: boolean;
}

/** Opens a file for streaming, gunzipping it when it starts with the gzip magic bytes. */
export async function openInput(path: string): Promise<Input> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(2);
  await handle.read(head, 0, 2, 0);
  await handle.close();
  const { size } = await stat(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  return {
    stream: gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw,
    bytesRead: () => raw.bytesRead,
    totalBytes: size,
    gzip,
  };
}
