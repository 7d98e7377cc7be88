import type { StageFunnelReport } from '@waymark/core';
import { useJourneys } from '../../api/journeys.ts';
import { useApi } from '../../api/use-api.ts';
import { Card, ShareBar } from '../../components/layout.tsx';
import { ErrorBox } from '../../components/status.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { Link } from '../../router/router.tsx';
import { type StageTrend, stageTrends, trendPeriods } from './stage-trend.ts';
import { useReloadOn } from './use-reload-on.ts';
import './journey-stages-card.css';

/**
 * The headline stage funnel of the workspace's first journey: customers reaching each stage in
 * order, compact, with each stage's conversion over the last weeks against the weeks before.
 * Nothing when there is no journey definition. `refreshes` counts refresh clicks; `range` is
 * the data's first and last event.
 */
export function JourneyStagesCard({
  refreshes,
  range,
}: {
  refreshes: number;
  range: { first: string; last: string } | null;
}) {
  const journeys = useJourneys();
  const journey = journeys.data?.journeys[0];
  const base = journey === undefined ? null : `/api/reports/stage-funnel?journey=${encodeURIComponent(journey.id)}`;
  const report = useApi<StageFunnelReport>(base);
  const periods = range === null ? null : trendPeriods(range.first, range.last);
  const within = (period: { from: string; to: string } | undefined) =>
    base === null || period === undefined ? null : `${base}&from=${period.from}&to=${period.to}`;
  const current = useApi<StageFunnelReport>(within(periods?.current));
  const previous = useApi<StageFunnelReport>(within(periods?.previous));
  const trends = current.data !== null && previous.data !== null ? stageTrends(current.data, previous.data) : null;
  const { reload } = report;
  useReloadOn(refreshes, reload, current.reload, previous.reload);

  if (journey === undefined) return null;
  const steps = report.data?.total.steps ?? [];
  const inScope = report.data?.total.customers ?? 0;
  return (
    <Card
      title={`Journey stages · ${journey.name}`}
      subtitle="Customers who reached each stage, in order, and how many went on from the stage before."
      actions={
        <Link
          to={`/stage-funnel?journey=${encodeURIComponent(journey.id)}`}
          className="card-link"
          data-testid="open-stage-funnel"
        >
          Stage funnel →
        </Link>
      }
      testId="journey-stages"
    >
      {report.error !== null ? (
        <ErrorBox error={report.error} onRetry={reload} />
      ) : report.data === null ? (
        <div className="stage-strip placeholder" aria-hidden="true" />
      ) : (
        <ol className="stage-strip">
          {steps.map((step, i) => (
            <li key={step.name} className="stage-tile" data-testid="overview-stage">
              <div className="stage-tile-name" title={step.name}>
                {step.name}
              </div>
              <div className="stage-tile-value" data-testid="overview-stage-customers" data-value={step.customers}>
                {formatInteger(step.customers)}
              </div>
              <ShareBar share={inScope === 0 ? 0 : step.customers / inScope} />
              <div className="stage-tile-detail">
                {step.conversionFromPrevious.rate === null
                  ? '–'
                  : i === 0
                    ? `${formatPercent(step.conversionFromPrevious.rate)} of customers`
                    : `${formatPercent(step.conversionFromPrevious.rate)} of the stage before`}
              </div>
              {periods !== null && trends !== null && <TrendLine trend={trends[i]} days={periods.days} />}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** "Last 28 d: 36.9% ▲ 1.2 pts": the stage's conversion in the latest period and its change. */
function TrendLine({ trend, days }: { trend: StageTrend | undefined; days: number }) {
  if (trend === undefined || trend.rate === null) return null;
  const change = trend.changePoints;
  const direction = change === null || Math.abs(change) < 0.05 ? 'flat' : change > 0 ? 'up' : 'down';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '•';
  return (
    <div
      className={`stage-tile-trend ${direction}`}
      data-testid="overview-stage-trend"
      data-rate={trend.rate}
      data-change={change ?? ''}
      title={`Conversion in the last ${days} days of the data, against the ${days} days before (percentage points)`}
    >
      Last {days} d: {formatPercent(trend.rate)}{' '}
      {change !== null && (
        <span className="stage-tile-change">
          {arrow} {Math.abs(change).toFixed(1)} pts vs {days} d before
        </span>
      )}
    </div>
  );
}
