import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDbEventStore } from '@waymark/storage';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFile } from '../../packages/cli/src/commands/generate.ts';
import { importOutcome } from '../../packages/runtime/src/import/import-outcome.ts';
import { tempDir } from './temp-dir.ts';

const BIN = new URL('../../bin/waymark.mjs', import.meta.url).pathname;
const run = (...args: string[]) => promisify(execFile)(process.execPath, [BIN, ...args], { maxBuffer: 1 << 24 });

async function storedCounts(dataDir: string): Promise<{ events: number; ids: number }> {
  const store = await DuckDbEventStore.open(dataDir);
  const [row] = await store.query(
    'SELECT count(*)::INTEGER AS events, count(DISTINCT message_id)::INTEGER AS ids FROM events',
  );
  await store.close();
  return { events: row?.events as number, ids: row?.ids as number };
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

  it('leaves whole blocks when killed mid-import, and importing again stores the rest exactly once', async () => {
    const file = join(dir.path, 'events-60000.jsonl.gz');
    const total = await generateFile({ customers: 60_000, seed: 3, out: file });
    const data = join(dir.path, 'killed');
    const child = spawn(process.execPath, [BIN, 'import', file, '--data', data], { stdio: 'ignore' });
    // Killed once a block has been committed (the write-ahead log grows past the tables' creation).
    const wal = join(data, 'events.duckdb.wal');
    while (child.exitCode === null) {
      const size = (() => {
        try {
          return statSync(wal).size;
        } catch {
          return 0;
        }
      })();
      if (size > 50_000) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await once(child, 'exit');
    const afterCrash = await storedCounts(data);
    expect(afterCrash.ids).toBe(afterCrash.events);
    expect(afterCrash.events).toBeGreaterThan(0);
    expect(afterCrash.events).toBeLessThan(total);

    const again = JSON.parse((await run('import', file, '--data', data, '--json')).stdout);
    expect(again).toMatchObject({ records: total, accepted: total - afterCrash.events, duplicates: afterCrash.events });
    expect(await storedCounts(data)).toEqual({ events: total, ids: total });

    const clean = join(dir.path, 'clean');
    await run('import', file, '--data', clean);
    const report = async (data: string) =>
      JSON.parse((await run('report', 'variants', '--data', data, '--json')).stdout);
    expect(await report(data)).toEqual(await report(clean));
  }, 240_000);
});
