/**
 * An import in a process of its own, for crash tests:
 * `node bin/run-ts.mjs tests/integration/import-process.ts FILE DATA [--freeze-after N] [--pipeline]`
 * imports FILE into DATA as `waymark import` does, printing `stored R` (records so far) once
 * each block is stored and `done R` at the end. With --freeze-after, its thread stops for good
 * once N blocks are stored (to be killed): nothing more is started, and DuckDB's write-ahead
 * log is left as that block's commit (and any commit DuckDB's threads had under way) wrote it.
 * With --pipeline, JSONL goes through the ingest pipeline's batches instead of the bulk loader.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const RUN_TS = new URL('../../bin/run-ts.mjs', import.meta.url).pathname;

/** Starts the import; resolves with the process and its first line of output that `until` matches. */
export function startImport(
  file: string,
  dataDir: string,
  until: RegExp,
  freezeAfter?: number,
  options: { pipeline?: boolean } = {},
): Promise<{ child: ChildProcess; line: string }> {
  const freeze = freezeAfter === undefined ? [] : ['--freeze-after', String(freezeAfter)];
  const pipeline = options.pipeline === true ? ['--pipeline'] : [];
  const child = spawn(
    process.execPath,
    [RUN_TS, fileURLToPath(import.meta.url), file, dataDir, ...freeze, ...pipeline],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      if (until.test(line)) resolve({ child, line });
    });
    child.on('exit', (code, signal) => reject(new Error(`the import ended (${code ?? signal}) before ${until}`)));
  });
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const [file, dataDir, ...flags] = process.argv.slice(2);
  if (file === undefined || dataDir === undefined)
    throw new Error('usage: import-process.ts FILE DATA [--freeze-after N] [--pipeline]');
  const at = flags.indexOf('--freeze-after');
  const freezeAfter = at >= 0 ? Number(flags[at + 1]) : Number.POSITIVE_INFINITY;
  const { importFile, Workspace } = await import('@waymark/runtime');
  const workspace = await Workspace.open(dataDir);
  let blocks = 0;
  const summary = await importFile(workspace.pipeline, file, {
    jsonlBulk: !flags.includes('--pipeline'),
    onProgress: ({ records }) => {
      // (Writes to a pipe are synchronous on Linux: the line is out before the thread stops.)
      process.stdout.write(`stored ${records}\n`);
      if (++blocks >= freezeAfter) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    },
  });
  process.stdout.write(`done ${summary.accepted}\n`);
  await workspace.close();
}
