import type { KpiDimension } from '@waymark/core';
import { type ReportFilter, reportQuery } from '../../report-filter/report-filter.ts';

/** What the KPIs are grouped by on the page: a dimension of the report, or none (totals only). */
export type KpiGroupBy = KpiDimension | 'none';

export const GROUP_BY_CHOICES: ReadonlyArray<{ value: KpiGroupBy; label: string }> = [
  { value: 'channel', label: 'Channel' },
  { value: 'stage', label: 'Stage' },
  { value: 'touchpoint', label: 'Touchpoint' },
  { value: 'queue', label: 'Queue' },
  { value: 'reason', label: 'Contact reason' },
  { value: 'medium', label: 'Medium' },
  { value: 'none', label: 'Nothing (totals)' },
];

/** Per channel unless the address says otherwise: the first split a contact-centre lead asks for. */
export const DEFAULT_GROUP_BY: KpiGroupBy = 'channel';

export function parseGroupBy(text: string | null): KpiGroupBy | null {
  return GROUP_BY_CHOICES.find((choice) => choice.value === text)?.value ?? null;
}

export function groupByLabel(by: KpiGroupBy): string {
  return GROUP_BY_CHOICES.find((choice) => choice.value === by)?.label ?? by;
}

/** Stage and touchpoint are the journey's: only they need one. */
export const needsJourney = (by: KpiGroupBy): boolean => by === 'stage' || by === 'touchpoint';

/** The thresholds of the definitions (docs/kpis.md), under the API's parameter names. */
export const THRESHOLDS = [
  { param: 'serviceLevelSeconds', label: 'Service level ≤', unit: 's', fallback: '20' },
  { param: 'shortAbandonSeconds', label: 'Short abandon <', unit: 's', fallback: '5' },
  { param: 'fcrDays', label: 'Repeat within', unit: 'days', fallback: '7' },
  { param: 'containmentHours', label: 'Contained: no agent in', unit: 'h', fallback: '24' },
] as const;

export type ThresholdParam = (typeof THRESHOLDS)[number]['param'] | 'excludeShortAbandons';

/** The page's own address parameters besides the shared filter. */
export const KPI_PAGE_PARAMS = ['by', 'kpi', ...THRESHOLDS.map((t) => t.param), 'excludeShortAbandons'] as const;

/** The thresholds as the address gives them ('' for the default). */
export type ThresholdValues = Record<ThresholdParam, string>;

export function readThresholds(search: URLSearchParams): ThresholdValues {
  const read = (name: ThresholdParam) => (search.get(name) ?? '').trim();
  return {
    serviceLevelSeconds: read('serviceLevelSeconds'),
    shortAbandonSeconds: read('shortAbandonSeconds'),
    fcrDays: read('fcrDays'),
    containmentHours: read('containmentHours'),
    excludeShortAbandons: read('excludeShortAbandons'),
  };
}

/**
 * The `kpis` report's query for the page's view: the journey only where the grouping needs it,
 * the thresholds as given, the filter's dates, segment and breakdown.
 *
 * @example kpisQuery({ ...EMPTY_FILTER, from: '2026-02-01' }, 'channel', thresholds, 'shop') // "by=channel&from=2026-02-01"
 */
export function kpisQuery(
  filter: ReportFilter,
  by: KpiGroupBy,
  thresholds: ThresholdValues,
  journeyId: string,
): string {
  return reportQuery({
    journey: needsJourney(by) ? journeyId : '',
    by: by === 'none' ? '' : by,
    ...thresholds,
    from: filter.from,
    to: filter.to,
    segment: filter.segment,
    breakdown: filter.breakdown,
  });
}
