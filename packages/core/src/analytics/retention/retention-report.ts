import type { EventMatch } from '../../journey-definition/schema.ts';
import type { SortedRows } from '../../journey-index/sort.ts';
import { filterPaths, parseFilter, ReportParamError, type ReportParams } from '../filter/filter.ts';
import { indexContext, postingsOf, scopeOf } from '../journey-view.ts';
import { compileMatch } from '../matching/event-matcher.ts';
import { positiveInt, type ReportDefinition } from '../report-environment.ts';
import { kernelPlan, splitReport } from '../split/split-kernels.ts';
import { cohortCalendar, type RetentionInput, type RetentionPeriod, type RetentionReport } from './retention.ts';

/**
 * `retention`: `startEvent` (default: any event, i.e. cohorts by first seen), `returnEvent`
 * (default any), `period=day|week|month` (default week), `periods` (default 8), and the
 * shared filter.
 */
export const retentionReport: ReportDefinition<RetentionReport> = splitReport({
  needs: (params) => filterPaths(parseFilter(params)),
  plan(index, params) {
    const filter = parseFilter(params);
    const rows = index.rows();
    const context = indexContext(index);
    const period = periodParam(params);
    const periods = positiveInt(params, 'periods') ?? 8;
    if (periods > 366) throw new ReportParamError(`periods: expected at most 366, got ${periods}`);
    const match = (name: string | undefined): EventMatch => (name === undefined || name === '' ? {} : { event: name });
    const { firstMs, lastMs } = timeSpanOf(rows);
    const input: RetentionInput = {
      period,
      periods,
      startEvent: params.startEvent || '(any event)',
      returnEvent: params.returnEvent || '(any event)',
      start: compileMatch(match(params.startEvent), context),
      return: compileMatch(match(params.returnEvent), context),
      scope: scopeOf(index, filter),
      breakdown: filter.breakdown !== null,
      dataEndMs: Math.min(lastMs, filter.toMs),
      calendar: cohortCalendar(firstMs, lastMs, period),
      postings: params.startEvent && params.returnEvent ? postingsOf(index) : null,
    };
    return kernelPlan('retention', rows, input, (report) => report);
  },
});

const spans = new WeakMap<SortedRows, { firstMs: number; lastMs: number }>();

/** The first and last event's time (one read per customer; kept until the index changes its rows). */
function timeSpanOf(rows: SortedRows): { firstMs: number; lastMs: number } {
  let span = spans.get(rows);
  if (span === undefined) {
    let firstMs = Number.POSITIVE_INFINITY;
    let lastMs = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < rows.runCount; r++) {
      firstMs = Math.min(firstMs, rows.timestampMs[rows.runStart[r] as number] as number);
      lastMs = Math.max(lastMs, rows.timestampMs[(rows.runStart[r + 1] as number) - 1] as number);
    }
    span = { firstMs, lastMs };
    spans.set(rows, span);
  }
  return span;
}

function periodParam(params: ReportParams): RetentionPeriod {
  const text = params.period ?? 'week';
  if (text === 'day' || text === 'week' || text === 'month') return text;
  throw new ReportParamError(`period: expected day, week or month, got ${JSON.stringify(text)}`);
}
