import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJourney } from '../journey-definition/parse-journey.ts';
import { JourneyIndex } from '../journey-index/journey-index.ts';
import { ev } from '../journey-index/test-events.ts';
import type { ReportEnvironment } from './report-environment.ts';
import { reportPlan, runReport } from './reports.ts';
import { splitKernel } from './split/split-kernels.ts';

const JOURNEY = `id: j
name: J
stages: [{ name: S0 }, { name: S1 }, { name: S2 }]
touchpoints:
  - { name: A, stage: S0, match: { event: A } }
  - { name: B, stage: S1, match: { event: B } }
  - { name: C special, stage: S2, match: { event: C, where: { properties.p: x } } }
  - { name: D, stage: S2, match: { event: D } }
funnels:
  - name: ABC
    window: 10s
    steps: [{ touchpoint: A }, { touchpoint: B }, { touchpoint: C special }]
  - name: ABD excluding C
    steps: [{ touchpoint: A }, { touchpoint: B }, { touchpoint: D }]
    exclusions: [{ match: { event: C }, between: [2, 3] }]
`;

function environment(): ReportEnvironment {
  const parsed = parseJourney(JOURNEY);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { journeys: new Map([['j', parsed.journey]]) };
}

/** An index tracking properties.p and traits.tier from the start (as a workspace does before reports). */
function indexOf(
  events: ReadonlyArray<readonly [string, string | null, number, Record<string, unknown>?]>,
): JourneyIndex {
  const index = new JourneyIndex();
  index.trackEventAttribute('properties.p', { seq: new Float64Array(0), code: new Int32Array(0), values: [] });
  index.trackTrait('traits.tier', {
    identity: new Int32Array(0),
    seq: new Float64Array(0),
    code: new Int32Array(0),
    values: [],
  });
  events.forEach(([who, activity, seconds, extra], seq) => {
    index.add({
      ...ev(who, activity, seconds),
      ...(activity === null ? { traits: extra ?? null } : { properties: extra ?? null }),
      seq,
    });
  });
  return index;
}

const counts = (report: { total: { steps: Array<{ customers: number }> } }): number[] =>
  report.total.steps.map((s) => s.customers);

describe('stage funnel', () => {
  const index = indexOf([
    ['u1', 'A', 0],
    ['u1', 'B', 5],
    ['u1', 'C', 8, { p: 'x' }], // C with p=x is S2
    ['u2', 'B', 0], // S1 before S0: does not count in order
    ['u2', 'A', 10],
    ['u2', 'C', 20, { p: 'y' }], // no touchpoint
    ['u3', 'A', 0],
    ['u3', 'B', 100],
    ['u3', 'D', 101],
    ['u1', null, 0, { tier: 'vip' }],
  ]);

  it('counts customers reaching the stages in order, and in any order', () => {
    const report = runReport(index, 'stage-funnel', {}, environment());
    expect(counts(report)).toEqual([3, 2, 2]);
    expect(report.total.steps.map((s) => s.reachedAnyOrder)).toEqual([3, 3, 2]);
    expect(report.total.steps[1]?.droppedOff).toBe(1);
    expect(report.total.steps[1]?.timeFromPrevious).toMatchObject({ count: 2, medianSeconds: 52.5, p90Seconds: 100 });
    expect(report.total.steps[2]?.conversionFromStart).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
  });

  it('with a window, counts a stage only within it of the previous one', () => {
    expect(counts(runReport(index, 'stage-funnel', { window: '10s' }, environment()))).toEqual([3, 1, 1]);
  });

  it('breaks down by trait and filters by date and segment', () => {
    const byTier = runReport(index, 'stage-funnel', { breakdown: 'traits.tier' }, environment());
    expect(byTier.groups.map((g) => [g.name, counts({ total: g })])).toEqual([
      ['(none)', [2, 1, 1]],
      ['vip', [1, 1, 1]],
    ]);
    expect(counts(runReport(index, 'stage-funnel', { segment: 'traits.tier=vip' }, environment()))).toEqual([1, 1, 1]);
    expect(counts(runReport(index, 'stage-funnel', { segment: 'properties.p=y' }, environment()))).toEqual([1, 0, 0]);
    // Only events from 5 s on: u1 starts at B, u3's A at 0 is gone.
    expect(counts(runReport(index, 'stage-funnel', { from: '1970-01-01T00:00:05Z' }, environment()))).toEqual([
      1, 0, 0,
    ]);
  });

  it('flags the total with isTotal, so a group named "total" is still a group', () => {
    const named = indexOf([
      ['u1', null, 0, { tier: 'total' }],
      ['u1', 'A', 1],
      ['u2', 'A', 1],
    ]);
    for (const report of ['stage-funnel', 'funnel'] as const) {
      const { total, groups } = runReport(named, report, { breakdown: 'traits.tier' }, environment());
      expect([total.name, total.isTotal]).toEqual(['total', true]);
      expect(groups.map((g) => [g.name, g.isTotal])).toEqual([
        ['(none)', false],
        ['total', false],
      ]);
    }
  });

  it('names bad filter parameters', () => {
    const run = (params: Record<string, string>) => () => runReport(index, 'stage-funnel', params, environment());
    expect(run({ from: '2026-02-01', to: '2026-01-01' })).toThrow(/to: expected a time after from/);
    expect(run({ from: 'yesterday' })).toThrow(/from: expected an ISO date/);
    expect(run({ segment: 'persona=founder' })).toThrow(/segment: expected conditions like/);
    expect(run({ segment: 'traits.score>=high' })).toThrow(/needs a number/);
    expect(run({ breakdown: 'persona' })).toThrow(/breakdown: expected an attribute path/);
    expect(run({ journey: 'nope' })).toThrow(/journey: no journey "nope"/);
  });
});

describe('event funnel', () => {
  const index = indexOf([
    ['u1', 'A', 0],
    ['u1', 'A', 30],
    ['u1', 'B', 35],
    ['u1', 'C', 38, { p: 'x' }],
    ['u2', 'A', 0],
    ['u2', 'B', 5],
    ['u2', 'C', 20, { p: 'x' }], // outside 10 s of A
    ['u3', 'A', 0],
    ['u3', 'B', 1],
    ['u3', 'C', 2, { p: 'z' }], // excluded from ABD
    ['u3', 'D', 3],
    ['u4', 'B', 0],
    ['u4', 'A', 1],
    ['u4', 'D', 2],
  ]);

  it('ordered, with a window: the latest start counts (u1 converts from its second A)', () => {
    const report = runReport(index, 'funnel', { funnel: 'ABC' }, environment());
    expect(counts(report)).toEqual([4, 3, 1]);
    expect(report.total.timeToConvert).toMatchObject({ count: 1, medianSeconds: 8 });
  });

  it('applies exclusions between steps', () => {
    expect(counts(runReport(index, 'funnel', { funnel: 'ABD excluding C' }, environment()))).toEqual([4, 3, 0]);
  });

  it('strict: each step the very next event', () => {
    expect(counts(runReport(index, 'funnel', { steps: 'A>B>C', mode: 'strict' }, environment()))).toEqual([4, 3, 3]);
    expect(counts(runReport(index, 'funnel', { steps: 'A>B>D', mode: 'strict' }, environment()))).toEqual([4, 3, 0]);
  });

  it('any order: distinct steps within the window', () => {
    expect(counts(runReport(index, 'funnel', { steps: 'A>B>D', mode: 'any', window: '4s' }, environment()))).toEqual([
      4, 2, 2,
    ]);
    expect(counts(runReport(index, 'funnel', { steps: 'A>B>D', mode: 'any', window: '5s' }, environment()))).toEqual([
      4, 4, 2,
    ]);
  });

  it('lists the customers who dropped off after a step', () => {
    const report = runReport(index, 'funnel', { funnel: 'ABC', dropOffAfter: '2' }, environment());
    expect(report.dropOff).toEqual({ afterStep: 2, count: 2, customers: ['u2', 'u3'] });
  });
});

const eventArb = fc.record({
  customer: fc.integer({ min: 0, max: 4 }),
  seconds: fc.integer({ min: 0, max: 8 }),
  activity: fc.constantFrom('A', 'B', 'C', 'D'),
  p: fc.constantFrom('x', 'y', null),
});
type Gen = { customer: number; seconds: number; activity: string; p: string | null };

function build(events: readonly Gen[]): JourneyIndex {
  return indexOf(
    events.map((e) => [`u${e.customer}`, e.activity, e.seconds, e.p === null ? undefined : { p: e.p }] as const),
  );
}

const PARAMS = [
  { report: 'stage-funnel', params: {} },
  { report: 'stage-funnel', params: { window: '3s' } },
  { report: 'funnel', params: { funnel: 'ABC' } },
  { report: 'funnel', params: { funnel: 'ABD excluding C' } },
  { report: 'funnel', params: { steps: 'A>B>C>D', mode: 'strict' } },
  { report: 'funnel', params: { steps: 'A>B>C>D', mode: 'any', window: '4s' } },
] as const;

describe('paths', () => {
  const index = indexOf([
    ['u1', 'A', 0],
    ['u1', 'B', 1],
    ['u1', 'C', 2],
    ['u2', 'D', 0],
    ['u2', 'A', 1],
    ['u2', 'B', 5],
    ['u3', 'A', 0],
    ['u3', 'D', 1],
    ['u3', 'D', 2],
    ['u3', 'D', 3],
  ]);

  it('counts the steps after an anchor, with drop-off and variants', () => {
    const report = runReport(index, 'paths', { startEvent: 'A', depth: '2', top: '1' });
    expect(report.customers).toBe(3);
    expect(report.nodes).toEqual([
      { step: 0, label: 'A', customers: 3, dropOff: 0 },
      { step: 1, label: 'B', customers: 2, dropOff: 1 }, // u2 ends after B
      { step: 1, label: 'Other', customers: 1, dropOff: 0 }, // u3's D, beyond top 1
      { step: 2, label: 'C', customers: 1, dropOff: 0 },
      { step: 2, label: 'Other', customers: 1, dropOff: 0 },
    ]);
    expect(report.links).toContainEqual({ fromStep: 0, from: 'A', to: 'B', customers: 2 });
    expect(report.variants).toEqual([
      { labels: ['A', 'B'], customers: 1, medianSeconds: 4 },
      { labels: ['A', 'B', 'C'], customers: 1, medianSeconds: 2 },
      { labels: ['A', 'D', 'D'], customers: 1, medianSeconds: 2 },
    ]);
  });

  it('counts the steps leading to an anchor', () => {
    const report = runReport(index, 'paths', { endEvent: 'B', depth: '2' });
    expect(report.nodes.map((n) => [n.step, n.label, n.customers])).toEqual([
      [0, 'B', 2],
      [-1, 'A', 2],
      [-2, 'D', 1],
    ]);
  });

  it("with a breakdown, gives each group its nodes, links and variants over the total's labels", () => {
    const grouped = indexOf([
      ['u1', 'A', 0, { p: 'x' }],
      ['u1', 'B', 1],
      ['u1', 'C', 2],
      ['u2', 'D', 0, { p: 'y' }], // u2's first p (before the anchor) decides its group
      ['u2', 'A', 1],
      ['u2', 'B', 5],
      ['u3', 'A', 0], // no p: (none)
      ['u3', 'D', 1],
      ['u3', 'D', 2],
      ['u4', 'A', 0, { p: 'x' }],
      ['u4', 'B', 3],
    ]);
    const report = runReport(grouped, 'paths', { startEvent: 'A', depth: '2', breakdown: 'properties.p' });
    expect(report.customers).toBe(4);
    expect(report.variants).toEqual([
      { labels: ['A', 'B'], customers: 2, medianSeconds: 3.5 },
      { labels: ['A', 'B', 'C'], customers: 1, medianSeconds: 2 },
      { labels: ['A', 'D', 'D'], customers: 1, medianSeconds: 2 },
    ]);
    expect(report.groups.map((g) => [g.name, g.customers])).toEqual([
      ['x', 2],
      ['(none)', 1],
      ['y', 1],
    ]);
    expect(report.groups[0]).toEqual({
      name: 'x',
      customers: 2,
      nodes: [
        { step: 0, label: 'A', customers: 2, dropOff: 0 },
        { step: 1, label: 'B', customers: 2, dropOff: 1 }, // u4 ends after B
        { step: 2, label: 'C', customers: 1, dropOff: 0 },
      ],
      links: [
        { fromStep: 0, from: 'A', to: 'B', customers: 2 },
        { fromStep: 1, from: 'B', to: 'C', customers: 1 },
      ],
      variants: [
        { labels: ['A', 'B'], customers: 1, medianSeconds: 3 },
        { labels: ['A', 'B', 'C'], customers: 1, medianSeconds: 2 },
      ],
    });
    expect(report.groups[2]?.variants).toEqual([{ labels: ['A', 'B'], customers: 1, medianSeconds: 4 }]);
    // With one label kept per step, the total keeps B (3) and C (C and D tie at 1; by name):
    // u3's D at both steps is Other in its group too.
    const top1 = runReport(grouped, 'paths', { startEvent: 'A', depth: '2', top: '1', breakdown: 'properties.p' });
    expect(top1.groups[1]?.nodes.map((n) => [n.step, n.label, n.customers])).toEqual([
      [0, 'A', 1],
      [1, 'Other', 1],
      [2, 'Other', 1],
    ]);
    expect(runReport(grouped, 'paths', { startEvent: 'A' }).groups).toEqual([]);
  });

  it("from each customer's first event, has no anchor (null)", () => {
    const report = runReport(index, 'paths', { depth: '1' });
    expect(report.anchor).toBeNull();
    expect(report.nodes.filter((n) => n.step === 0).map((n) => [n.label, n.customers])).toEqual([
      ['A', 2],
      ['D', 1],
    ]);
  });

  it('refuses two anchors', () => {
    expect(() => runReport(index, 'paths', { startEvent: 'A', endEvent: 'B' })).toThrow(/give one anchor/);
  });
});

describe('journey reports (properties)', () => {
  it('never count more customers at a later step than an earlier one', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 50 }), (events) => {
        const index = build(events);
        for (const { report, params } of PARAMS) {
          const steps = counts(runReport(index, report, params, environment()));
          for (let s = 1; s < steps.length; s++) expect(steps[s]).toBeLessThanOrEqual(steps[s - 1] as number);
        }
      }),
    );
  });

  it('are unchanged when events arrive shuffled, equal times keeping their order', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 50 }), fc.array(fc.nat(), { minLength: 1 }), (events, picks) => {
        // A random permutation; then events sharing customer and time get back their original order.
        const shuffled = events
          .map((e, i) => ({ e, i, r: picks[i % picks.length] as number }))
          .sort((a, b) => a.r - b.r || a.i - b.i);
        const key = (e: Gen): string => `${e.customer}@${e.seconds}`;
        const tied = new Map<string, Gen[]>();
        for (const e of events) tied.set(key(e), [...(tied.get(key(e)) ?? []), e]);
        const reordered = shuffled.map(({ e }) => (tied.get(key(e)) as Gen[]).shift() as Gen);
        const a = build(events);
        const b = build(reordered);
        for (const { report, params } of PARAMS) {
          expect(runReport(b, report, params, environment())).toEqual(runReport(a, report, params, environment()));
        }
        const pathParams = { startEvent: 'A', depth: '3', top: '2' };
        expect(runReport(b, 'paths', pathParams)).toEqual(runReport(a, 'paths', pathParams));
        const retention = { startEvent: 'A', returnEvent: 'C', period: 'day', periods: '2' };
        expect(runReport(b, 'retention', retention)).toEqual(runReport(a, 'retention', retention));
      }),
      { numRuns: 60 },
    );
  });

  it('break paths down into groups that are each the report on just their customers', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 50 }), (events) => {
        const params = { startEvent: 'A', depth: '3' }; // top 8 keeps every label: no Other
        const report = runReport(build(events), 'paths', { ...params, breakdown: 'properties.p' });
        // A customer's group is their first p, in time order (equal times in arrival order).
        const groupOf = new Map<number, string>();
        const ordered = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.seconds - b.e.seconds || a.i - b.i);
        for (const { e } of ordered)
          if (!groupOf.has(e.customer) || groupOf.get(e.customer) === '(none)')
            groupOf.set(e.customer, e.p ?? '(none)');
        for (const group of report.groups) {
          const alone = runReport(build(events.filter((e) => groupOf.get(e.customer) === group.name)), 'paths', params);
          const { name: _name, ...rest } = group;
          expect(rest).toEqual({
            customers: alone.customers,
            nodes: alone.nodes,
            links: alone.links,
            variants: alone.variants,
          });
        }
        expect(report.groups.reduce((sum, g) => sum + g.customers, 0)).toBe(report.customers);
      }),
      { numRuns: 60 },
    );
  });

  it('break retention down into groups that add up to the total, cell by cell', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 50 }), (events) => {
        const report = runReport(build(events), 'retention', {
          period: 'day',
          periods: '2',
          breakdown: 'properties.p',
        });
        for (const cohort of report.cohorts) {
          const cells = report.groups.flatMap((g) => g.cohorts.filter((c) => c.cohort === cohort.cohort));
          expect(cells.reduce((sum, c) => sum + c.customers, 0)).toBe(cohort.customers);
          cohort.returned.forEach((returned, k) => {
            const sum = cells.reduce(
              (total, c) => (c.returned[k] === null ? total : total + (c.returned[k] as number)),
              0,
            );
            expect(returned === null ? cells.every((c) => c.returned[k] === null) : sum === returned).toBe(true);
          });
        }
        report.overall.forEach((overall, k) => {
          const parts = report.groups.map((g) => g.overall[k] as { numerator: number; denominator: number });
          expect([overall.numerator, overall.denominator]).toEqual([
            parts.reduce((sum, r) => sum + r.numerator, 0),
            parts.reduce((sum, r) => sum + r.denominator, 0),
          ]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('are the same split into parts at any customers, as worker threads run them', () => {
    const splitParams = [
      ...PARAMS,
      { report: 'stage-funnel', params: { breakdown: 'properties.p' } },
      { report: 'funnel', params: { funnel: 'ABC', breakdown: 'firstTouch', dropOffAfter: '1', limit: '2' } },
      { report: 'retention', params: { startEvent: 'A', returnEvent: 'C', period: 'day', periods: '2' } },
      { report: 'retention', params: { period: 'month', periods: '3', segment: 'properties.p=x' } },
      { report: 'paths', params: { startEvent: 'A', depth: '3', top: '2' } },
      { report: 'paths', params: { endEvent: 'C', depth: '2', by: 'touchpoint' } },
      { report: 'retention', params: { period: 'day', periods: '3', breakdown: 'properties.p' } },
      { report: 'retention', params: { startEvent: 'B', breakdown: 'traits.tier', from: '1970-01-01T00:00:02Z' } },
      { report: 'paths', params: { startEvent: 'A', depth: '3', top: '2', variants: '2', breakdown: 'properties.p' } },
      { report: 'paths', params: { endEvent: 'C', depth: '2', breakdown: 'firstTouch', segment: 'properties.p=x|y' } },
    ] as const;
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 50 }), fc.array(fc.nat(), { maxLength: 3 }), (events, cuts) => {
        const index = build(events);
        for (const { report, params } of splitParams) {
          const plan = reportPlan(index, report, params, environment());
          if (plan === undefined) throw new Error(`${report} has no kernel plan`);
          const kernel = splitKernel(plan.kernel);
          const runs = plan.rows.runCount;
          const bounds = [0, ...cuts.map((c) => c % (runs + 1)).sort((a, b) => a - b), runs];
          // What crosses to a worker and back is structured-cloned.
          const input = structuredClone(plan.input);
          const parts = bounds
            .slice(1)
            .map((to, i) => structuredClone(kernel.collect(plan.rows, input, bounds[i] as number, to)));
          const split = plan.present(kernel.finish(plan.rows, plan.input, kernel.merge(parts)));
          expect(split).toEqual(runReport(index, report, params, environment()));
        }
      }),
      { numRuns: 60 },
    );
  });
});
