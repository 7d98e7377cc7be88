import type { JourneySummary } from '@waymark/core';
import { type ApiState, useApi } from './use-api.ts';

/** A journey definition as `GET /api/journeys` lists it: enough for pickers and labels. */
export type { JourneySummary };

export interface JourneyList {
  journeys: JourneySummary[];
}

/** The workspace's journey definitions. */
export function useJourneys(): ApiState<JourneyList> {
  return useApi<JourneyList>('/api/journeys');
}

/** The journey a page is about: the one named in the address, else the first there is. */
export function chosenJourney(journeys: readonly JourneySummary[], id: string): JourneySummary | undefined {
  return id === '' ? journeys[0] : journeys.find((journey) => journey.id === id);
}
