import type { EventFunnelReport, FunnelMode } from '@waymark/core';
import { useState } from 'react';
import { useActivityNames } from '../../api/catalog.ts';
import type { JourneySummary } from '../../api/journeys.ts';
import { useApi } from '../../api/use-api.ts';
import { PageHeader, Segmented } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { formatDuration } from '../../format/format.ts';
import { Field, FilterBar, isBadRequest, refusedParam } from '../../report-filter/filter-bar.tsx';
import { JourneyGate, useJourneyFilter } from '../../report-filter/journey-report.tsx';
import type { ReportFilter } from '../../report-filter/report-filter.ts';
import { reportQuery } from '../../report-filter/report-filter.ts';
import { setQueryParams, useLocation } from '../../router/router.tsx';
import { EventFunnelView } from './event-funnel-view.tsx';
import { FUNNEL_PARAMS, type FunnelSubject, funnelSubject, joinSteps, parseMode } from './funnel-params.ts';
import { StepsEditor } from './steps-editor.tsx';
import './event-funnel.css';

const MODES: ReadonlyArray<{ value: FunnelMode; label: string }> = [
  { value: 'ordered', label: 'Ordered' },
  { value: 'strict', label: 'Strict' },
  { value: 'any', label: 'Any order' },
];

/** The select's value for "type the steps": not a funnel name anyone would write. */
const CUSTOM = '\u0000custom';

export function EventFunnelPage() {
  const { journeys, journey, journeyId, filter, clear } = useJourneyFilter();
  const { search } = useLocation();
  const param = (name: (typeof FUNNEL_PARAMS)[number]) => (search.get(name) ?? '').trim();
  const subject = funnelSubject(journey, param('funnel'), param('steps'));
  const [editing, setEditing] = useState(false);
  const custom = editing || subject.kind === 'custom';
  const mode = parseMode(param('mode')) ?? (subject.kind === 'journey' ? subject.mode : 'ordered');

  const query =
    journeyId === '' || subject.kind === 'none'
      ? null
      : reportQuery({
          journey: journeyId,
          funnel: subject.kind === 'journey' ? subject.name : '',
          steps: subject.kind === 'custom' ? joinSteps(subject.steps) : '',
          mode: param('mode'),
          window: filter.window,
          from: filter.from,
          to: filter.to,
          segment: filter.segment,
          breakdown: filter.breakdown,
          dropOffAfter: param('dropOffAfter'),
          limit: param('limit'),
        });
  const report = useApi<EventFunnelReport>(query === null ? null : `/api/reports/funnel?${query}`);
  const activities = useActivityNames(custom);
  const invalid = refusedParam(report.error, FUNNEL_PARAMS);

  // A new journey has other funnels, and a changed funnel other steps to drop off after.
  const changeFilter = (patch: Partial<ReportFilter>) =>
    setQueryParams(patch.journey === undefined ? patch : { ...patch, funnel: null, dropOffAfter: null });
  const chooseFunnel = (name: string) => {
    if (name === CUSTOM) {
      setEditing(true);
      return;
    }
    setEditing(false);
    setQueryParams({ funnel: name, steps: null, mode: null, dropOffAfter: null });
  };
  const applySteps = (steps: string[]) => {
    setEditing(false);
    setQueryParams({ steps: joinSteps(steps), funnel: null, dropOffAfter: null });
  };

  return (
    <>
      <PageHeader title="Event funnel" subtitle={subtitle(subject, report.data)} />
      <JourneyGate journeys={journeys}>
        {(list) => (
          <>
            <FilterBar
              journeys={list}
              filter={filter}
              onChange={changeFilter}
              onClear={clear}
              error={report.error}
              pageParams={FUNNEL_PARAMS}
              windowPlaceholder={subject.kind === 'journey' ? 'default' : 'none'}
              windowTitle="Longest time from the first step to the last"
              subject={
                <FunnelPicker
                  journey={journey}
                  subject={subject}
                  custom={custom}
                  invalid={invalid === 'funnel' || invalid === 'steps'}
                  onChoose={chooseFunnel}
                />
              }
            >
              <Field label="Mode" invalid={invalid === 'mode'}>
                <Segmented
                  label="Funnel mode"
                  options={MODES}
                  value={mode}
                  onChange={(next) => setQueryParams({ mode: next, dropOffAfter: null })}
                  testId="funnel-mode"
                />
              </Field>
            </FilterBar>
            {custom && (
              <StepsEditor
                key={subject.kind === 'custom' ? joinSteps(subject.steps) : 'new'}
                initial={subject.kind === 'custom' ? subject.steps : []}
                suggestions={activities}
                onApply={applySteps}
              />
            )}
            {subject.kind === 'none' && !custom && (
              <div className="empty-state" data-testid="no-funnel">
                <h2>This journey defines no funnels</h2>
                <p>Type the steps of a funnel instead: choose “Custom steps…” above.</p>
              </div>
            )}
            {report.error !== null && !isBadRequest(report.error) && (
              <ErrorBox error={report.error} onRetry={report.reload} />
            )}
            {query !== null && report.data === null && report.error === null && <Loading />}
            {report.data !== null && report.error === null && (
              <div className={report.loading ? 'stale' : undefined} data-testid="event-funnel">
                <EventFunnelView report={report.data} breakdown={filter.breakdown} />
              </div>
            )}
          </>
        )}
      </JourneyGate>
    </>
  );
}

function subtitle(subject: FunnelSubject, report: EventFunnelReport | null): string {
  if (subject.kind === 'none') return 'Customers through a sequence of events, step by step.';
  const steps = report?.steps ?? subject.steps;
  const window =
    report === null
      ? ''
      : report.windowSeconds === null
        ? ' · no window'
        : ` · within ${formatDuration(report.windowSeconds)}`;
  return `${steps.join(' → ')}${window}`;
}

interface FunnelPickerProps {
  journey: JourneySummary | undefined;
  subject: FunnelSubject;
  custom: boolean;
  invalid: boolean;
  onChoose: (name: string) => void;
}

/** One of the journey's funnels, or custom steps. */
function FunnelPicker({ journey, subject, custom, invalid, onChoose }: FunnelPickerProps) {
  const funnels = journey?.funnels ?? [];
  const name = subject.kind === 'journey' ? subject.name : '';
  const unknown = name !== '' && !funnels.some((f) => f.name === name);
  return (
    <Field label="Funnel" htmlFor="funnel-select" invalid={invalid}>
      <select
        id="funnel-select"
        className="select"
        value={custom ? CUSTOM : name}
        onChange={(event) => onChoose(event.target.value)}
        aria-invalid={invalid}
        data-testid="funnel-select"
      >
        {subject.kind === 'none' && !custom && <option value="">No funnels</option>}
        {funnels.map((funnel) => (
          <option key={funnel.name} value={funnel.name}>
            {funnel.name}
          </option>
        ))}
        {unknown && <option value={name}>{name} (not found)</option>}
        <option value={CUSTOM}>Custom steps…</option>
      </select>
    </Field>
  );
}
