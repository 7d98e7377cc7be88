import { directlyFollows, generateSimpleJourneys, reportNeeds, reportPlan, runReport } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../import/import-file.ts';
import { Workspace } from '../workspace/workspace.ts';
import { ParallelKernels } from './parallel-kernels.ts';

const PUBLIC = new URL('../../../../../shared/data/public/', import.meta.url).pathname;

describe('ParallelKernels', () => {
  let kernels: ParallelKernels;
  beforeAll(async () => {
    kernels = await ParallelKernels.start({ minEvents: 0 }); // split even these small logs
  });
  afterAll(async () => {
    await kernels.close();
  });

  it('gives exactly the single-threaded DFG on a real log and on generated journeys', async () => {
    const real = await Workspace.open(':memory:');
    await importFile(real.pipeline, `${PUBLIC}bpic2013-incidents.xes.gz`);
    const generated = await Workspace.open(':memory:');
    const messages: unknown[] = [];
    generateSimpleJourneys({ customers: 3000, seed: 4 }, (line) => messages.push(JSON.parse(line)));
    await generated.pipeline.submit(messages, { source: 't' });
    for (const workspace of [real, generated]) {
      const rows = workspace.index.rows();
      const names = workspace.index.activities.values;
      const parallel = await kernels.directlyFollows(rows, names);
      expect(parallel).toEqual(directlyFollows(rows, names));
      expect(parallel.edges.length).toBeGreaterThan(10);
      await workspace.close();
    }
  });

  it('serves concurrent requests one at a time, each with its own answer', async () => {
    const workspace = await Workspace.open(':memory:');
    const messages: unknown[] = [];
    generateSimpleJourneys({ customers: 500, seed: 9 }, (line) => messages.push(JSON.parse(line)));
    await workspace.pipeline.submit(messages, { source: 't' });
    const rows = workspace.index.rows();
    const names = workspace.index.activities.values;
    const answers = await Promise.all([1, 2, 3].map(() => kernels.directlyFollows(rows, names)));
    for (const answer of answers) expect(answer).toEqual(directlyFollows(rows, names));
    await workspace.close();
  });

  it('splits the stage funnel and event funnels across the threads with the one-thread answer', async () => {
    const journeyFile = new URL('../../../../examples/journeys/simple-subscription.yaml', import.meta.url).pathname;
    const workspace = await Workspace.open(':memory:', { journeyFiles: [journeyFile] });
    const messages: unknown[] = [];
    generateSimpleJourneys({ customers: 3000, seed: 5 }, (line) => messages.push(JSON.parse(line)));
    await workspace.pipeline.submit(messages, { source: 't' });
    const environment = workspace.environment();
    const cases = [
      ['stage-funnel', {}],
      ['stage-funnel', { breakdown: 'firstTouch', window: '7d' }],
      ['funnel', { dropOffAfter: '1', limit: '5' }],
      ['funnel', { mode: 'strict', breakdown: 'lastTouch' }],
      ['retention', { startEvent: 'Order Completed', returnEvent: 'App Opened', period: 'week' }],
      ['paths', { startEvent: 'Plans Viewed', depth: '4' }],
      ['retention', { startEvent: 'Order Completed', breakdown: 'properties.plan' }],
      ['paths', { startEvent: 'Plans Viewed', depth: '4', breakdown: 'firstTouch' }],
    ] as const;
    for (const [name, params] of cases) {
      await workspace.track(reportNeeds(name, params, environment));
      const plan = reportPlan(workspace.index, name, params, environment);
      if (plan === undefined) throw new Error(`${name} has no kernel plan`);
      const split = await kernels.runPlan(plan);
      expect(split).toEqual(runReport(workspace.index, name, params, environment));
      if ('total' in split) expect(split.total.customers).toBe(3000);
      else if ('cohorts' in split) expect(split.cohorts.length).toBeGreaterThan(0);
      else expect(split.variants.length).toBeGreaterThan(0);
      if ('breakdown' in params) expect(split.groups.length).toBeGreaterThan(1);
    }
    await workspace.close();
  });
});
