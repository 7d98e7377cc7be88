import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ev } from '../../journey-index/test-events.ts';
import { overview } from './overview.ts';

describe('overview', () => {
  it('counts events and customers per bucket, channel and activity (hand-computed)', () => {
    const index = new JourneyIndex();
    const day = 86_400;
    [
      ev('u1', 'A', 0, { channel: 'web' }),
      ev('u1', 'B', 60, { channel: 'web' }),
      ev('u2', 'A', day + 5, { channel: 'app' }),
      ev('u1', 'A', day + 9, { channel: 'phone' }),
    ].forEach((e, i) => {
      index.add({ ...e, seq: i });
    });
    const report = overview(index.rows(), index.activities.values, 'day');
    expect(report.series).toEqual([
      { start: '1970-01-01T00:00:00.000Z', events: 2, customers: 1 },
      { start: '1970-01-02T00:00:00.000Z', events: 2, customers: 2 },
    ]);
    expect(report.channels).toEqual([
      { channel: 'web', events: 2, customers: 1 },
      { channel: 'app', events: 1, customers: 1 },
      { channel: 'phone', events: 1, customers: 1 },
    ]);
    expect(report.activities).toEqual([
      { activity: 'A', events: 3 },
      { activity: 'B', events: 1 },
    ]);
  });

  it('never makes more than 2,000 points, whatever the span', () => {
    const index = new JourneyIndex();
    index.add({ ...ev('u1', 'A', 0), timestampMs: Date.UTC(1, 0, 1), seq: 1 });
    index.add({ ...ev('u1', 'B', 0), timestampMs: Date.UTC(9999, 0, 1), seq: 2 });
    const report = overview(index.rows(), index.activities.values, 'week');
    expect(report.series.length).toBeLessThanOrEqual(2001);
    expect(report.bucketSeconds % (7 * 86_400)).toBe(0);
  });
});
