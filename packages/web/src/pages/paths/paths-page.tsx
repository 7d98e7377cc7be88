import type { PathsReport } from '@waymark/core';
import { useActivityNames } from '../../api/catalog.ts';
import { useApi } from '../../api/use-api.ts';
import { PageHeader, Segmented } from '../../components/layout.tsx';
import { NoJourneys } from '../../components/no-journeys.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { Field, FilterBar, isBadRequest, refusedParam } from '../../report-filter/filter-bar.tsx';
import { chosenGroup, GROUP_PARAM, GroupPicker } from '../../report-filter/group-picker.tsx';
import { useJourneyFilter } from '../../report-filter/journey-report.tsx';
import { type FilterField, type ReportFilter, reportQuery } from '../../report-filter/report-filter.ts';
import { setQueryParams, useLocation } from '../../router/router.tsx';
import { AnchorPicker } from './anchor-picker.tsx';
import {
  ANCHOR_PARAMS,
  anchorPatch,
  choicesWith,
  DEFAULT_DEPTH,
  DEFAULT_TOP,
  DEFAULT_VARIANTS,
  DEPTHS,
  isTouchpointAnchor,
  PATHS_PARAMS,
  type PathsAnchor,
  type PathsBy,
  parseBy,
  parseCount,
  readAnchor,
  TOP_CHOICES,
  usesJourney,
  VARIANT_CHOICES,
} from './paths-params.ts';
import { PathsView } from './paths-view.tsx';
import './paths.css';

const BY: ReadonlyArray<{ value: PathsBy; label: string }> = [
  { value: 'event', label: 'Events' },
  { value: 'touchpoint', label: 'Touchpoints' },
];

export function PathsPage() {
  const { journeys, list, journey, journeyId, filter, clear } = useJourneyFilter();
  const { search } = useLocation();
  const param = (name: (typeof PATHS_PARAMS)[number]) => (search.get(name) ?? '').trim();
  const anchor = readAnchor(search);
  const by = parseBy(param('by')) ?? 'event';
  // Out of range values stay in the picker: the server says what is allowed, on this field.
  const depth = parseCount(param('depth'), 1, 1000) ?? DEFAULT_DEPTH;
  const top = parseCount(param('top'), 1, 1000) ?? DEFAULT_TOP;
  const variants = parseCount(param('variants'), 1, 10_000) ?? DEFAULT_VARIANTS;
  const needsJourney = usesJourney(anchor, by);
  const noJourney = needsJourney && list !== null && list.length === 0;

  const query =
    (needsJourney && journeyId === '') || noJourney
      ? null
      : reportQuery({
          journey: needsJourney ? journeyId : '',
          [anchor.kind === 'first' ? 'startEvent' : anchor.kind]: anchor.value,
          depth: param('depth'),
          top: param('top'),
          variants: param('variants'),
          by: param('by'),
          from: filter.from,
          to: filter.to,
          segment: filter.segment,
          breakdown: filter.breakdown,
        });
  const report = useApi<PathsReport>(query === null ? null : `/api/reports/paths${query === '' ? '' : `?${query}`}`);
  const events = useActivityNames();
  const touchpoints = list === null || list.length === 0 ? null : (journey?.touchpoints.map((t) => t.name) ?? []);
  const waiting =
    query === null
      ? needsJourney && list === null && journeys.error === null
      : report.data === null && report.error === null;
  const invalid = refusedParam(report.error, PATHS_PARAMS);
  const fields: FilterField[] = needsJourney
    ? ['journey', 'from', 'to', 'breakdown', 'segment']
    : ['from', 'to', 'breakdown', 'segment'];
  const groups = report.data?.groups ?? [];
  const group = chosenGroup(groups, (search.get(GROUP_PARAM) ?? '').trim());

  // Another journey has other touchpoints: a touchpoint anchor moves to the new journey's first.
  const changeFilter = (patch: Partial<ReportFilter>) => {
    if (patch.journey === undefined || !isTouchpointAnchor(anchor.kind)) return setQueryParams(patch);
    const next = list?.find((j) => j.id === patch.journey);
    setQueryParams({ ...patch, ...anchorPatch({ kind: anchor.kind, value: next?.touchpoints[0]?.name ?? '' }) });
  };
  const changeAnchor = (next: PathsAnchor) => setQueryParams(anchorPatch(next));
  const setCount = (name: 'depth' | 'top' | 'variants', value: number, fallback: number) =>
    setQueryParams({ [name]: value === fallback ? null : String(value) });

  return (
    <>
      <PageHeader title="Paths" subtitle={subtitle(anchor)} />
      {journeys.error !== null && <ErrorBox error={journeys.error} onRetry={journeys.reload} />}
      <FilterBar
        journeys={list ?? []}
        filter={filter}
        onChange={changeFilter}
        onClear={clear}
        fields={fields}
        error={report.error}
        pageParams={PATHS_PARAMS}
        subject={
          <AnchorPicker
            anchor={anchor}
            events={events}
            touchpoints={touchpoints}
            invalid={invalid !== null && (ANCHOR_PARAMS as readonly string[]).includes(invalid)}
            onChange={changeAnchor}
          />
        }
      >
        <Field label="Steps" htmlFor="paths-depth" invalid={invalid === 'depth'}>
          <select
            id="paths-depth"
            className="select narrow"
            value={depth}
            onChange={(event) => setCount('depth', Number(event.target.value), DEFAULT_DEPTH)}
            title="How many steps from the anchor (at most 10)"
            aria-invalid={invalid === 'depth'}
            data-testid="paths-depth"
          >
            {choicesWith(DEPTHS, depth).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Per step" htmlFor="paths-top" invalid={invalid === 'top'}>
          <select
            id="paths-top"
            className="select narrow"
            value={top}
            onChange={(event) => setCount('top', Number(event.target.value), DEFAULT_TOP)}
            title="How many labels each step shows; the rest are summed as Other"
            aria-invalid={invalid === 'top'}
            data-testid="paths-top"
          >
            {choicesWith(TOP_CHOICES, top).map((n) => (
              <option key={n} value={n}>
                top {n}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Steps are" invalid={invalid === 'by'}>
          <Segmented
            label="Label steps by"
            options={BY}
            value={by}
            onChange={(next) => setQueryParams({ by: next === 'event' ? null : next })}
            testId="paths-by"
          />
        </Field>
        {groups.length > 0 && report.data !== null && (
          <GroupPicker
            groups={groups}
            customers={report.data.customers}
            value={group?.name ?? ''}
            onChange={(name) => setQueryParams({ [GROUP_PARAM]: name })}
          />
        )}
      </FilterBar>
      {noJourney && <NoJourneys />}
      {report.error !== null && !isBadRequest(report.error) && (
        <ErrorBox error={report.error} onRetry={report.reload} />
      )}
      {waiting && <Loading />}
      {report.data !== null && report.error === null && (
        <div className={report.loading ? 'stale' : undefined} data-testid="paths">
          <PathsView
            report={group === undefined ? report.data : { ...report.data, ...group, groups: [] }}
            variantsPicker={
              <label className="select-label">
                Show top
                <select
                  className="select"
                  value={variants}
                  onChange={(event) => setCount('variants', Number(event.target.value), DEFAULT_VARIANTS)}
                  data-testid="paths-variants-select"
                >
                  {choicesWith(VARIANT_CHOICES, variants).map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </label>
            }
          />
        </div>
      )}
    </>
  );
}

function subtitle(anchor: PathsAnchor): string {
  switch (anchor.kind) {
    case 'first':
      return 'What customers do from their first event on, step by step.';
    case 'startEvent':
    case 'startTouchpoint':
      return `What customers do after “${anchor.value}”, step by step.`;
    case 'endEvent':
    case 'endTouchpoint':
      return `What customers do on the way to “${anchor.value}”, step by step.`;
  }
}
