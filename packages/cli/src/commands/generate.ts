import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { type GroundTruth, generateSimpleJourneys, SubscriptionWorld } from '@waymark/core';

const CUSTOMERS_PER_BLOCK = 5000;
const CHUNK_BYTES = 1 << 20;

export const SCENARIOS = ['simple', 'subscription'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface GenerateFileOptions {
  customers: number;
  seed: number;
  out: string;
  /** `simple` (the default, the benchmarks' journeys) or `subscription` (the demo world). */
  scenario?: Scenario;
  /** Where to write the subscription world's ground truth (JSON). */
  truth?: string;
}

/**
 * Lines go straight into byte chunks, so no line outlives the moment it is made (keeping
 * garbage collection to cheap young-generation sweeps); full chunks are written between
 * blocks, waiting for the file when it falls behind, so memory stays flat.
 */
class ChunkedWriter {
  private readonly file: Writable;
  private readonly sink: Writable;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private full: Buffer[] = [];

  constructor(path: string) {
    this.file = createWriteStream(path);
    const gzip = path.endsWith('.gz') ? createGzip({ level: 1 }) : null;
    this.sink = gzip ?? this.file;
    if (gzip !== null) gzip.pipe(this.file);
  }

  readonly emit = (line: string): void => {
    // Generated lines are ASCII: one byte per character.
    if (this.used + line.length + 1 > this.chunk.length) {
      this.full.push(this.chunk.subarray(0, this.used));
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, line.length + 1));
      this.used = 0;
    }
    this.used += this.chunk.write(line, this.used, 'latin1');
    this.chunk[this.used++] = 0x0a;
  };

  async flush(): Promise<void> {
    for (const ready of this.full) {
      if (!this.sink.write(ready)) await once(this.sink, 'drain');
    }
    this.full = [];
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.used > 0) this.sink.write(this.chunk.subarray(0, this.used));
    this.sink.end();
    await once(this.file, 'close');
  }
}

/**
 * Writes a deterministic synthetic JSONL log (gzipped when the name ends in .gz) and returns
 * the number of messages: the simple journeys block by block of customers, or the
 * subscription world day by day (its ground truth written to `truth` when given).
 */
export async function generateFile(options: GenerateFileOptions): Promise<number> {
  return (await generateWithTruth(options)).events;
}

/** {@link generateFile}, also returning the subscription world's ground truth (null for the simple scenario). */
export async function generateWithTruth(
  options: GenerateFileOptions,
): Promise<{ events: number; truth: GroundTruth | null }> {
  const writer = new ChunkedWriter(options.out);
  let events = 0;
  let truth: GroundTruth | null = null;
  if ((options.scenario ?? 'simple') === 'subscription') {
    const world = new SubscriptionWorld({ customers: options.customers, seed: options.seed });
    while (!world.done) {
      world.simulateNextDay(writer.emit);
      await writer.flush();
    }
    truth = world.groundTruth();
    events = truth.messages.total;
  } else {
    for (let first = 0; first < options.customers; first += CUSTOMERS_PER_BLOCK) {
      const customers = Math.min(CUSTOMERS_PER_BLOCK, options.customers - first);
      events += generateSimpleJourneys({ customers, seed: options.seed, firstCustomer: first }, writer.emit);
      await writer.flush();
    }
  }
  await writer.close();
  if (truth !== null && options.truth !== undefined) {
    await writeFile(options.truth, `${JSON.stringify(truth, null, 2)}\n`);
  }
  return { events, truth };
}
