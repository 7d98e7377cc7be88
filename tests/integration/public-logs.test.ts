import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type DfgReport, directlyFollows, runReport } from '@waymark/core';
import { importFile, Workspace } from '@waymark/runtime';
import { describe, expect, it } from 'vitest';

const PUBLIC = new URL('../../../shared/data/public/', import.meta.url).pathname;
const MAPPINGS = new URL('../../docs/mappings/', import.meta.url).pathname;
const BIN = new URL('../../bin/waymark.mjs', import.meta.url).pathname;

/** The running example's directly-follows graph, counted by hand from its six cases. */
const RUNNING_EXAMPLE_EDGES: Array<[string, string, number]> = [
  ['check ticket', 'decide', 6],
  ['check ticket', 'examine casually', 2],
  ['check ticket', 'examine thoroughly', 1],
  ['decide', 'pay compensation', 3],
  ['decide', 'reinitiate request', 3],
  ['decide', 'reject request', 3],
  ['examine casually', 'check ticket', 4],
  ['examine casually', 'decide', 2],
  ['examine thoroughly', 'check ticket', 2],
  ['examine thoroughly', 'decide', 1],
  ['register request', 'check ticket', 2],
  ['register request', 'examine casually', 3],
  ['register request', 'examine thoroughly', 1],
  ['reinitiate request', 'check ticket', 1],
  ['reinitiate request', 'examine casually', 1],
  ['reinitiate request', 'examine thoroughly', 1],
];

async function workspaceWith(file: string, mapping?: string): Promise<Workspace> {
  const workspace = await Workspace.open(':memory:');
  const summary = await importFile(
    workspace.pipeline,
    `${PUBLIC}${file}`,
    mapping ? { mappingPath: `${MAPPINGS}${mapping}` } : {},
  );
  expect(summary.rejected).toEqual([]);
  return workspace;
}

type SqlEdge = [from: string, to: string, count: number, medianSeconds: number, p90Seconds: number];

/**
 * DFG edges computed independently, in SQL over the stored events: DuckDB's `median` (the mean
 * of the middle two for an even count) and `quantile_disc(…, 0.9)` (nearest rank) are the
 * report's definitions.
 */
async function sqlEdges(workspace: Workspace): Promise<SqlEdge[]> {
  const rows = await workspace.store.query(`
    SELECT activity AS "from", next AS "to", count(*)::INTEGER AS n,
      median(next_ms - timestamp_ms)::DOUBLE AS median_ms, quantile_disc(next_ms - timestamp_ms, 0.9)::DOUBLE AS p90_ms
    FROM (
      SELECT activity, timestamp_ms,
        lead(activity) OVER journey AS next, lead(timestamp_ms) OVER journey AS next_ms
      FROM events_view WHERE activity IS NOT NULL
      WINDOW journey AS (PARTITION BY coalesce(user_id, anonymous_id) ORDER BY timestamp_ms, seq))
    WHERE next IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
  return rows.map((r) => [
    r.from as string,
    r.to as string,
    r.n as number,
    (r.median_ms as number) / 1000,
    (r.p90_ms as number) / 1000,
  ]);
}

const edgeRows = (dfg: DfgReport): SqlEdge[] =>
  dfg.edges.map((e) => [e.from, e.to, e.count, e.medianSeconds, e.p90Seconds]);

describe('reports on the public logs', () => {
  it('running example: the DFG counted by hand, and every case its own variant', async () => {
    const workspace = await workspaceWith('running-example.xes');
    const dfg = runReport(workspace.index, 'dfg');
    expect(dfg.cases).toBe(6);
    expect(dfg.events).toBe(42);
    expect(dfg.edges.map((e) => [e.from, e.to, e.count])).toEqual(RUNNING_EXAMPLE_EDGES);
    expect(dfg.startActivities).toEqual({ 'register request': 6 });
    expect(dfg.endActivities).toEqual({ 'pay compensation': 3, 'reject request': 3 });
    // Register request → examine casually: case 3 after 34 min, case 6 after 64 min, case 5 after 25 h 14 min.
    // With fewer than 10 values the p90 (nearest rank) is the largest.
    const registerToCasual = dfg.edges.find((e) => e.from === 'register request' && e.to === 'examine casually');
    expect(registerToCasual).toMatchObject({ count: 3, medianSeconds: 64 * 60, p90Seconds: 25 * 3600 + 14 * 60 });
    // Check ticket → decide: 30 min, 20 h 6 min, 22 h 12 min, 49 h 38 min, 50 h 6 min, 160 h 44 min.
    const ticketToDecide = dfg.edges.find((e) => e.from === 'check ticket' && e.to === 'decide');
    expect(ticketToDecide).toMatchObject({
      count: 6,
      medianSeconds: ((22 * 60 + 12 + 49 * 60 + 38) * 60) / 2,
      p90Seconds: (160 * 60 + 44) * 60,
    });
    expect(edgeRows(dfg)).toEqual(await sqlEdges(workspace));
    const variants = runReport(workspace.index, 'variants');
    expect(variants.variantCount).toBe(6);
    expect(variants.variants.every((v) => v.count === 1)).toBe(true);
    await workspace.close();
  });

  it('the CLI prints the same JSON straight from the file', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      BIN,
      'report',
      'dfg',
      '--input',
      `${PUBLIC}running-example.xes`,
      '--json',
    ]);
    const workspace = await workspaceWith('running-example.xes');
    expect(JSON.parse(stdout)).toEqual(directlyFollows(workspace.index.rows(), workspace.index.activities.values));
    await workspace.close();
  });

  for (const [file, cases, events] of [
    ['helpdesk.xes.gz', 4580, 21348],
    ['bpic2013-incidents.xes.gz', 7554, 65533],
  ] as const) {
    it(`${file}: ${cases} cases, ${events} events, DFG (counts, medians, p90s) equal to SQL`, async () => {
      const workspace = await workspaceWith(file);
      const dfg = runReport(workspace.index, 'dfg');
      expect(dfg.cases).toBe(cases);
      expect(dfg.events).toBe(events);
      expect(edgeRows(dfg)).toEqual(await sqlEdges(workspace));
      const sqlVariants = await workspace.store.query(`
        SELECT count(DISTINCT seq_text)::INTEGER AS n FROM (
          SELECT string_agg(activity, chr(31) ORDER BY timestamp_ms, seq) AS seq_text
          FROM events_view WHERE activity IS NOT NULL GROUP BY user_id)`);
      expect(runReport(workspace.index, 'variants').variantCount).toBe(sqlVariants[0]?.n);
      await workspace.close();
    });
  }

  it('receipt.csv with its mapping: 1,434 cases and 8,577 events, DFG equal to SQL', async () => {
    const workspace = await workspaceWith('receipt.csv', 'receipt.mapping.yaml');
    const dfg = runReport(workspace.index, 'dfg');
    expect([dfg.cases, dfg.events]).toEqual([1434, 8577]);
    expect(edgeRows(dfg)).toEqual(await sqlEdges(workspace));
    await workspace.close();
  });

  it('bank call-centre CSV: one Contact Completed per call, identified customers stitched', async () => {
    const workspace = await workspaceWith('bank-calls-august.csv.gz', 'bank-calls.mapping.yaml');
    const overview = runReport(workspace.index, 'overview');
    expect(overview.events).toBe(42078);
    expect(overview.activities).toEqual([{ activity: 'Contact Completed', events: 42078 }]);
    const identified = await workspace.store.query(
      'SELECT count(DISTINCT user_id)::INTEGER AS n FROM events_view WHERE user_id IS NOT NULL',
    );
    // 4,744 distinct customer_id values, one of which is 0 ("unidentified"): 4,743 customers.
    expect(identified).toEqual([{ n: 4743 }]);
    await workspace.close();
  });
});
