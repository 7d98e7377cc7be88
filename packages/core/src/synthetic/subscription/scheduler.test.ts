import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler.ts';

function drain(scheduler: Scheduler, openEveryMs: number | null): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let horizon = 0;
  for (;;) {
    if (openEveryMs !== null && scheduler.size === 0) {
      if (horizon > 10_000) break;
      horizon += openEveryMs;
      scheduler.openUntil(horizon);
      continue;
    }
    if (!scheduler.take()) break;
    out.push([scheduler.nowMs, scheduler.id]);
  }
  return out;
}

describe('scheduler', () => {
  it('takes entries by time, and entries at the same time in the order they were scheduled', () => {
    const scheduler = new Scheduler();
    scheduler.schedule(5, 0, 1);
    scheduler.schedule(3, 1, 2);
    scheduler.schedule(5, 2, 3);
    scheduler.schedule(1, 3, 4);
    expect(drain(scheduler, null)).toEqual([
      [1, 4],
      [3, 2],
      [5, 1],
      [5, 3],
    ]);
  });

  it('gives the same order with day buckets as without (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9_999 }), { maxLength: 300 }), (times) => {
        const plain = new Scheduler();
        const bucketed = new Scheduler(0, 1000);
        times.forEach((t, i) => {
          plain.schedule(t, 0, i);
          bucketed.schedule(t, 0, i);
        });
        expect(drain(bucketed, 1000)).toEqual(drain(plain, null));
      }),
    );
  });
});
