import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ev } from '../../journey-index/test-events.ts';
import { variants } from './variants.ts';

function indexOf(journeys: Record<string, string[]>): JourneyIndex {
  const index = new JourneyIndex();
  let seq = 0;
  for (const [who, steps] of Object.entries(journeys)) {
    steps.forEach((step, t) => {
      index.add({ ...ev(who, step, t), seq: ++seq });
    });
  }
  return index;
}

describe('variants', () => {
  it('counts customers per exact sequence, most common first, ties by activity list', () => {
    const index = indexOf({
      u1: ['A', 'B'],
      u2: ['A', 'C'],
      u3: ['A', 'B'],
      u4: ['A'],
      u5: ['B', 'A'],
      u6: ['A', 'C'],
      u7: ['A', 'B', 'C'],
    });
    expect(variants(index.rows(), index.activities.values)).toEqual({
      cases: 7,
      variantCount: 5,
      variants: [
        { activities: ['A', 'B'], count: 2 },
        { activities: ['A', 'C'], count: 2 },
        { activities: ['A'], count: 1 },
        { activities: ['A', 'B', 'C'], count: 1 },
        { activities: ['B', 'A'], count: 1 },
      ],
    });
    expect(variants(index.rows(), index.activities.values, { top: 2 }).variants).toHaveLength(2);
  });

  it('keeps long sequences that differ only late apart', () => {
    const long = Array.from({ length: 200 }, (_, i) => `S${i % 7}`);
    const index = indexOf({ u1: long, u2: [...long.slice(0, -1), 'S9'], u3: long });
    const report = variants(index.rows(), index.activities.values);
    expect(report.variantCount).toBe(2);
    expect(report.variants.map((v) => v.count)).toEqual([2, 1]);
  });
});

describe('variants (property)', () => {
  it('equals a naive count of joined sequences', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 3 }),
          fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 6 }),
        ),
        (journeys) => {
          const naive = new Map<string, number>();
          for (const steps of Object.values(journeys))
            naive.set(steps.join('|'), (naive.get(steps.join('|')) ?? 0) + 1);
          const index = indexOf(journeys);
          const report = variants(index.rows(), index.activities.values);
          expect(report.variantCount).toBe(naive.size);
          expect(new Map(report.variants.map((v) => [v.activities.join('|'), v.count]))).toEqual(naive);
        },
      ),
    );
  });
});
