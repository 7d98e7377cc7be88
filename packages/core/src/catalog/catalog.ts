import { compareText } from '../analytics/shared/order.ts';
import type { SortedRows } from '../journey-index/sort.ts';

/** An activity (journey event name) in the data, with how often it occurs. */
export interface ActivityCount {
  activity: string;
  events: number;
  /** Customers with at least one such event. */
  customers: number;
}

/** What type an attribute's values have had: `mixed` when more than one. */
export type AttributeValueType = 'string' | 'number' | 'boolean' | 'mixed';

/** An attribute path seen in the data, as filters and breakdowns name it. */
export interface SeenAttribute {
  /** `properties.plan`, `context.locale`, `traits.persona`: what `segment` and `breakdown` take. */
  path: string;
  type: AttributeValueType;
}

/**
 * Every activity of the journey index with its events and customers, most events first (ties
 * by name): what an event picker offers.
 */
export function activityCounts(rows: SortedRows, activityNames: readonly string[]): ActivityCount[] {
  const events = new Int32Array(activityNames.length);
  const customers = new Int32Array(activityNames.length);
  // The last customer (run) counted for each activity, so each customer counts once.
  const lastRun = new Int32Array(activityNames.length).fill(-1);
  for (let r = 0; r < rows.runCount; r++) {
    for (let row = rows.runStart[r] as number; row < (rows.runStart[r + 1] as number); row++) {
      const activity = rows.activity[row] as number;
      events[activity]++;
      if (lastRun[activity] !== r) {
        lastRun[activity] = r;
        customers[activity]++;
      }
    }
  }
  return activityNames
    .map((activity, code) => ({ activity, events: events[code] as number, customers: customers[code] as number }))
    .filter((entry) => entry.events > 0)
    .sort((a, b) => b.events - a.events || compareText(a.activity, b.activity));
}
