import type { EventFunnelReport } from '@waymark/core';
import { Card } from '../../components/layout.tsx';
import { formatDuration, formatInteger } from '../../format/format.ts';
import { CHARTED_GROUPS, hasTimes, TOTAL_LABEL } from '../../funnels/funnel-view.ts';
import { TimeHistogram } from '../../funnels/time-histogram.tsx';

/** From the first step to the last, for the customers who converted. */
export function ConvertTimeCard({ report }: { report: EventFunnelReport }) {
  const stats = report.total.timeToConvert;
  const groups = report.groups.slice(0, CHARTED_GROUPS);
  return (
    <Card
      title="Time to convert"
      subtitle="From the first step to the last, for customers who converted."
      testId="convert-time"
    >
      {report.mode === 'any' ? (
        <p className="muted">In any-order mode there is no first and last step to time.</p>
      ) : !hasTimes(stats) ? (
        <p className="muted">Nobody converted{report.total.customers === 0 ? '' : ' yet'}.</p>
      ) : (
        <>
          <dl className="transition-stats large">
            <div>
              <dt>Median</dt>
              <dd data-testid="convert-median" data-value={stats.medianSeconds ?? ''}>
                {formatDuration(stats.medianSeconds ?? Number.NaN)}
              </dd>
            </div>
            <div>
              <dt>90th percentile</dt>
              <dd data-testid="convert-p90" data-value={stats.p90Seconds ?? ''}>
                {formatDuration(stats.p90Seconds ?? Number.NaN)}
              </dd>
            </div>
            <div>
              <dt>Converted</dt>
              <dd data-testid="convert-count" data-value={stats.count}>
                {formatInteger(stats.count)}
              </dd>
            </div>
          </dl>
          <TimeHistogram
            label="Time to convert"
            height={210}
            testId="convert-chart"
            series={
              groups.length > 0
                ? groups.flatMap((g) => (g.timeToConvert === null ? [] : [{ name: g.name, stats: g.timeToConvert }]))
                : [{ name: TOTAL_LABEL, stats }]
            }
          />
        </>
      )}
    </Card>
  );
}
