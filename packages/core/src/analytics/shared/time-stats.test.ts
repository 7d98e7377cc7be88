import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOfMs } from './duration-buckets.ts';
import { DurationColumn, type DurationSlice } from './duration-column.ts';
import { timeStatsOf } from './time-stats.ts';

const EDGES_MS = [60, 600, 3600, 21_600, 86_400, 604_800, 2_592_000].map((s) => s * 1000);

/** The definitions, computed the obvious way: sort everything (in ms, reported in seconds). */
function bySorting(all: number[]) {
  const sorted = [...all].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (i: number) => sorted[i] as number;
  const histogram = new Array(EDGES_MS.length + 1).fill(0);
  for (const v of all) histogram[EDGES_MS.filter((edge) => v >= edge).length]++;
  return {
    count: n,
    medianSeconds: n === 0 ? null : (at((n - 1) >> 1) + at(n >> 1)) / 2 / 1000,
    p90Seconds: n === 0 ? null : at(Math.min(n - 1, Math.max(0, Math.ceil(0.9 * n) - 1))) / 1000,
    histogram,
  };
}

function columns(lists: number[][]): DurationSlice[] {
  return lists.map((list) => {
    // Small capacity, so the columns grow as they fill.
    const column = new DurationColumn(2);
    for (const ms of list) column.push(ms);
    return column.slice();
  });
}

function check(lists: number[][]): void {
  const stats = timeStatsOf(columns(lists));
  const expected = bySorting(lists.flat());
  expect({ ...stats, histogram: stats.histogram.map((bin) => bin.count) }).toEqual(expected);
}

describe('duration buckets', () => {
  it('never put a larger duration in an earlier bucket (property)', () => {
    const ms = fc.oneof(fc.integer({ min: -5, max: 2 ** 33 }), fc.double({ min: -10, max: 1e13, noNaN: true }));
    fc.assert(
      fc.property(ms, ms, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(bucketOfMs(low)).toBeLessThanOrEqual(bucketOfMs(high));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('timeStatsOf', () => {
  it('is exact by hand: middle two averaged, p90 by nearest rank, bins at their edges', () => {
    const stats = timeStatsOf(
      columns([
        [60_000, 59_999, 3_600_000],
        [86_400_000, 0, 600_000],
      ]),
    );
    expect(stats.count).toBe(6);
    expect(stats.medianSeconds).toBe((60 + 600) / 2);
    expect(stats.p90Seconds).toBe(86_400);
    expect(stats.histogram.map((bin) => bin.count)).toEqual([2, 1, 1, 1, 0, 1, 0, 0]);
    expect(timeStatsOf([])).toMatchObject({ count: 0, medianSeconds: null, p90Seconds: null });
  });

  it('reads the values a column has outside the buckets it set aside near its own quantiles', () => {
    // The first column's own median and p90 are 1 s; its one 4.9 s value is in no bucket near
    // them, yet it is one of the middle two of the columns together.
    const first = [...Array(10).fill(1000), 4900];
    const second = Array(11).fill(5000);
    expect(columns([first, second])[0]?.near?.buckets).not.toContain(bucketOfMs(4900));
    check([first, second]);
    expect(timeStatsOf(columns([first, second])).medianSeconds).toBe(4.95);
  });

  it('agrees with sorting for any durations, split over any columns (property)', () => {
    const duration = fc.oneof(
      fc.integer({ min: 0, max: 100_000_000_000 }),
      fc.constantFrom(0, 1, 2, 3, ...EDGES_MS, 59_999, 2 ** 32 - 1, 2 ** 32, 1e15),
      fc.double({ min: -1e6, max: 1e12, noNaN: true }),
      // Many values close together, so one bucket holds most of them.
      fc.integer({ min: 0, max: 50 }).map((ms) => 86_400_000 + ms),
    );
    fc.assert(fc.property(fc.array(fc.array(duration, { maxLength: 200 }), { maxLength: 4 }), check), {
      numRuns: 300,
    });
  });
});
