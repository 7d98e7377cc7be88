import type { KpisReport } from '@waymark/core';
import { useApi } from '../../api/use-api.ts';
import { PageHeader } from '../../components/layout.tsx';
import { NoJourneys } from '../../components/no-journeys.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { Field, FilterBar, isBadRequest, refusedParam } from '../../report-filter/filter-bar.tsx';
import { useJourneyFilter } from '../../report-filter/journey-report.tsx';
import type { FilterField } from '../../report-filter/report-filter.ts';
import { setQueryParams, useLocation } from '../../router/router.tsx';
import { KpiThresholds } from './kpi-thresholds.tsx';
import {
  DEFAULT_GROUP_BY,
  GROUP_BY_CHOICES,
  KPI_PAGE_PARAMS,
  type KpiGroupBy,
  kpisQuery,
  needsJourney,
  parseGroupBy,
  readThresholds,
} from './kpis-params.ts';
import { KpisView } from './kpis-view.tsx';
import './kpis.css';

const FIELDS: readonly FilterField[] = ['from', 'to', 'breakdown', 'segment'];
const FIELDS_WITH_JOURNEY: readonly FilterField[] = ['journey', ...FIELDS];

export function KpisPage() {
  const { journeys, list, journeyId, filter, setFilter, clear } = useJourneyFilter();
  const { search } = useLocation();
  const by = parseGroupBy(search.get('by')) ?? DEFAULT_GROUP_BY;
  const thresholds = readThresholds(search);
  const noJourney = needsJourney(by) && list !== null && list.length === 0;
  // Stage and touchpoint wait for the journeys, to ask for the right one.
  const waiting = needsJourney(by) && journeyId === '';
  const query = kpisQuery(filter, by, thresholds, journeyId);
  const report = useApi<KpisReport>(waiting ? null : `/api/reports/kpis${query === '' ? '' : `?${query}`}`);
  const invalid = refusedParam(report.error, KPI_PAGE_PARAMS);

  return (
    <>
      <PageHeader
        title="KPIs"
        subtitle="Voice of the customer and the contact centre: every KPI with the counts it is computed from."
      />
      <FilterBar
        journeys={list ?? []}
        filter={filter}
        onChange={setFilter}
        onClear={clear}
        fields={needsJourney(by) ? FIELDS_WITH_JOURNEY : FIELDS}
        error={report.error}
        pageParams={KPI_PAGE_PARAMS}
        dateTime
      >
        <Field label="Group by" htmlFor="kpi-by" invalid={invalid === 'by'}>
          <select
            id="kpi-by"
            className="select"
            value={by}
            onChange={(event) => {
              const next = event.target.value as KpiGroupBy;
              setQueryParams({ by: next === DEFAULT_GROUP_BY ? null : next });
            }}
            aria-invalid={invalid === 'by'}
            data-testid="kpi-by"
          >
            {GROUP_BY_CHOICES.map((choice) => (
              <option
                key={choice.value}
                value={choice.value}
                disabled={needsJourney(choice.value) && list !== null && list.length === 0}
              >
                {choice.label}
              </option>
            ))}
          </select>
        </Field>
      </FilterBar>
      <KpiThresholds values={thresholds} definitions={report.data?.definitions ?? null} invalid={invalid} />
      {journeys.error !== null && needsJourney(by) && <ErrorBox error={journeys.error} onRetry={journeys.reload} />}
      {noJourney && <NoJourneys />}
      {report.error !== null && !isBadRequest(report.error) && (
        <ErrorBox error={report.error} onRetry={report.reload} />
      )}
      {!noJourney && report.data === null && report.error === null && <Loading />}
      {!noJourney && report.data !== null && report.error === null && (
        <div className={report.loading ? 'stale' : undefined} data-testid="kpis">
          <KpisView report={report.data} by={by} breakdown={filter.breakdown} />
        </div>
      )}
    </>
  );
}
