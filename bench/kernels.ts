/**
 * Journey kernels alone, one thread against both cores, on data folders of several sizes:
 * `npm run bench:kernels [-- --sizes 125000,1230000 --runs 9]`. No DuckDB peer (bench:journeys
 * has those); this is for how each kernel scales with the events. Uses the data folders
 * bench:journeys prepared (bench/out/journeys-<customers>/); prints median and best per kernel.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type ReportParams, reportNeeds, reportPlan, runReport } from '@waymark/core';
import { ParallelKernels, Workspace } from '@waymark/runtime';
import { formatTable } from '../packages/cli/src/output/table.ts';
import { median } from './measure.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '125000,1230000' },
    out: { type: 'string', default: 'bench/out' },
    runs: { type: 'string', default: '9' },
  },
});
const runs = Number(values.runs);
const JOURNEY = new URL('../examples/journeys/simple-subscription.yaml', import.meta.url).pathname;
const CASES: ReadonlyArray<readonly ['stage-funnel' | 'funnel' | 'retention' | 'paths', ReportParams]> = [
  ['stage-funnel', {}],
  ['funnel', { funnel: 'Plans to order' }],
  ['retention', { startEvent: 'Order Completed', returnEvent: 'App Opened', period: 'week', periods: '8' }],
  ['paths', { startEvent: 'Plans Viewed', depth: '5', top: '1000' }],
  // Breakdowns: by channel (first touch, 9 groups) and by an event property (a column loaded from the store).
  ['retention', { startEvent: 'Order Completed', returnEvent: 'App Opened', periods: '8', breakdown: 'firstTouch' }],
  [
    'retention',
    { startEvent: 'Order Completed', returnEvent: 'App Opened', periods: '8', breakdown: 'properties.plan' },
  ],
  ['paths', { startEvent: 'Plans Viewed', depth: '5', top: '1000', breakdown: 'firstTouch' }],
  ['paths', { startEvent: 'Plans Viewed', depth: '5', top: '1000', breakdown: 'properties.plan' }],
];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kernels = await ParallelKernels.start();
const HEADERS = [
  'events',
  'kernel',
  'one thread (median)',
  'one thread (best)',
  'both cores (median)',
  'both cores (best)',
];
const table: string[][] = [];
for (const customers of (values.sizes as string).split(',').map(Number)) {
  const dataDir = join(values.out as string, `journeys-${customers}`);
  if (!existsSync(join(dataDir, 'complete'))) {
    process.stderr.write(`skipping ${customers}: run npm run bench:journeys -- --customers ${customers} first\n`);
    continue;
  }
  const workspace = await Workspace.open(dataDir, { journeyFiles: [JOURNEY] });
  const environment = workspace.environment();
  for (const [name, params] of CASES) await workspace.track(reportNeeds(name, params, environment));
  const events = workspace.index.rows().length;
  for (const [name, params] of CASES) {
    const one: number[] = [];
    const both: number[] = [];
    for (let i = 0; i <= runs; i++) {
      let started = performance.now();
      runReport(workspace.index, name, params, environment);
      const oneMs = performance.now() - started;
      // Both ways include making the plan (the filter's scope, compiled matchers), as a report does.
      started = performance.now();
      const plan = reportPlan(workspace.index, name, params, environment);
      if (plan === undefined) throw new Error(`${name} has no kernel plan`);
      await kernels.runPlan(plan);
      const bothMs = performance.now() - started;
      if (i === 0) continue; // warm-up
      one.push(oneMs);
      both.push(bothMs);
    }
    table.push([
      events.toLocaleString('en-US'),
      params.breakdown === undefined ? name : `${name} by ${params.breakdown}`,
      ms(median(one)),
      ms(Math.min(...one)),
      ms(median(both)),
      ms(Math.min(...both)),
    ]);
  }
  await workspace.close();
}
await kernels.close();
process.stdout.write(`${formatTable(HEADERS, table)}\n`);
