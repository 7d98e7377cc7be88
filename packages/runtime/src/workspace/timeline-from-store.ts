import { type JourneyIndex, type TimelineReport, withStoredDetails } from '@waymark/core';
import type { EventStore } from '@waymark/storage';

/**
 * Completes a timeline from the store: the ids each event arrived with, contact and survey
 * details and traits (free text the index does not hold), read by the customer's identity codes.
 */
export async function timelineFromStore(
  store: EventStore,
  index: JourneyIndex,
  timeline: TimelineReport,
): Promise<TimelineReport> {
  const codes: number[] = [];
  for (const name of timeline.identities) {
    const code = index.identities.lookup(name);
    if (code !== undefined) codes.push(code);
  }
  return withStoredDetails(timeline, await store.customerEvents(codes));
}
