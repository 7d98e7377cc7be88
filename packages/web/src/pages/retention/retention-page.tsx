import type { RetentionPeriod, RetentionReport } from '@waymark/core';
import { useActivityNames } from '../../api/catalog.ts';
import { useApi } from '../../api/use-api.ts';
import { PageHeader, Segmented } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { Field, FilterBar, isBadRequest, refusedParam } from '../../report-filter/filter-bar.tsx';
import { chosenGroup, GROUP_PARAM, GroupPicker } from '../../report-filter/group-picker.tsx';
import { type FilterField, reportQuery } from '../../report-filter/report-filter.ts';
import { useReportFilter } from '../../report-filter/use-report-filter.ts';
import { setQueryParams, useLocation } from '../../router/router.tsx';
import { choicesWith, parseCount } from '../paths/paths-params.ts';
import {
  DEFAULT_PERIOD,
  DEFAULT_PERIOD_COUNT,
  PERIOD_COUNTS,
  PERIODS,
  parsePeriod,
  RETENTION_PARAMS,
} from './retention-params.ts';
import { RetentionView } from './retention-view.tsx';
import './retention.css';

/** Retention needs no journey: cohorts and returns are events. */
const FIELDS: readonly FilterField[] = ['from', 'to', 'breakdown', 'segment'];

export function RetentionPage() {
  const { filter, setFilter, clear } = useReportFilter();
  const { search } = useLocation();
  const param = (name: (typeof RETENTION_PARAMS)[number]) => (search.get(name) ?? '').trim();
  const period = parsePeriod(param('period')) ?? DEFAULT_PERIOD;
  const periods = parseCount(param('periods'), 1, 366) ?? DEFAULT_PERIOD_COUNT;
  const query = reportQuery({
    startEvent: param('startEvent'),
    returnEvent: param('returnEvent'),
    period: param('period'),
    periods: param('periods'),
    from: filter.from,
    to: filter.to,
    segment: filter.segment,
    breakdown: filter.breakdown,
  });
  const report = useApi<RetentionReport>(`/api/reports/retention${query === '' ? '' : `?${query}`}`);
  const events = useActivityNames();
  const invalid = refusedParam(report.error, RETENTION_PARAMS);
  const groups = report.data?.groups ?? [];
  const group = chosenGroup(groups, (search.get(GROUP_PARAM) ?? '').trim());

  return (
    <>
      <PageHeader title="Retention" subtitle={subtitle(param('startEvent'), param('returnEvent'))} />
      <FilterBar
        journeys={[]}
        filter={filter}
        onChange={setFilter}
        onClear={clear}
        fields={FIELDS}
        error={report.error}
        pageParams={RETENTION_PARAMS}
        subject={
          <>
            <EventPicker
              id="retention-start"
              label="Start event"
              anyLabel="Any event (first seen)"
              value={param('startEvent')}
              events={events}
              invalid={invalid === 'startEvent'}
              onChange={(startEvent) => setQueryParams({ startEvent })}
            />
            <EventPicker
              id="retention-return"
              label="Return event"
              anyLabel="Any event"
              value={param('returnEvent')}
              events={events}
              invalid={invalid === 'returnEvent'}
              onChange={(returnEvent) => setQueryParams({ returnEvent })}
            />
          </>
        }
      >
        <Field label="Period" invalid={invalid === 'period'}>
          <Segmented<RetentionPeriod>
            label="Period"
            options={PERIODS}
            value={period}
            onChange={(next) => setQueryParams({ period: next === DEFAULT_PERIOD ? null : next })}
            testId="retention-period"
          />
        </Field>
        <Field label="Periods" htmlFor="retention-periods" invalid={invalid === 'periods'}>
          <select
            id="retention-periods"
            className="select"
            value={periods}
            onChange={(event) => {
              const next = Number(event.target.value);
              setQueryParams({ periods: next === DEFAULT_PERIOD_COUNT ? null : String(next) });
            }}
            aria-invalid={invalid === 'periods'}
            data-testid="retention-periods"
          >
            {choicesWith(PERIOD_COUNTS, periods).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        {groups.length > 0 && report.data !== null && (
          <GroupPicker
            groups={groups}
            customers={report.data.cohorts.reduce((sum, c) => sum + c.customers, 0)}
            value={group?.name ?? ''}
            onChange={(name) => setQueryParams({ [GROUP_PARAM]: name })}
          />
        )}
      </FilterBar>
      {report.error !== null && !isBadRequest(report.error) && (
        <ErrorBox error={report.error} onRetry={report.reload} />
      )}
      {report.data === null && report.error === null && <Loading />}
      {report.data !== null && report.error === null && (
        <div className={report.loading ? 'stale' : undefined} data-testid="retention">
          <RetentionView
            report={
              group === undefined ? report.data : { ...report.data, cohorts: group.cohorts, overall: group.overall }
            }
          />
        </div>
      )}
    </>
  );
}

function subtitle(startEvent: string, returnEvent: string): string {
  const start = startEvent === '' ? 'their first event' : `“${startEvent}”`;
  const back = returnEvent === '' ? 'come back' : `come back to “${returnEvent}”`;
  return `How many customers ${back} in the periods after ${start}, by cohort.`;
}

interface EventPickerProps {
  id: string;
  label: string;
  anyLabel: string;
  /** '' for any event. */
  value: string;
  events: readonly string[];
  invalid: boolean;
  onChange: (event: string) => void;
}

/** Any event, or one of the events in the data (most frequent first). */
function EventPicker({ id, label, anyLabel, value, events, invalid, onChange }: EventPickerProps) {
  const unknown = value !== '' && !events.includes(value);
  return (
    <Field label={label} htmlFor={id} invalid={invalid}>
      <select
        id={id}
        className="select event-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        data-testid={id}
      >
        <option value="">{anyLabel}</option>
        {events.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {unknown && <option value={value}>{events.length === 0 ? value : `${value} (not in the data)`}</option>}
      </select>
    </Field>
  );
}
