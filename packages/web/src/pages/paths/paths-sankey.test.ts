import type { PathsReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { DROP_OFF, JOURNEY_START, pathsSankey, stepName } from './paths-sankey.ts';

const from: PathsReport = {
  direction: 'from',
  anchor: 'Home Viewed',
  steps: 2,
  by: 'event',
  customers: 10,
  nodes: [
    { step: 0, label: 'Home Viewed', customers: 10, dropOff: 2 },
    { step: 1, label: 'Other', customers: 5, dropOff: 0 },
    { step: 1, label: 'Home Viewed', customers: 3, dropOff: 1 },
    { step: 2, label: 'Plans Viewed', customers: 7, dropOff: 0 },
  ],
  links: [
    { fromStep: 0, from: 'Home Viewed', to: 'Other', customers: 5 },
    { fromStep: 0, from: 'Home Viewed', to: 'Home Viewed', customers: 3 },
    { fromStep: 1, from: 'Other', to: 'Plans Viewed', customers: 5 },
    { fromStep: 1, from: 'Home Viewed', to: 'Plans Viewed', customers: 2 },
  ],
  variants: [],
  groups: [],
};

describe('pathsSankey', () => {
  it('gives a label one node per step, and drop-off a sink one column on', () => {
    const sankey = pathsSankey(from);
    expect(sankey.nodes.map((n) => [n.id, n.name, n.column, n.customers])).toEqual([
      ['0:Home Viewed', 'Home Viewed', 0, 10],
      ['1:Home Viewed', 'Home Viewed', 1, 3],
      ['1:Other', 'Other', 1, 5],
      ['1:\u0000drop-off', DROP_OFF, 1, 2],
      ['2:Plans Viewed', 'Plans Viewed', 2, 7],
      ['2:\u0000drop-off', DROP_OFF, 2, 1],
    ]);
    expect(sankey.columns).toBe(3);
    expect(sankey.tallestColumn).toBe(3);
    expect(sankey.links).toContainEqual({
      source: '0:Home Viewed',
      target: '1:Home Viewed',
      customers: 3,
      kind: 'path',
    });
    expect(sankey.links).toContainEqual({
      source: '1:Home Viewed',
      target: '2:\u0000drop-off',
      customers: 1,
      kind: 'drop-off',
    });
    // Every link joins two nodes, and what flows out of a node never exceeds what is in it.
    const ids = new Set(sankey.nodes.map((n) => n.id));
    for (const link of sankey.links) expect(ids.has(link.source) && ids.has(link.target)).toBe(true);
    for (const node of sankey.nodes) {
      const out = sankey.links.filter((l) => l.source === node.id).reduce((sum, l) => sum + l.customers, 0);
      if (node.kind === 'step' && node.step < from.steps) expect(out).toBe(node.customers);
    }
  });

  it('leads to an anchor left to right in time, paths that begin early fed by a journey start', () => {
    const to: PathsReport = {
      ...from,
      direction: 'to',
      anchor: 'Order Completed',
      nodes: [
        { step: 0, label: 'Order Completed', customers: 4, dropOff: 1 },
        { step: -1, label: 'Signed Up', customers: 3, dropOff: 0 },
        { step: -2, label: 'Plans Viewed', customers: 3, dropOff: 0 },
      ],
      links: [
        { fromStep: 0, from: 'Order Completed', to: 'Signed Up', customers: 3 },
        { fromStep: -1, from: 'Signed Up', to: 'Plans Viewed', customers: 3 },
      ],
    };
    const sankey = pathsSankey(to);
    expect(sankey.nodes.map((n) => [n.id, n.column])).toEqual([
      ['-2:Plans Viewed', 0],
      ['-1:Signed Up', 1],
      ['-1:\u0000start', 1],
      ['0:Order Completed', 2],
    ]);
    expect(sankey.nodes[2]!.name).toBe(JOURNEY_START);
    expect(sankey.links).toEqual([
      { source: '-1:\u0000start', target: '0:Order Completed', customers: 1, kind: 'start' },
      { source: '-1:Signed Up', target: '0:Order Completed', customers: 3, kind: 'path' },
      { source: '-2:Plans Viewed', target: '-1:Signed Up', customers: 3, kind: 'path' },
    ]);
  });

  it('names steps', () => {
    expect(stepName(0, 'from', false)).toBe('First event');
    expect(stepName(0, 'to', true)).toBe('Anchor');
    expect(stepName(2, 'from', true)).toBe('Step 2');
    expect(stepName(-1, 'to', true)).toBe('1 step before');
    expect(stepName(-3, 'to', true)).toBe('3 steps before');
  });
});
