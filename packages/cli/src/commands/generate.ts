import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { generateSimpleJourneys } from '@waymark/core';

const CUSTOMERS_PER_BLOCK = 5000;

/**
 * Writes a deterministic synthetic JSONL log (gzipped when the name ends in .gz), block by
 * block of customers so memory stays flat.
 */
export async function generateFile(options: { customers: number; seed: number; out: string }): Promise<number> {
  const file = createWriteStream(options.out);
  const gzip = options.out.endsWith('.gz') ? createGzip({ level: 1 }) : null;
  const sink: Writable = gzip ?? file;
  if (gzip !== null) gzip.pipe(file);
  let events = 0;
  for (let first = 0; first < options.customers; first += CUSTOMERS_PER_BLOCK) {
    const lines: string[] = [];
    const customers = Math.min(CUSTOMERS_PER_BLOCK, options.customers - first);
    events += generateSimpleJourneys({ customers, seed: options.seed, firstCustomer: first }, (line) =>
      lines.push(line),
    );
    if (!sink.write(`${lines.join('\n')}\n`)) await once(sink, 'drain');
  }
  sink.end();
  await once(file, 'close');
  return events;
}
