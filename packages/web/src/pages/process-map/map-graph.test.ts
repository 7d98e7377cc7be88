import type { DfgReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import {
  activityCounts,
  allArcs,
  countSteps,
  defaultMinCount,
  meanSteps,
  START_ID,
  visibleGraph,
} from './map-graph.ts';

/** A transition; the map's structure does not depend on its times. */
const edge = (from: string, to: string, count: number) => ({ from, to, count, medianSeconds: 1, p90Seconds: 2 });

// u1: A B C, u2: A B B, u3: A C.
const report: DfgReport = {
  cases: 3,
  events: 8,
  activities: ['A', 'B', 'C'],
  edges: [edge('A', 'B', 2), edge('A', 'C', 1), edge('B', 'B', 1), edge('B', 'C', 1)],
  startActivities: { A: 3 },
  endActivities: { B: 1, C: 2 },
};

describe('process map graph', () => {
  it('counts each activity as its starts plus the transitions into it', () => {
    expect(activityCounts(report)).toEqual(
      new Map([
        ['A', 3],
        ['B', 3],
        ['C', 2],
      ]),
    );
  });

  it('has an arc per transition, start and end activity; the slider stops at each distinct count', () => {
    const arcs = allArcs(report);
    expect(arcs.map((arc) => [arc.kind, arc.count])).toEqual([
      ['transition', 2],
      ['transition', 1],
      ['transition', 1],
      ['transition', 1],
      ['start', 3],
      ['end', 1],
      ['end', 2],
    ]);
    expect(countSteps(arcs)).toEqual([1, 2, 3]);
  });

  it('keeps the arcs seen at least minCount times and the nodes they touch', () => {
    const arcs = allArcs(report);
    const all = visibleGraph(report, arcs, 1);
    // One end marker below each activity journeys end at, with the journeys ending there.
    expect(all.nodes.map((n) => [n.id, n.count])).toEqual([
      ['start', 3],
      ['activity:A', 3],
      ['activity:B', 3],
      ['end:B', 1],
      ['activity:C', 2],
      ['end:C', 2],
    ]);
    expect(all.arcs).toHaveLength(7);
    const two = visibleGraph(report, arcs, 2);
    expect(two.arcs.map((arc) => [arc.from, arc.to])).toEqual([
      ['activity:A', 'activity:B'],
      [START_ID, 'activity:A'],
      ['activity:C', 'end:C'],
    ]);
    expect(two.nodes.map((n) => n.id)).toEqual(['start', 'activity:A', 'activity:B', 'activity:C', 'end:C']);
    expect(visibleGraph(report, arcs, 3).nodes.map((n) => n.id)).toEqual(['start', 'activity:A']);
    expect(visibleGraph(report, arcs, 4)).toEqual({ nodes: [], arcs: [] });
  });

  it('orders nodes as journeys flow: by the mean step at which each activity occurs', () => {
    // Start → X → Y → Z → X (a loop back) and Start → W → Y: only Z → X points backwards.
    const flow: DfgReport = {
      cases: 10,
      events: 0,
      activities: ['W', 'X', 'Y', 'Z'],
      edges: [edge('W', 'Y', 4), edge('X', 'Y', 6), edge('Y', 'Z', 10), edge('Z', 'X', 3)],
      startActivities: { W: 4, X: 6 },
      endActivities: { Z: 10 },
    };
    // X = 3 (Z + 1) / 9, Y = (4 · 1 + 6 (X + 1)) / 10, Z = Y + 1: X = 1.25, Y = 1.75, Z = 2.75.
    const steps = meanSteps(flow);
    expect([...steps].map(([name, step]) => [name, Math.round(step * 1e6) / 1e6])).toEqual([
      ['W', 0],
      ['X', 1.25],
      ['Y', 1.75],
      ['Z', 2.75],
    ]);
    const graph = visibleGraph(flow, allArcs(flow), 1);
    expect(graph.nodes.map((n) => n.id)).toEqual([
      'start',
      'activity:W',
      'activity:X',
      'activity:Y',
      'activity:Z',
      'end:Z',
    ]);
  });

  it('starts at the lowest count that leaves at most the limit of arcs', () => {
    const arcs = allArcs(report);
    const steps = countSteps(arcs);
    expect(defaultMinCount(steps, arcs, 7)).toBe(1);
    expect(defaultMinCount(steps, arcs, 6)).toBe(2); // counts 3 2 2 1 …: above the 7th largest (1)
    expect(defaultMinCount(steps, arcs, 2)).toBe(3);
    expect(defaultMinCount(steps, arcs, 0)).toBe(4);
  });
});
