import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../journey-index/journey-index.ts';
import { ev } from '../journey-index/test-events.ts';
import { runReport } from './reports.ts';

interface Gen {
  customer: number;
  seconds: number;
  activity: string;
  who: 'anon' | 'user' | 'both';
}

const eventArb = fc.record({
  customer: fc.integer({ min: 0, max: 5 }),
  seconds: fc.integer({ min: 0, max: 6 }), // few distinct times: many ties
  activity: fc.constantFrom('A', 'B', 'C', 'D'),
  who: fc.constantFrom('anon', 'user', 'both') as fc.Arbitrary<Gen['who']>,
});

function build(events: readonly Gen[]): JourneyIndex {
  const index = new JourneyIndex();
  events.forEach((e, i) => {
    const anon = `anon:${e.customer}`;
    const user = `u${e.customer}`;
    const base = ev(e.who === 'anon' ? anon : user, e.activity, e.seconds);
    index.add({ ...base, anonymousId: e.who === 'user' ? null : anon, seq: i });
  });
  return index;
}

/** A random interleaving that keeps the order of events with the same customer and time. */
function shuffleKeepingTies(events: readonly Gen[], picks: readonly number[]): Gen[] {
  const groups = new Map<string, Gen[]>();
  for (const e of events) {
    const key = `${e.customer}@${e.seconds}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const queues = [...groups.values()];
  const out: Gen[] = [];
  let p = 0;
  while (queues.length > 0) {
    const q = (picks[p++ % Math.max(1, picks.length)] ?? 0) % queues.length;
    const queue = queues[q] as Gen[];
    out.push(queue.shift() as Gen);
    if (queue.length === 0) queues.splice(q, 1);
  }
  return out;
}

describe('reports (properties)', () => {
  it('are unchanged when the same events arrive shuffled, ties keeping their order', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.array(fc.nat(), { minLength: 1 }), (events, picks) => {
        const original = build(events);
        const shuffled = build(shuffleKeepingTies(events, picks));
        for (const name of ['dfg', 'variants', 'overview'] as const) {
          expect(runReport(shuffled, name)).toEqual(runReport(original, name));
        }
      }),
    );
  });

  it('count every event exactly once in the DFG (edges = events − cases)', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (events) => {
        const dfg = runReport(build(events), 'dfg');
        expect(dfg.events).toBe(events.length);
        expect(dfg.edges.reduce((sum, e) => sum + e.count, 0)).toBe(dfg.events - dfg.cases);
        const starts = Object.values(dfg.startActivities).reduce((a, b) => a + b, 0);
        expect(starts).toBe(dfg.cases);
      }),
    );
  });
});

describe('the index folded bit by bit (property)', () => {
  it('gives the same reports as one fold, whatever reads happen between arrivals', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 80 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 10 }),
        (events, cuts) => {
          const whole = build(events);
          const index = new JourneyIndex();
          const readAt = new Set(cuts);
          events.forEach((e, i) => {
            const anon = `anon:${e.customer}`;
            const user = `u${e.customer}`;
            index.add({
              ...ev(e.who === 'anon' ? anon : user, e.activity, e.seconds),
              anonymousId: e.who === 'user' ? null : anon,
              seq: i,
            });
            if (readAt.has(i % 21)) index.rows(); // a report in between: folds what has arrived
          });
          for (const name of ['dfg', 'variants', 'overview'] as const) {
            expect(runReport(index, name)).toEqual(runReport(whole, name));
          }
        },
      ),
    );
  });
});
