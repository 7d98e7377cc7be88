import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ev } from '../../journey-index/test-events.ts';
import { directlyFollows } from './dfg.ts';

describe('directlyFollows', () => {
  it('counts edges, starts and ends, with median and p90 durations (hand-computed)', () => {
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
        // 10 and 30: the p90's rank is ⌈0.9 × 2⌉ − 1 = 1 (0-based), the larger one
        { from: 'A', to: 'B', count: 2, medianSeconds: 20, p90Seconds: 30 },
        { from: 'A', to: 'C', count: 1, medianSeconds: 20, p90Seconds: 20 },
        { from: 'B', to: 'B', count: 1, medianSeconds: 1, p90Seconds: 1 },
        { from: 'B', to: 'C', count: 1, medianSeconds: 30, p90Seconds: 30 },
      ],
      startActivities: { A: 3 },
      endActivities: { B: 1, C: 2 },
    });
  });

  it('takes the p90 by nearest rank (hand-computed, 11 and 20 durations)', () => {
    const index = new JourneyIndex();
    let seq = 0;
    // A→B after 1, 2, …, 20 s (one customer each, in shuffled order); C→D after 0, 10, …, 100 s.
    for (const s of [7, 20, 1, 13, 4, 18, 10, 2, 16, 9, 5, 19, 3, 11, 17, 6, 15, 12, 14, 8]) {
      index.add({ ...ev(`ab${s}`, 'A', 0), seq: ++seq });
      index.add({ ...ev(`ab${s}`, 'B', s), seq: ++seq });
    }
    for (let k = 10; k >= 0; k--) {
      index.add({ ...ev(`cd${k}`, 'C', 0), seq: ++seq });
      index.add({ ...ev(`cd${k}`, 'D', k * 10), seq: ++seq });
    }
    const edges = directlyFollows(index.rows(), index.activities.values).edges;
    expect(edges).toEqual([
      // 20 values: median (10 + 11) / 2; p90 rank ⌈18⌉ − 1 = 17, the 18th smallest
      { from: 'A', to: 'B', count: 20, medianSeconds: 10.5, p90Seconds: 18 },
      // 11 values: median the 6th (50 s); p90 rank ⌈9.9⌉ − 1 = 9, the 10th smallest (90 s)
      { from: 'C', to: 'D', count: 11, medianSeconds: 50, p90Seconds: 90 },
    ]);
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

describe('directlyFollows medians and p90s (property)', () => {
  /** Per edge: [median, p90] in seconds, by sorting every duration. */
  function naiveQuantiles(journeys: Array<Array<[string, number]>>): Map<string, [number, number]> {
    const byEdge = new Map<string, number[]>();
    for (const steps of journeys) {
      for (let i = 1; i < steps.length; i++) {
        const key = `${steps[i - 1]?.[0]}→${steps[i]?.[0]}`;
        byEdge.set(key, [...(byEdge.get(key) ?? []), (steps[i]?.[1] ?? 0) - (steps[i - 1]?.[1] ?? 0)]);
      }
    }
    const out = new Map<string, [number, number]>();
    for (const [key, values] of byEdge) {
      values.sort((x, y) => x - y);
      const mid = values.length >> 1;
      const median =
        values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
      const p90 = values[Math.ceil(values.length * 0.9) - 1] as number;
      out.set(key, [median / 1000, p90 / 1000]);
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
          const expected = naiveQuantiles(journeys);
          expect(new Map(dfg.edges.map((e) => [`${e.from}→${e.to}`, [e.medianSeconds, e.p90Seconds]]))).toEqual(
            expected,
          );
        }),
      );
    });
  }
});

describe('directlyFollows on large edges (selection narrowed to sub-buckets)', () => {
  it('equals a sort per edge, with ties, and with the median and p90 in one bucket or two', () => {
    // One long journey A B A B …: A→B after 1,000–1,270 ms in µs steps (the median and p90 in
    // one bucket), B→A after exponentially distributed whole ms (in different buckets; ties).
    const steps = 400_000;
    let seed = 12345;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed + 0.5) / 2 ** 32;
    };
    const durations: number[][] = [[], []];
    const timestampMs = new Float64Array(steps + 1);
    const activity = new Int32Array(steps + 1);
    for (let i = 1; i <= steps; i++) {
      activity[i] = i % 2;
      const ms = i % 2 === 1 ? 1000 + Math.floor(random() * 270_000) / 1000 : Math.floor(-Math.log(random()) * 60_000);
      timestampMs[i] = (timestampMs[i - 1] as number) + ms;
      durations[activity[i - 1] as number]?.push((timestampMs[i] as number) - (timestampMs[i - 1] as number));
    }
    const length = steps + 1;
    const rows = {
      length,
      customer: new Int32Array(length),
      timestampMs,
      activity,
      channel: new Uint8Array(length),
      seq: Float64Array.from({ length }, (_, i) => i),
      attributes: [],
      runStart: Int32Array.of(0, length),
      runCount: 1,
    };
    const sorted = durations.map((values) => values.sort((x, y) => x - y));
    const expected = sorted.map((values) => {
      const mid = values.length >> 1;
      const median = (values.length % 2 ? values[mid] : ((values[mid - 1] ?? 0) + (values[mid] ?? 0)) / 2) ?? 0;
      return [median / 1000, (values[Math.ceil(values.length * 0.9) - 1] ?? 0) / 1000];
    });
    const edges = directlyFollows(rows, ['A', 'B']).edges;
    expect(edges.map((e) => [e.from, e.to, e.count, e.medianSeconds, e.p90Seconds])).toEqual([
      ['A', 'B', steps / 2, ...(expected[0] as number[])],
      ['B', 'A', steps / 2, ...(expected[1] as number[])],
    ]);
  });
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
    expect(dfg.edges.every((e) => e.count === 1 && e.medianSeconds === 10 && e.p90Seconds === 10)).toBe(true);
  });
});
