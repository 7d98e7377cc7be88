import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReport } from '../reports.ts';
import { careEnvironment, HOUR, kpiIndex, type TestEvent } from './kpi-test-index.ts';

const maybe = <T>(...values: T[]) => fc.constantFrom<T | undefined>(undefined, ...values);

const contactArb = fc.record({
  outcome: maybe('resolved', 'abandoned', 'self_served', 'transferred'),
  queueSeconds: maybe(0, 3, 10, 30),
  talkSeconds: maybe(0, 60),
  reason: maybe('a', 'b'),
  medium: maybe('call', 'ivr', 'bot'),
  ivrSeconds: maybe(0, 20),
  transfers: maybe(0, 1),
  queue: maybe('care', 'sales'),
  contactId: maybe('k1', 'k2'),
});
const surveyArb = fc.record({
  survey: maybe('nps', 'csat', 'ces', 'other'),
  score: fc.integer({ min: -1, max: 11 }),
  contactId: maybe('k1', 'k2'),
});

interface Gen {
  customer: number;
  /** Half-days: FCR and containment windows open and close within the range. */
  time: number;
  who: 'anon' | 'user' | 'both';
  event: { activity: 'Contact Completed'; properties: object } | { activity: 'Survey Answered'; properties: object };
}

const genArb: fc.Arbitrary<Gen> = fc.record({
  customer: fc.integer({ min: 0, max: 4 }),
  time: fc.integer({ min: 0, max: 20 }),
  who: fc.constantFrom('anon', 'user', 'both') as fc.Arbitrary<Gen['who']>,
  event: fc.oneof(
    contactArb.map((properties) => ({ activity: 'Contact Completed' as const, properties })),
    surveyArb.map((properties) => ({ activity: 'Survey Answered' as const, properties })),
  ),
});

function toEvents(gens: readonly Gen[]): TestEvent[] {
  return gens.map((g) => ({
    who: g.who === 'anon' ? `anon:${g.customer}` : `u${g.customer}`,
    ...(g.who === 'both' ? { anonymousId: `anon:${g.customer}` } : {}),
    activity: g.event.activity,
    seconds: g.time * 12 * HOUR,
    properties: JSON.parse(JSON.stringify(g.event.properties)),
    channel: g.event.activity === 'Contact Completed' ? 'phone' : 'email',
  }));
}

const PARAMS: Array<Record<string, string>> = [
  {},
  { excludeShortAbandons: 'false', serviceLevelSeconds: '5' },
  { fcrDays: '2', containmentHours: '6', by: 'reason' },
  { by: 'queue' },
  { by: 'stage' },
  { by: 'channel', from: '1970-01-03', to: '1970-01-08' },
];

const environment = careEnvironment();
const run = (events: readonly TestEvent[]) => {
  const index = kpiIndex(events);
  return PARAMS.map((params) => runReport(index, 'kpis', params, environment));
};

/** Every rate in a report: objects with numerator, denominator and rate. */
function rates(value: unknown, out: Array<{ numerator: number; denominator: number }> = []): typeof out {
  if (value === null || typeof value !== 'object') return out;
  if ('numerator' in value && 'denominator' in value && 'rate' in value) out.push(value as (typeof out)[number]);
  for (const child of Object.values(value)) rates(child, out);
  return out;
}

describe('KPIs (properties)', () => {
  it('never have a numerator above its denominator, or counts out of order', () => {
    fc.assert(
      fc.property(fc.array(genArb, { maxLength: 40 }), (gens) => {
        for (const report of run(toEvents(gens))) {
          for (const r of rates(report)) {
            expect(r.numerator).toBeGreaterThanOrEqual(0);
            expect(r.numerator).toBeLessThanOrEqual(r.denominator);
          }
          for (const group of [report.total, ...report.total.by, ...report.groups]) {
            const k = 'kpis' in group ? group.kpis : report.total.kpis;
            const c = k.contactCentre;
            expect(c.answered).toBeLessThanOrEqual(c.offered);
            expect(c.offered).toBeLessThanOrEqual(c.contacts);
            expect(c.shortAbandons).toBeLessThanOrEqual(c.abandoned);
            expect(c.abandoned + c.answered).toBeLessThanOrEqual(c.offered);
            expect(Math.abs(k.voiceOfCustomer.nps.numerator)).toBeLessThanOrEqual(k.voiceOfCustomer.nps.denominator);
          }
        }
      }),
    );
  });

  it('are unchanged when events arrive shuffled, equal times keeping their order', () => {
    fc.assert(
      fc.property(fc.array(genArb, { maxLength: 40 }), fc.array(fc.nat(), { minLength: 1 }), (gens, picks) => {
        const key = (g: Gen) => `${g.customer}@${g.time}`;
        const tied = new Map<string, Gen[]>();
        for (const g of gens) tied.set(key(g), [...(tied.get(key(g)) ?? []), g]);
        // A random permutation; events sharing customer and time then get back their original order.
        const reordered = gens
          .map((g, i) => ({ g, i, r: picks[i % picks.length] as number }))
          .sort((a, b) => a.r - b.r || a.i - b.i)
          .map(({ g }) => (tied.get(key(g)) as Gen[]).shift() as Gen);
        expect(run(toEvents(reordered))).toEqual(run(toEvents(gens)));
      }),
    );
  });
});
