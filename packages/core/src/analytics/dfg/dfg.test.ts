import { describe, expect, it } from 'vitest';
import { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ev } from '../../journey-index/test-events.ts';
import { directlyFollows } from './dfg.ts';

describe('directlyFollows', () => {
  it('counts edges, starts and ends, with median durations (hand-computed)', () => {
    const index = new JourneyIndex();
    const events = [
      // u1: A(0) B(10) C(40)     u2: A(0) B(30) B(31)     u3: A(5) C(25)
      ev('u1', 'A', 0),
      ev('u1', 'B', 10),
      ev('u1', 'C', 40),
      ev('u2', 'A', 0),
      ev('u2', 'B', 30),
      ev('u2', 'B', 31),
      ev('u3', 'A', 5),
      ev('u3', 'C', 25),
    ];
    events.forEach((e, i) => {
      index.add({ ...e, seq: i });
    });
    expect(directlyFollows(index.rows(), index.activities.values)).toEqual({
      cases: 3,
      events: 8,
      activities: ['A', 'B', 'C'],
      edges: [
        { from: 'A', to: 'B', count: 2, medianSeconds: 20 }, // 10 and 30
        { from: 'A', to: 'C', count: 1, medianSeconds: 20 },
        { from: 'B', to: 'B', count: 1, medianSeconds: 1 },
        { from: 'B', to: 'C', count: 1, medianSeconds: 30 },
      ],
      startActivities: { A: 3 },
      endActivities: { B: 1, C: 2 },
    });
  });

  it('is empty on an empty index', () => {
    const index = new JourneyIndex();
    expect(directlyFollows(index.rows(), index.activities.values)).toEqual({
      cases: 0,
      events: 0,
      activities: [],
      edges: [],
      startActivities: {},
      endActivities: {},
    });
  });
});
