import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateSimpleJourneys } from '@waymark/core';
import { Workspace } from '@waymark/runtime';
import { describe, expect, it } from 'vitest';
import { orderedFunnelSql, plansToOrderCaseSql, runFunnelSql, stageCaseSql } from '../../bench/journey-peer.ts';
import { tempDir } from './temp-dir.ts';

const JOURNEY = fileURLToPath(new URL('../../examples/journeys/simple-subscription.yaml', import.meta.url));
const RUNNING_EXAMPLE = fileURLToPath(new URL('../../examples/journeys/running-example.yaml', import.meta.url));
const PUBLIC = fileURLToPath(new URL('../../../shared/data/public/', import.meta.url));

describe('journey reports agree with DuckDB SQL over the same store', () => {
  it('stage funnel and the 5-step funnel on generated journeys (counts exact, stage medians exact)', async () => {
    const dir = tempDir('journey-sql');
    const workspace = await Workspace.open(dir.path, { journeyFiles: [JOURNEY] });
    const messages: unknown[] = [];
    generateSimpleJourneys({ customers: 3000, seed: 5 }, (line) => messages.push(JSON.parse(line)));
    await workspace.pipeline.submit(messages, { source: 'test' });
    const stages = await workspace.report('stage-funnel');
    const funnel = await workspace.report('funnel', { funnel: 'Plans to order' });
    await workspace.close();

    const instance = await DuckDBInstance.create(':memory:');
    const sql = await instance.connect();
    await sql.run(`ATTACH '${dir.path}/events.duckdb' AS store (READ_ONLY)`);
    const peerStages = await runFunnelSql(sql, orderedFunnelSql('store.events', 'store.activities', stageCaseSql(), 5));
    const peerFunnel = await runFunnelSql(
      sql,
      orderedFunnelSql('store.events', 'store.activities', plansToOrderCaseSql(), 5),
    );
    sql.closeSync();
    instance.closeSync();

    expect(stages.total.steps.map((s) => s.customers)).toEqual(peerStages.map((s) => s.customers));
    const ms = (seconds: number | null | undefined) => (seconds == null ? null : Math.round(seconds * 1000));
    expect(stages.total.steps.map((s) => ms(s.timeFromPrevious?.medianSeconds))).toEqual(
      peerStages.map((s) => ms(s.medianSeconds)),
    );
    expect(funnel.total.steps.map((s) => s.customers)).toEqual(peerFunnel.map((s) => s.customers));
    // A real funnel, not a trivial one: people drop off at every stage.
    expect(new Set(stages.total.steps.map((s) => s.customers)).size).toBe(5);
    dir.remove();
  });

  it('the running example, counted by hand', async () => {
    const workspace = await Workspace.open(':memory:', { journeyFiles: [RUNNING_EXAMPLE] });
    const { importFile } = await import('@waymark/runtime');
    await importFile(workspace.pipeline, `${PUBLIC}running-example.xes`);
    const count = async (params: Record<string, string>) =>
      (await workspace.report('funnel', params)).total.steps.map((s) => s.customers);
    // Cases 2, 3 and 6 are compensated; only case 3 is reinitiated and then paid.
    expect(await count({ funnel: 'Compensated' })).toEqual([6, 6, 3]);
    expect(await count({ funnel: 'Rework' })).toEqual([6, 2, 1]);
    // Register request straight followed by a casual examination: cases 3, 5 and 6.
    expect(await count({ funnel: 'Straight to casual examination' })).toEqual([6, 3]);
    const rework = await workspace.report('funnel', { funnel: 'Rework', dropOffAfter: '1' });
    expect(rework.dropOff?.customers.sort()).toEqual(['1', '2', '4', '6']);
    // After registering: casual examination 3 (cases 3, 5, 6), ticket check 2 (2, 4), thorough 1 (1, in Other at top=2).
    const paths = await workspace.report('paths', { startEvent: 'register request', depth: '3', top: '2' });
    const at = (step: number) => paths.nodes.filter((n) => n.step === step).map((n) => [n.label, n.customers]);
    expect(at(1)).toEqual([
      ['examine casually', 3],
      ['check ticket', 2],
      ['Other', 1],
    ]);
    expect(at(3)).toEqual([['decide', 6]]);
    expect(paths.variants[0]).toMatchObject({
      labels: ['register request', 'examine casually', 'check ticket', 'decide'],
      customers: 3,
    });
    // Leading to a payment: cases 2, 3 and 6 all decide right before paying.
    const toPay = await workspace.report('paths', { endEvent: 'pay compensation', depth: '1' });
    expect(toPay.nodes).toEqual([
      { step: 0, label: 'pay compensation', customers: 3, dropOff: 0 },
      { step: -1, label: 'decide', customers: 3, dropOff: 0 },
    ]);
    await workspace.close();
  });
});
