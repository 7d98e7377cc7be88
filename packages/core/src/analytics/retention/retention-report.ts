import type { EventMatch } from '../../journey-definition/schema.ts';
import { filterPaths, parseFilter, ReportParamError, type ReportParams } from '../filter/filter.ts';
import { indexContext, postingsOf, scopeOf, timeSpanOf } from '../journey-view.ts';
import { singleActivity } from '../matching/activity-postings.ts';
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
    const { firstMs, lastMs } = timeSpanOf(index);
    const start = compileMatch(match(params.startEvent), context);
    const back = compileMatch(match(params.returnEvent), context);
    // One activity each: retention walks just their rows (see ActivityPostings).
    const startActivity = singleActivity(start.activityOk);
    const returnActivity = singleActivity(back.activityOk);
    const input: RetentionInput = {
      period,
      periods,
      startEvent: params.startEvent || '(any event)',
      returnEvent: params.returnEvent || '(any event)',
      start,
      return: back,
      scope: scopeOf(index, filter),
      breakdown: filter.breakdown !== null,
      dataEndMs: Math.min(lastMs, filter.toMs),
      calendar: cohortCalendar(firstMs, lastMs, period),
      postings:
        startActivity >= 0 && returnActivity >= 0
          ? { postings: postingsOf(index), start: startActivity, return: returnActivity }
          : null,
    };
    return kernelPlan('retention', rows, input, (report) => report);
  },
});

function periodParam(params: ReportParams): RetentionPeriod {
  const text = params.period ?? 'week';
  if (text === 'day' || text === 'week' || text === 'month') return text;
  throw new ReportParamError(`period: expected day, week or month, got ${JSON.stringify(text)}`);
}
