/**
 * Where an XES import's time goes: `npm run bench:xes-steps [-- --file F --runs N]` times each
 * step of importing BPIC 2012 alone, in one process, and then the whole import, printing CPU
 * time (this process, all threads) and wall time per step — the best of `--runs` (default 2).
 * The steps are cumulative where they must be (the reader includes the XML parser) and the
 * table says which.
 */
import { createReadStream, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { HashSet53, JourneyIndex } from '@waymark/core';
import { IngestPipeline, importFile, Workspace } from '@waymark/runtime';
import { DuckDbEventStore, type EventStore, type StoredEvent } from '@waymark/storage';
import { SaxesParser } from 'saxes';
import { formatTable } from '../packages/cli/src/output/table.ts';
import { readXes, XmlChunkDecoder } from '../packages/runtime/src/import/xes-reader.ts';
import { CREATE_STAGE_EVENTS, stageEvents } from '../packages/storage/src/event-store/event-staging.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: new URL('../../shared/data/public/bpic2012.xes.gz', import.meta.url).pathname },
    runs: { type: 'string', default: '2' },
    out: { type: 'string', default: 'bench/out' },
  },
});
const file = values.file as string;
const runs = Number(values.runs);
const BATCH = 122_880;
const open = () => createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));

interface Step {
  name: string;
  cpu: number;
  wall: number;
  gc: number;
}
/** Garbage-collection pauses on this thread, summed while a step runs. */
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

const best = new Map<string, Step>();
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const cpuBefore = process.cpuUsage();
  const gcBefore = gcMs;
  const started = performance.now();
  const result = await work();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpuBefore);
  const measured = { name, cpu: (used.user + used.system) / 1e6, wall, gc: (gcMs - gcBefore) / 1000 };
  const previous = best.get(name);
  if (previous === undefined || measured.cpu < previous.cpu) best.set(name, measured);
  process.stderr.write(`${name}: CPU ${measured.cpu.toFixed(2)} s, wall ${wall.toFixed(2)} s\n`);
  return result;
}

/** A store that keeps nothing: the pipeline's own work without DuckDB. */
const nullStore = {
  append: async () => undefined,
  existingMessageIds: async () => new Set<string>(),
} as unknown as EventStore;

let events = 0;
for (let run = 0; run < runs; run++) {
  await step('gunzip and decoding (ASCII as Latin-1, as readXes)', async () => {
    const decoder = new XmlChunkDecoder();
    let characters = 0;
    for await (const chunk of open()) characters += decoder.write(chunk as Buffer).length;
    return characters;
  });
  await step('  + XML tokenizing (saxes, no handlers)', async () => {
    const decoder = new XmlChunkDecoder();
    const parser = new SaxesParser({ xmlns: false, position: true });
    parser.on('opentag', () => undefined);
    parser.on('closetag', () => undefined);
    for await (const chunk of open()) parser.write(decoder.write(chunk as Buffer));
    parser.close();
  });
  const messages = await step('  + reader: XES to Segment messages (readXes)', async () => {
    const out: unknown[] = [];
    for await (const records of readXes(open(), { source: 'import:bench' }))
      for (const record of records) if ('message' in record) out.push(record.message);
    return out;
  });
  events = messages.length;
  const committed: StoredEvent[] = [];
  await step('validate, dedupe, encode, index (pipeline, no store)', async () => {
    const pipeline = new IngestPipeline(nullStore, new JourneyIndex(), Promise.resolve(new HashSet53()), 0);
    pipeline.on('committed', (batch) => committed.push(...batch));
    for (let start = 0; start < messages.length; start += BATCH) {
      await pipeline.submit(messages.slice(start, start + BATCH), { source: 'import:bench', receivedAtMs: 0 });
    }
  });
  const batches: StoredEvent[][] = [];
  for (let start = 0; start < committed.length; start += BATCH) batches.push(committed.slice(start, start + BATCH));
  const stage = await (await DuckDBInstance.create(':memory:')).connect();
  await stage.run(`ATTACH ':memory:' AS stage; ${CREATE_STAGE_EVENTS};`);
  const appender = await stage.createAppender('events', 'main', 'stage');
  await step('stage rows (Appender, this thread)', async () => {
    for (const batch of batches) stageEvents(appender, batch);
  });
  appender.closeSync();
  stage.closeSync();
  const dir = join(values.out as string, 'xes-steps');
  rmSync(dir, { recursive: true, force: true });
  const store = await DuckDbEventStore.open(dir);
  const names = { identities: { fromCode: 0, names: [] }, activities: { fromCode: 0, names: [] } };
  await step('stage rows + INSERT … SELECT + COMMIT (durable)', async () => {
    for (const batch of batches) await store.append(batch, names);
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const workspace = await Workspace.open(dir);
  await step('whole import (importFile)', () => importFile(workspace.pipeline, file));
  await workspace.close();
  rmSync(dir, { recursive: true, force: true });
}

const rows = [...best.values()].map((s) => [
  s.name,
  `${s.cpu.toFixed(2)} s`,
  `${((s.cpu / events) * 1e6).toFixed(1)} µs`,
  `${s.wall.toFixed(2)} s`,
  `${s.gc.toFixed(2)} s`,
]);
process.stdout.write(
  `${events.toLocaleString('en-US')} events, best of ${runs}, load average ${loadavg()[0]?.toFixed(1)}\n` +
    `${formatTable(['step', 'CPU', 'CPU per event', 'wall', 'GC pauses'], rows)}\n`,
);
