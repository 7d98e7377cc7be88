/**
 * The DFG kernel alone on a data folder's warm index: `npm run bench:dfg -- --data bench/out/data`
 * (the folder `npm run bench` imports into). Prints the median and fastest of each way of
 * running it; for comparing a change to the kernel without the rest of the benchmark.
 */
import { parseArgs } from 'node:util';
import { directlyFollows } from '@waymark/core';
import { ParallelKernels, Workspace } from '@waymark/runtime';
import { median, timeIt } from './measure.ts';

const { values } = parseArgs({
  options: { data: { type: 'string', default: 'bench/out/data' }, runs: { type: 'string', default: '15' } },
});
const runs = Number(values.runs);
const workspace = await Workspace.open(values.data as string);
await workspace.pipeline.dedupeBytes(); // let the background load finish before timing
const rows = workspace.index.rows();
const names = workspace.index.activities.values;
const kernels = await ParallelKernels.start();
const oneThread: number[] = [];
const bothCores: number[] = [];
directlyFollows(rows, names); // warm-up: compile the kernel
for (let i = 0; i < runs; i++) {
  oneThread.push((await timeIt(async () => directlyFollows(rows, names))).seconds);
  bothCores.push((await timeIt(() => kernels.directlyFollows(rows, names))).seconds);
}
await kernels.close();
await workspace.close();
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
process.stdout.write(`${rows.length.toLocaleString('en-US')} events, ${runs} runs each\n`);
for (const [name, times] of [
  ['one thread', oneThread],
  ['both cores', bothCores],
] as const) {
  process.stdout.write(`${name}: median ${ms(median([...times]))}, fastest ${ms(Math.min(...times))}\n`);
}
