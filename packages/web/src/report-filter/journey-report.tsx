import type { ReactNode } from 'react';
import { chosenJourney, type JourneySummary, useJourneys } from '../api/journeys.ts';
import type { ApiState } from '../api/use-api.ts';
import { NoJourneys } from '../components/no-journeys.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useReportFilter } from './use-report-filter.ts';

/** What a journey report page starts from: the journeys, the filter in the address, and the journey chosen. */
export function useJourneyFilter() {
  const journeys = useJourneys();
  const filterState = useReportFilter();
  const list = journeys.data?.journeys ?? null;
  const journey = list === null ? undefined : chosenJourney(list, filterState.filter.journey);
  /** The journey to ask the API for: the address's (even when unknown, so the server names it), else the first. */
  const journeyId = filterState.filter.journey !== '' ? filterState.filter.journey : (journey?.id ?? '');
  return { ...filterState, journeys, list, journey, journeyId };
}

/** Renders `children` once the journeys are known and there is at least one; else loading, error or how to add one. */
export function JourneyGate({
  journeys,
  children,
}: {
  journeys: ApiState<{ journeys: JourneySummary[] }>;
  children: (list: JourneySummary[]) => ReactNode;
}) {
  if (journeys.error !== null) return <ErrorBox error={journeys.error} onRetry={journeys.reload} />;
  if (journeys.data === null) return <Loading />;
  if (journeys.data.journeys.length === 0) return <NoJourneys />;
  return <>{children(journeys.data.journeys)}</>;
}
