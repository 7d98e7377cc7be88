/**
 * Journey report benchmarks: `npm run bench:journeys [-- --customers N --runs N]`. Stage funnel
 * and event funnels on the warm index against DuckDB SQL over the same store, with filters
 * and breakdowns, printing a table. Data is cached in bench/out/journeys-<customers>/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { classifyRows, indexContext, type ReportParams, reportNeeds, reportPlan, runReport } from '@waymark/core';
import { importFile, ParallelKernels, Workspace } from '@waymark/runtime';
import { generateFile } from '../packages/cli/src/commands/generate.ts';
import { formatTable } from '../packages/cli/src/output/table.ts';
import {
  orderedFunnelSql,
  pathsSql,
  plansToOrderCaseSql,
  retentionSql,
  runFunnelSql,
  stageCaseSql,
} from './journey-peer.ts';
import { kpiCountsOf, kpiSql, runKpiSql } from './kpi-peer.ts';
import { median, timeIt } from './measure.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '1230000' },
    out: { type: 'string', default: 'bench/out' },
    runs: { type: 'string', default: '5' },
  },
});
const customers = Number(values.customers);
const runs = Number(values.runs);
/** DuckDB peers take seconds each at 10M events: the median of fewer runs. */
const PEER_RUNS = Math.min(runs, 3);
const out = values.out as string;
const JOURNEY = new URL('../examples/journeys/simple-subscription.yaml', import.meta.url).pathname;
const log = (text: string) => process.stderr.write(`${text}\n`);
const f1 = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
const ms = (s: number) => `${f1(s * 1000)} ms`;
mkdirSync(out, { recursive: true });

// Events and a data folder with them (cached by size).
const eventsFile = join(out, `events-${customers}.jsonl`);
if (!existsSync(eventsFile)) {
  log(`generating ${customers} customers → ${eventsFile}`);
  await generateFile({ customers, seed: 1, out: eventsFile });
}
const dataDir = join(out, `journeys-${customers}`);
if (!existsSync(join(dataDir, 'complete'))) {
  log(`importing ${eventsFile} into ${dataDir}`);
  const importing = await Workspace.open(dataDir);
  await importFile(importing.pipeline, eventsFile);
  await importing.close();
  writeFileSync(join(dataDir, 'complete'), '');
}

const workspace = await Workspace.open(dataDir, { journeyFiles: [JOURNEY] });
const environment = workspace.environment();
const journey = [...workspace.journeys.values()][0];
if (journey === undefined) throw new Error('no journey loaded');
const index = workspace.index;
const rows = index.rows();
log(`${rows.length.toLocaleString('en-US')} events, ${rows.runCount.toLocaleString('en-US')} customers`);

interface Row {
  benchmark: string;
  waymark: string;
  peer: string;
  ratio: string;
  target: string;
  met: string;
}
const table: Row[] = [];

const allNeeds = [
  ...reportNeeds('stage-funnel', { breakdown: 'properties.plan', segment: 'properties.plan=pro' }, environment),
  ...reportNeeds('funnel', {}, environment),
];
const tracked = await timeIt(() => workspace.track(allNeeds));
table.push({
  benchmark: `load ${allNeeds.length} attribute columns from the store (${allNeeds.join(', ')}; once per attribute)`,
  waymark: ms(tracked.seconds),
  peer: '-',
  ratio: '-',
  target: '-',
  met: '-',
});

/** The median of `count` runs after two unmeasured ones (the first compiles, or reads the file's pages). */
async function timed<T>(work: () => T | Promise<T>, count = runs): Promise<{ seconds: number; result: T }> {
  await work(); // warm-up
  const times: number[] = [];
  let result: T = await work();
  for (let i = 0; i < count; i++) {
    const t = await timeIt(work);
    times.push(t.seconds);
    result = t.result;
  }
  return { seconds: median(times), result };
}

const context = indexContext(index);
const classification = await timed(() => classifyRows(rows, journey, context));
const stageRun = (params: ReportParams) => runReport(index, 'stage-funnel', params, environment);
// Both cores, as the server runs them: half the customers on a worker thread.
const kernels = await ParallelKernels.start();
const splitRun = <K extends 'stage-funnel' | 'funnel' | 'retention' | 'paths'>(name: K, params: ReportParams) => {
  const plan = reportPlan(index, name, params, environment);
  if (plan === undefined) throw new Error(`${name} has no kernel plan`);
  return kernels.runPlan(plan);
};

// DuckDB peers over the same store (read-only attach in a separate instance).
const instance = await DuckDBInstance.create(':memory:');
const sql = await instance.connect();
await sql.run(`ATTACH '${join(dataDir, 'events.duckdb')}' AS store (READ_ONLY)`);
const peer = async (stepCase: string) => {
  const query = orderedFunnelSql('store.events', 'store.activities', stepCase, 5);
  return timed(() => runFunnelSql(sql, query), PEER_RUNS);
};
log('DuckDB stage funnel');
const peerStages = await peer(stageCaseSql());
log('DuckDB 5-step funnel');
const peerFunnel = await peer(plansToOrderCaseSql());

const oneThread = await timed(() => stageRun({}));
const base = await timed(() => splitRun('stage-funnel', {}));
const sameStages = [oneThread, base].every((run) =>
  run.result.total.steps.every((s, i) => s.customers === peerStages.result[i]?.customers),
);
const oneThreadFunnel = await timed(() => runReport(index, 'funnel', { funnel: 'Plans to order' }, environment));
const funnel = await timed(() => splitRun('funnel', { funnel: 'Plans to order' }));
const sameFunnel = [oneThreadFunnel, funnel].every((run) =>
  run.result.total.steps.every((s, i) => s.customers === peerFunnel.result[i]?.customers),
);

const compare = (name: string, ours: number, peerSeconds: number, target: number, same: boolean) =>
  table.push({
    benchmark: `${name}${same ? '' : ' — RESULTS DIFFER FROM SQL'}`,
    waymark: ms(ours),
    peer: `${ms(peerSeconds)} (DuckDB SQL)`,
    ratio: `${f1(peerSeconds / ours)}×`,
    target: `≤ ${target * 1000} ms, ≥ 10× DuckDB`,
    met: ours <= target && peerSeconds / ours >= 10 && same ? 'yes' : 'no',
  });
table.push({
  benchmark: 'classify rows into touchpoints and stages (once per index state, cached)',
  waymark: ms(classification.seconds),
  peer: '-',
  ratio: '-',
  target: '-',
  met: '-',
});
compare('stage funnel (5 stages, one thread)', oneThread.seconds, peerStages.seconds, 0.15, sameStages);
compare('stage funnel (both cores: what the server runs)', base.seconds, peerStages.seconds, 0.15, sameStages);
compare(
  'stage funnel incl. classification',
  base.seconds + classification.seconds,
  peerStages.seconds,
  0.15,
  sameStages,
);
compare('event funnel (5 steps, ordered, one thread)', oneThreadFunnel.seconds, peerFunnel.seconds, 0.2, sameFunnel);
compare('event funnel (both cores: what the server runs)', funnel.seconds, peerFunnel.seconds, 0.2, sameFunnel);

// Retention (weekly cohorts by first order, returning to the app) and paths after Plans Viewed.
log('DuckDB retention and paths');
const retentionQuery = retentionSql('store.events', 'store.activities', 'Order Completed', 'App Opened', 7, 8);
const peerRetention = await timed(
  async () => (await sql.runAndReadAll(retentionQuery)).getRows().map(([, n]) => Number(n)),
  PEER_RUNS,
);
const retentionParams = { startEvent: 'Order Completed', returnEvent: 'App Opened', period: 'week', periods: '8' };
const oneThreadRetention = await timed(() => runReport(index, 'retention', retentionParams, environment));
const ourRetention = await timed(() => splitRun('retention', retentionParams));
const retentionSums = Array.from({ length: 8 }, (_, k) =>
  ourRetention.result.cohorts.reduce((sum, cohort) => sum + (cohort.returned[k] ?? 0), 0),
);
const sameRetention =
  isDeepStrictEqual(oneThreadRetention.result, ourRetention.result) &&
  peerRetention.result.every((n, k) => {
    // The peer counts every cohort; ours hides not-yet-observed cells (null): compare the observed part.
    const hidden = ourRetention.result.cohorts.some((cohort) => cohort.returned[k] === null);
    return hidden || n === retentionSums[k];
  });
compare(
  'retention (weekly cohorts, 8 periods, one thread)',
  oneThreadRetention.seconds,
  peerRetention.seconds,
  0.3,
  sameRetention,
);
compare('retention (both cores)', ourRetention.seconds, peerRetention.seconds, 0.3, sameRetention);

const pathsQuery = pathsSql('store.events', 'store.activities', 'Plans Viewed', 5);
const peerPaths = await timed(async () => (await sql.runAndReadAll(pathsQuery)).getRows(), PEER_RUNS);
const pathsParams = { startEvent: 'Plans Viewed', depth: '5', top: '1000' };
const oneThreadPaths = await timed(() => runReport(index, 'paths', pathsParams, environment));
const ourPaths = await timed(() => splitRun('paths', pathsParams));
const samePaths =
  isDeepStrictEqual(oneThreadPaths.result, ourPaths.result) &&
  peerPaths.result.every(
    ([step, name, n]) =>
      ourPaths.result.nodes.find((node) => node.step === Number(step) && node.label === name)?.customers === Number(n),
  );
compare('paths (5 steps after Plans Viewed, one thread)', oneThreadPaths.seconds, peerPaths.seconds, 0.3, samePaths);
compare('paths (both cores)', ourPaths.seconds, peerPaths.seconds, 0.3, samePaths);

const variantsOf: Array<[string, () => unknown, number]> = [
  ['stage funnel, breakdown by first touch', () => splitRun('stage-funnel', { breakdown: 'firstTouch' }), base.seconds],
  [
    'stage funnel, breakdown by properties.plan',
    () => splitRun('stage-funnel', { breakdown: 'properties.plan' }),
    base.seconds,
  ],
  [
    'stage funnel, segment properties.plan=pro + date range',
    () => splitRun('stage-funnel', { segment: 'properties.plan=pro', from: '2026-01-15', to: '2026-03-01' }),
    base.seconds,
  ],
  [
    'event funnel, window 1d, breakdown by last touch',
    () => splitRun('funnel', { funnel: 'Plans to order', window: '1d', breakdown: 'lastTouch' }),
    funnel.seconds,
  ],
  ['event funnel, strict mode', () => splitRun('funnel', { funnel: 'Plans to order', mode: 'strict' }), funnel.seconds],
  [
    'event funnel, any order, window 7d',
    () => splitRun('funnel', { funnel: 'Plans to order', mode: 'any', window: '7d' }),
    funnel.seconds,
  ],
];
for (const [name, work, plain] of variantsOf) {
  const t = await timed(work);
  table.push({
    benchmark: name,
    waymark: ms(t.seconds),
    peer: '-',
    ratio: `${f1(t.seconds / plain)}× the unfiltered run`,
    target: '< 10× unfiltered',
    met: t.seconds / plain < 10 ? 'yes' : 'no',
  });
}

// KPIs: the kernel against the same counts in DuckDB SQL (bench/kpi-peer.ts), then grouped by reason.
{
  const needs = reportNeeds('kpis', { by: 'reason' }, environment);
  const loaded = await timeIt(() => workspace.track(needs));
  table.push({
    benchmark: `load ${needs.length} KPI attribute columns from the store (once per attribute)`,
    waymark: ms(loaded.seconds),
    peer: '-',
    ratio: '-',
    target: '-',
    met: '-',
  });
  const settings = runReport(index, 'kpis', {}, environment).definitions.settings;
  const query = kpiSql('store.events', 'store.activities', settings, null);
  const peerKpis = await timed(() => runKpiSql(sql, query), PEER_RUNS);
  const kpis = await timed(() => runReport(index, 'kpis', {}, environment));
  const ours = kpiCountsOf(kpis.result.total.kpis);
  const theirs = peerKpis.result.get('total') ?? {};
  const same = Object.keys(ours).every((key) => ours[key] === theirs[key]);
  compare('KPIs (contact centre + voice of customer, all counts)', kpis.seconds, peerKpis.seconds, 0.15, same);
  const byReason = await timed(() => runReport(index, 'kpis', { by: 'reason' }, environment));
  table.push({
    benchmark: 'KPIs by reason',
    waymark: ms(byReason.seconds),
    peer: '-',
    ratio: `${f1(byReason.seconds / kpis.seconds)}× the total`,
    target: '< 10× total',
    met: byReason.seconds / kpis.seconds < 10 ? 'yes' : 'no',
  });
}

sql.closeSync();
instance.closeSync();
await kernels.close();
await workspace.close();
process.stdout.write(
  `${formatTable(
    ['benchmark', 'waymark', 'peer', 'ratio', 'target', 'met'],
    table.map((r) => [r.benchmark, r.waymark, r.peer, r.ratio, r.target, r.met]),
  )}\n`,
);
writeFileSync(
  join(out, `journeys-${customers}.json`),
  JSON.stringify({ customers, events: rows.length, rows: table }, null, 2),
);
