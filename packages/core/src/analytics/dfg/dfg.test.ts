import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ev } from '../../journey-index/test-events.ts';
import { directlyFollows } from './dfg.ts';

describe('directlyFollows', () => {
  it('counts edges, starts and ends, with median durations (hand-computed)', () => {
    const index = new JourneyIndex();
    const events = [
      // u1: A(0) B(10) C(40)     u2: A(0) B(30) B(31)     u3: A(5) C(25)
      ev('u1', 'A', 0),
      ev('u1', 'B', 10),
      ev('u1', 'C', 40),
      ev('u2', 'A', 0),
      ev('u2', 'B', 30),
      ev('u2', 'B', 31),
      ev('u3', 'A', 5),
      ev('u3', 'C', 25),
    ];
    events.forEach((e, i) => {
      index.add({ ...e, seq: i });
    });
    expect(directlyFollows(index.rows(), index.activities.values)).toEqual({
      cases: 3,
      events: 8,
      activities: ['A', 'B', 'C'],
      edges: [
        { from: 'A', to: 'B', count: 2, medianSeconds: 20 }, // 10 and 30
        { from: 'A', to: 'C', count: 1, medianSeconds: 20 },
        { from: 'B', to: 'B', count: 1, medianSeconds: 1 },
        { from: 'B', to: 'C', count: 1, medianSeconds: 30 },
      ],
      startActivities: { A: 3 },
      endActivities: { B: 1, C: 2 },
    });
  });

  it('is empty on an empty index', () => {
    const index = new JourneyIndex();
    expect(directlyFollows(index.rows(), index.activities.values)).toEqual({
      cases: 0,
      events: 0,
      activities: [],
      edges: [],
      startActivities: {},
      endActivities: {},
    });
  });
});

describe('directlyFollows medians (property)', () => {
  function naiveMedians(journeys: Array<Array<[string, number]>>): Map<string, number> {
    const byEdge = new Map<string, number[]>();
    for (const steps of journeys) {
      for (let i = 1; i < steps.length; i++) {
        const key = `${steps[i - 1]?.[0]}→${steps[i]?.[0]}`;
        byEdge.set(key, [...(byEdge.get(key) ?? []), (steps[i]?.[1] ?? 0) - (steps[i - 1]?.[1] ?? 0)]);
      }
    }
    const out = new Map<string, number>();
    for (const [key, values] of byEdge) {
      values.sort((x, y) => x - y);
      const mid = values.length >> 1;
      out.set(
        key,
        (values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2) /
          1000,
      );
    }
    return out;
  }

  for (const activityCount of [4, 140]) {
    it(`equal a naive sort per edge (${activityCount} activities${activityCount > 128 ? ': the keep-all path' : ''})`, () => {
      const gap = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 4e10 }));
      const journey = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), gap), { minLength: 1, maxLength: 12 });
      fc.assert(
        fc.property(fc.array(journey, { minLength: 1, maxLength: 25 }), (raw) => {
          const journeys = raw.map((steps) => {
            let t = 0;
            return steps.map(([code, step]): [string, number] => {
              t += step;
              return [`A${code}`, t];
            });
          });
          const index = new JourneyIndex();
          for (let code = 0; code < activityCount; code++) index.activities.codeOf(`A${code}`);
          let seq = 0;
          journeys.forEach((steps, c) => {
            for (const [name, ms] of steps) index.add({ ...ev(`u${c}`, name, 0), timestampMs: ms, seq: ++seq });
          });
          const dfg = directlyFollows(index.rows(), index.activities.values);
          const expected = naiveMedians(journeys);
          expect(new Map(dfg.edges.map((e) => [`${e.from}→${e.to}`, e.medianSeconds]))).toEqual(expected);
        }),
      );
    });
  }
});

describe('directlyFollows with very many activities', () => {
  it('keeps memory to the edges that occur (30,000 activity names)', () => {
    const index = new JourneyIndex();
    let seq = 0;
    for (let c = 0; c < 10_000; c++) {
      // Product ids in event names: three distinct names per customer.
      for (let k = 0; k < 3; k++) index.add({ ...ev(`u${c}`, `Viewed product ${c * 3 + k}`, k * 10), seq: ++seq });
    }
    const before = process.memoryUsage().arrayBuffers;
    const dfg = directlyFollows(index.rows(), index.activities.values);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    expect(dfg.activities).toHaveLength(30_000);
    expect(dfg.edges).toHaveLength(20_000);
    expect(dfg.edges.every((e) => e.count === 1 && e.medianSeconds === 10)).toBe(true);
  });
});
