import { JourneyIndex, runReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { reportText } from './report-text.ts';

function indexOf(events: ReadonlyArray<readonly [string, string, number, 'web' | 'app']>): JourneyIndex {
  const index = new JourneyIndex();
  events.forEach(([userId, activity, seconds, channel], seq) => {
    index.add({
      type: 'track',
      userId,
      anonymousId: null,
      previousId: null,
      timestampMs: seconds * 1000,
      activity,
      channel,
      seq,
    });
  });
  return index;
}

describe('readable paths and retention output', () => {
  const index = indexOf([
    ['u1', 'A', 0, 'web'],
    ['u1', 'B', 60, 'web'],
    ['u2', 'A', 0, 'app'],
    ['u2', 'C', 86_400 * 3, 'app'],
    ['u3', 'A', 86_400 * 20, 'app'],
  ]);

  it('shows the paths of the total, then of each breakdown group', () => {
    const text = reportText(
      'paths',
      runReport(index, 'paths', { startEvent: 'A', depth: '1', breakdown: 'firstTouch' }),
    );
    expect(text).toMatch(/^Paths from A \(1 step, by event\): 3 customers/);
    expect(text).toMatch(/app: 2 customers\n/);
    expect(text).toMatch(/web: 1 customers\n/);
    expect(text).toContain('A → B');
  });

  it('shows the cohort table of the total, then of each breakdown group', () => {
    const report = runReport(index, 'retention', { period: 'day', periods: '2', breakdown: 'firstTouch' });
    const text = reportText('retention', report);
    expect(text).toMatch(/^Retention by day: \(any event\), then \(any event\)/);
    expect(text).toMatch(/cohort\s+customers\s+day 0\s+day 1/);
    expect(text).toMatch(/app: 2 customers\n/);
  });
});
