import { describe, expect, it } from 'vitest';
import type { Channel } from '../../events/channel.ts';
import { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ev } from '../../journey-index/test-events.ts';
import { runReport } from '../reports.ts';
import { calendarStart } from './retention.ts';

const DAY = 86_400;
const MONDAY = Date.UTC(2026, 0, 5) / 1000; // 2026-01-05 is a Monday

function indexOf(events: ReadonlyArray<readonly [string, string, number, Channel?]>): JourneyIndex {
  const index = new JourneyIndex();
  events.forEach(([who, activity, seconds, channel], seq) => {
    index.add({ ...ev(who, activity, seconds, { channel: channel ?? null }), seq });
  });
  return index;
}

describe('retention', () => {
  const index = indexOf([
    ['u1', 'Buy', MONDAY + 3600],
    ['u1', 'Use', MONDAY + 2 * DAY], // period 0
    ['u1', 'Use', MONDAY + 8 * DAY], // period 1
    ['u2', 'Look', MONDAY + DAY],
    ['u2', 'Buy', MONDAY + 2 * DAY],
    ['u2', 'Use', MONDAY + 16 * DAY + 1], // period 2 from its Buy
    ['u3', 'Buy', MONDAY + 7 * DAY], // next week's cohort
    ['u3', 'Look', MONDAY + 8 * DAY],
    ['u4', 'Look', MONDAY + 40 * DAY], // sets the data end; never buys
  ]);

  it('groups customers by the week of their start event and counts returns per period from their own start', () => {
    const report = runReport(index, 'retention', { startEvent: 'Buy', returnEvent: 'Use', periods: '4' });
    expect(report.cohorts).toEqual([
      { cohort: '2026-01-05', customers: 2, returned: [1, 1, 1, 0] },
      { cohort: '2026-01-12', customers: 1, returned: [0, 0, 0, null] },
    ]);
    // Period 3 (days 21–28 after each start) has passed for all three: day 7 + 28 ≤ day 40.
    expect(report.overall.map((r) => [r.numerator, r.denominator])).toEqual([
      [1, 3],
      [1, 3],
      [1, 3],
      [0, 3],
    ]);
  });

  it('by default, cohorts by first event and any return', () => {
    const report = runReport(index, 'retention', { period: 'day', periods: '3' });
    expect(report.cohorts.map((c) => [c.cohort, c.customers])).toEqual([
      ['2026-01-05', 1],
      ['2026-01-06', 1],
      ['2026-01-12', 1],
      ['2026-02-14', 1],
    ]);
    // u2: Look day 1, Buy day 2 → period 1.
    expect(report.cohorts[1]?.returned).toEqual([0, 1, 0]);
  });

  it('gives one cohort table per breakdown group, and the total over them all', () => {
    const byChannel = indexOf([
      ['u1', 'Buy', MONDAY + 3600, 'web'],
      ['u1', 'Use', MONDAY + 2 * DAY, 'app'], // u1: web, returns in period 0
      ['u2', 'Buy', MONDAY + 2 * DAY, 'web'], // u2: web, never returns
      ['u3', 'Buy', MONDAY + 7 * DAY, 'phone'],
      ['u3', 'Use', MONDAY + 15 * DAY, 'phone'], // u3: phone, period 1
      ['u4', 'Look', MONDAY + 40 * DAY, 'phone'], // sets the data end; never buys
    ]);
    const params = { startEvent: 'Buy', returnEvent: 'Use', periods: '2', breakdown: 'firstTouch' };
    const report = runReport(byChannel, 'retention', params);
    expect(report.cohorts).toEqual([
      { cohort: '2026-01-05', customers: 2, returned: [1, 0] },
      { cohort: '2026-01-12', customers: 1, returned: [0, 1] },
    ]);
    expect(report.groups.map((g) => [g.name, g.customers, g.cohorts])).toEqual([
      ['web', 2, [{ cohort: '2026-01-05', customers: 2, returned: [1, 0] }]],
      ['phone', 1, [{ cohort: '2026-01-12', customers: 1, returned: [0, 1] }]],
    ]);
    // u4's group (phone) has no start event, and no other channel has a customer: no more groups.
    expect(report.groups[0]?.overall.map((r) => [r.numerator, r.denominator])).toEqual([
      [1, 2],
      [0, 2],
    ]);
    expect(report.groups[1]?.overall.map((r) => [r.numerator, r.denominator])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(runReport(byChannel, 'retention', { ...params, breakdown: '' }).groups).toEqual([]);
  });

  it('calendar periods start on UTC days, Mondays and the 1st', () => {
    const t = Date.UTC(2026, 1, 12, 15); // Thursday 12 Feb 2026
    expect(new Date(calendarStart(t, 'day')).toISOString()).toBe('2026-02-12T00:00:00.000Z');
    expect(new Date(calendarStart(t, 'week')).toISOString()).toBe('2026-02-09T00:00:00.000Z');
    expect(new Date(calendarStart(t, 'month')).toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  it('names a bad period', () => {
    expect(() => runReport(index, 'retention', { period: 'year' })).toThrow(/period: expected day, week or month/);
  });
});
