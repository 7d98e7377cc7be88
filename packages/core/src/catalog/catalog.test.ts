import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../journey-index/journey-index.ts';
import { ev } from '../journey-index/test-events.ts';
import { activityCounts } from './catalog.ts';

describe('activity counts', () => {
  it('counts events and customers per activity, most events first, ties by name', () => {
    const index = new JourneyIndex();
    const events = [
      ev('u1', 'B', 0),
      ev('u1', 'A', 1),
      ev('u1', 'A', 2),
      ev('u2', 'C', 0),
      ev('u2', 'A', 1),
      ev('u2', null, 2), // an identify call: no activity
      ev('u3', 'B', 0),
    ];
    events.forEach((event, seq) => {
      index.add({ ...event, seq });
    });
    expect(activityCounts(index.rows(), index.activities.values)).toEqual([
      { activity: 'A', events: 3, customers: 2 },
      { activity: 'B', events: 2, customers: 2 },
      { activity: 'C', events: 1, customers: 1 },
    ]);
  });
});
