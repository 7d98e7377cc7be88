import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDbEventStore } from '@waymark/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFile } from '../../packages/cli/src/commands/generate.ts';
import { importOutcome } from '../../packages/runtime/src/import/import-outcome.ts';
import { startImport } from './import-process.ts';
import { tempDir } from './temp-dir.ts';

const BIN = new URL('../../bin/waymark.mjs', import.meta.url).pathname;
const run = (...args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args], { maxBuffer: 1 << 24 });

/** Stored events, distinct message ids, and events with a code that names nothing in the dictionaries. */
async function storedCounts(dataDir: string): Promise<{ events: number; ids: number; unnamed: number }> {
  const store = await DuckDbEventStore.open(dataDir);
  const unnamed = (column: string, dictionary: string) =>
    `(${column} IS NOT NULL AND ${column} NOT IN (SELECT code FROM ${dictionary}))`;
  const [row] = await store.query(
    `SELECT count(*)::INTEGER AS events, count(DISTINCT message_id)::INTEGER AS ids,
            count(*) FILTER (${['user_code', 'anonymous_code', 'previous_code'].map((c) => unnamed(c, 'identities')).join(' OR ')}
                             OR ${unnamed('activity_code', 'activities')})::INTEGER AS unnamed
     FROM events`,
  );
  await store.close();
  return { events: row?.events as number, ids: row?.ids as number, unnamed: row?.unnamed as number };
}

describe('JSONL bulk import on generated journeys', () => {
  const dir = tempDir('bulk-import');
  afterAll(() => dir.remove());

  it('stores the benchmark file (20,000 customers, seed 1) exactly as the pipeline does, validating it in the store', async () => {
    const file = join(dir.path, 'events-20000.jsonl');
    await generateFile({ customers: 20_000, seed: 1, out: file });
    const viaPipeline = await importOutcome(join(dir.path, 'pipeline'), [file], { jsonlBulk: false });
    const viaBulk = await importOutcome(join(dir.path, 'bulk'), [file], { jsonlBulk: true, bulkBlockBytes: 4 << 20 });
    expect(viaBulk.summaries).toEqual(viaPipeline.summaries);
    expect(viaBulk.summaries[0]).toMatchObject({ records: 162_885, accepted: 162_885, rejectedCount: 0 });
    expect(viaBulk.bulk).toEqual({ storeLines: 162_885, javascriptLines: 0 });
    expect(viaBulk.rows).toEqual(viaPipeline.rows);
    expect(viaBulk.reports).toEqual(viaPipeline.reports);
    expect(viaBulk.reportsAfterReopen).toEqual(viaPipeline.reportsAfterReopen);
  }, 240_000);

  // 60,000 customers: three blocks of the default size.
  let sixtyThousandLines: Promise<number> | undefined;
  const sixtyThousandFile = join(dir.path, 'events-60000.jsonl.gz');
  const sixtyThousand = async () => {
    sixtyThousandLines ??= generateFile({ customers: 60_000, seed: 3, out: sixtyThousandFile });
    await sixtyThousandLines;
    return sixtyThousandFile;
  };

  it('leaves whole blocks when killed mid-import, and importing again stores the rest exactly once', async () => {
    const file = await sixtyThousand();
    const total = (await sixtyThousandLines) as number;
    const data = join(dir.path, 'killed');
    // Killed as soon as the first block is stored: while the second is parsed and stored.
    const { child, line } = await startImport(file, data, /^stored /);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const afterCrash = await storedCounts(data);
    expect(afterCrash).toMatchObject({ ids: afterCrash.events, unnamed: 0 });
    expect(afterCrash.events).toBeGreaterThanOrEqual(Number(line.split(' ')[1]));
    expect(afterCrash.events).toBeLessThan(total);

    const again = JSON.parse((await run('import', file, '--data', data, '--json')).stdout);
    expect(again).toMatchObject({ records: total, accepted: total - afterCrash.events, duplicates: afterCrash.events });
    expect(await storedCounts(data)).toEqual({ events: total, ids: total, unnamed: 0 });

    const clean = join(dir.path, 'clean');
    await run('import', file, '--data', clean);
    const report = async (data: string) =>
      JSON.parse((await run('report', 'variants', '--data', data, '--json')).stdout);
    expect(await report(data)).toEqual(await report(clean));
  }, 240_000);

  // Both ways of storing: the bulk loader's blocks, and the ingest pipeline's batches (122,880
  // events, past the size at which DuckDB writes a transaction's rows before its commit).
  for (const pipeline of [false, true]) {
    const way = pipeline ? 'an ingest pipeline batch' : 'a bulk block';
    it(`stores no event without its names, wherever a crash cuts the write-ahead log of ${way}`, async () => {
      const held = join(dir.path, pipeline ? 'held-pipeline' : 'held');
      // Frozen once the first block is stored, and killed: the log ends with that block's commit.
      const { child } = await startImport(await sixtyThousand(), held, /^stored /, 1, { pipeline });
      child.kill('SIGKILL');
      await once(child, 'exit');
      const size = statSync(join(held, 'events.duckdb.wal')).size;
      expect(size).toBeGreaterThan(0);
      // Cut inside the last commit (the block's rows), and anywhere before it.
      const cuts = [size - 1, size - 16, size - 64, ...Array.from({ length: 8 }, (_, i) => Math.floor((size * i) / 8))];
      for (const at of cuts) {
        const copy = join(dir.path, `cut-${pipeline}-${at}`);
        cpSync(held, copy, { recursive: true });
        truncateSync(join(copy, 'events.duckdb.wal'), at);
        const counts = await storedCounts(copy);
        expect(counts, `write-ahead log cut at ${at} of ${size} bytes`).toMatchObject({
          ids: counts.events,
          unnamed: 0,
        });
        rmSync(copy, { recursive: true, force: true });
      }
    }, 240_000);
  }
});
