import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { generateSimpleJourneys } from '@waymark/core';

const CUSTOMERS_PER_BLOCK = 5000;
const CHUNK_BYTES = 1 << 20;

/**
 * Writes a deterministic synthetic JSONL log (gzipped when the name ends in .gz), block by
 * block of customers so memory stays flat. Lines go straight into byte chunks, so no line
 * outlives the moment it is made (keeping garbage collection to cheap young-generation sweeps).
 */
export async function generateFile(options: { customers: number; seed: number; out: string }): Promise<number> {
  const file = createWriteStream(options.out);
  const gzip = options.out.endsWith('.gz') ? createGzip({ level: 1 }) : null;
  const sink: Writable = gzip ?? file;
  if (gzip !== null) gzip.pipe(file);
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  let full: Buffer[] = [];
  const emit = (line: string): void => {
    // Generated lines are ASCII: one byte per character.
    if (used + line.length + 1 > chunk.length) {
      full.push(chunk.subarray(0, used));
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, line.length + 1));
      used = 0;
    }
    used += chunk.write(line, used, 'latin1');
    chunk[used++] = 0x0a;
  };
  let events = 0;
  for (let first = 0; first < options.customers; first += CUSTOMERS_PER_BLOCK) {
    const customers = Math.min(CUSTOMERS_PER_BLOCK, options.customers - first);
    events += generateSimpleJourneys({ customers, seed: options.seed, firstCustomer: first }, emit);
    for (const ready of full) {
      if (!sink.write(ready)) await once(sink, 'drain');
    }
    full = [];
  }
  if (used > 0) sink.write(chunk.subarray(0, used));
  sink.end();
  await once(file, 'close');
  return events;
}
