import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DurationSlice, timeStatsOf } from './time-stats.ts';

const EDGES = [60, 600, 3600, 21_600, 86_400, 604_800, 2_592_000];

/** The definitions, computed the obvious way: sort everything. */
function bySorting(all: number[]) {
  const sorted = [...all].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (i: number) => sorted[i] as number;
  const histogram = new Array(EDGES.length + 1).fill(0);
  for (const v of all) histogram[EDGES.filter((edge) => v >= edge).length]++;
  return {
    count: n,
    medianSeconds: n === 0 ? null : (at((n - 1) >> 1) + at(n >> 1)) / 2,
    p90Seconds: n === 0 ? null : at(Math.min(n - 1, Math.max(0, Math.ceil(0.9 * n) - 1))),
    histogram,
  };
}

function columns(lists: number[][]): DurationSlice[] {
  // Spare room at the end of each column, as growable columns have.
  return lists.map((list) => {
    const values = new Float64Array(list.length + 3).fill(-1);
    values.set(list);
    return { values, length: list.length };
  });
}

function check(lists: number[][]): void {
  const stats = timeStatsOf(columns(lists));
  const expected = bySorting(lists.flat());
  expect({ ...stats, histogram: stats.histogram.map((bin) => bin.count) }).toEqual(expected);
}

describe('timeStatsOf', () => {
  it('is exact by hand: middle two averaged, p90 by nearest rank, bins at their edges', () => {
    const stats = timeStatsOf(
      columns([
        [60, 59.999, 3600],
        [86_400, 0, 600],
      ]),
    );
    expect(stats.count).toBe(6);
    expect(stats.medianSeconds).toBe((60 + 600) / 2);
    expect(stats.p90Seconds).toBe(86_400);
    expect(stats.histogram.map((bin) => bin.count)).toEqual([2, 1, 1, 1, 0, 1, 0, 0]);
    expect(timeStatsOf([])).toMatchObject({ count: 0, medianSeconds: null, p90Seconds: null });
  });

  it('agrees with sorting for any durations, split over any columns (property)', () => {
    const duration = fc.oneof(
      fc.integer({ min: 0, max: 100_000_000 }).map((ms) => ms / 1000),
      fc.constantFrom(0, 0.001, 60, 600, 3600, 21_600, 86_400, 604_800, 2_592_000, 59.999, 1e15),
      fc.double({ min: -1e6, max: 1e12, noNaN: true }),
      // Many values close together, so one bucket holds most of them.
      fc.integer({ min: 0, max: 50 }).map((ms) => 86_400 + ms / 1000),
    );
    fc.assert(fc.property(fc.array(fc.array(duration, { maxLength: 200 }), { maxLength: 4 }), check), {
      numRuns: 300,
    });
  });
});
