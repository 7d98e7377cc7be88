import { describe, expect, it } from 'vitest';
import { compileMatch, type MatchContext } from './event-matcher.ts';
import { matchesEveryRow, matchTable } from './match-table.ts';

const context: MatchContext = {
  activityNames: ['Home Viewed', 'App Opened'],
  attribute: () => ({ values: ['pro', 'basic'], codes: new Int32Array(0) }),
};

describe('matchesEveryRow', () => {
  it('holds only for a matcher that takes the activity on every channel with nothing to check', () => {
    const table = matchTable(
      [
        compileMatch({ event: 'App Opened' }, context),
        compileMatch({ event: 'App Opened', channel: 'app' }, context),
        compileMatch({ event: 'App Opened', where: { 'properties.plan': 'pro' } }, context),
        compileMatch({}, context),
      ],
      context.activityNames.length,
    );
    const appOpened = 1;
    expect([0, 1, 2, 3].map((k) => matchesEveryRow(table, appOpened, k))).toEqual([true, false, false, true]);
    // Home Viewed: only the any-event matcher takes it.
    expect([0, 1, 2, 3].map((k) => matchesEveryRow(table, 0, k))).toEqual([false, false, false, true]);
  });
});
