import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianOfSlice } from './order.ts';

describe('medianOfSlice', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(medianOfSlice(Float64Array.from([5, 1, 3]), 0, 3)).toBe(3);
    expect(medianOfSlice(Float64Array.from([4, 1, 3, 2]), 0, 4)).toBe(2.5);
    expect(medianOfSlice(Float64Array.from([9, 9, 1, 7, 7]), 1, 4)).toBe(7);
  });

  it('agrees with sorting for any values and slice (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (list, cut) => {
          const start = cut % list.length;
          const sorted = list.slice(start).sort((a, b) => a - b);
          const mid = sorted.length >> 1;
          const expected =
            sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
          expect(medianOfSlice(Float64Array.from(list), start, list.length)).toBe(expected);
        },
      ),
    );
  });
});
