import type { EventMatch } from '../../journey-definition/schema.ts';
import { customerScope } from '../filter/customer-scope.ts';
import { filterPaths, parseFilter, ReportParamError, type ReportParams } from '../filter/filter.ts';
import { indexContext } from '../journey-view.ts';
import { compileMatch } from '../matching/event-matcher.ts';
import { matchTable } from '../matching/match-table.ts';
import { positiveInt, type ReportDefinition } from '../report-environment.ts';
import { type RetentionPeriod, type RetentionReport, retention } from './retention.ts';

/**
 * `retention`: `startEvent` (default: any event, i.e. cohorts by first seen), `returnEvent`
 * (default any), `period=day|week|month` (default week), `periods` (default 8), and the
 * shared filter.
 */
export const retentionReport: ReportDefinition<RetentionReport> = {
  needs: (params) => filterPaths(parseFilter(params)),
  run(index, params) {
    const filter = parseFilter(params);
    const rows = index.rows();
    const context = indexContext(index);
    const period = periodParam(params);
    const periods = positiveInt(params, 'periods') ?? 8;
    if (periods > 366) throw new ReportParamError(`periods: expected at most 366, got ${periods}`);
    const match = (name: string | undefined): EventMatch => (name === undefined || name === '' ? {} : { event: name });
    const table = matchTable(
      [compileMatch(match(params.startEvent), context), compileMatch(match(params.returnEvent), context)],
      context.activityNames.length,
    );
    let dataEndMs = Number.NEGATIVE_INFINITY;
    for (let r = 0; r < rows.runCount; r++) {
      const last = rows.timestampMs[(rows.runStart[r + 1] as number) - 1] as number;
      if (last > dataEndMs) dataEndMs = last;
    }
    return retention(rows, {
      period,
      periods,
      startEvent: params.startEvent || '(any event)',
      returnEvent: params.returnEvent || '(any event)',
      table,
      scope: customerScope(rows, filter, context),
      dataEndMs: Math.min(dataEndMs, filter.toMs),
    });
  },
};

function periodParam(params: ReportParams): RetentionPeriod {
  const text = params.period ?? 'week';
  if (text === 'day' || text === 'week' || text === 'month') return text;
  throw new ReportParamError(`period: expected day, week or month, got ${JSON.stringify(text)}`);
}
