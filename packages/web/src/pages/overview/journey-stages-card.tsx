import type { StageFunnelReport } from '@waymark/core';
import { useEffect, useRef } from 'react';
import { useJourneys } from '../../api/journeys.ts';
import { useApi } from '../../api/use-api.ts';
import { Card, ShareBar } from '../../components/layout.tsx';
import { ErrorBox } from '../../components/status.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { Link } from '../../router/router.tsx';
import './journey-stages-card.css';

/**
 * The headline stage funnel of the workspace's first journey: customers reaching each stage in
 * order, compact. Nothing when there is no journey definition. `refreshes` counts refresh clicks.
 */
export function JourneyStagesCard({ refreshes }: { refreshes: number }) {
  const journeys = useJourneys();
  const journey = journeys.data?.journeys[0];
  const report = useApi<StageFunnelReport>(
    journey === undefined ? null : `/api/reports/stage-funnel?journey=${encodeURIComponent(journey.id)}`,
  );
  const { reload } = report;
  const seen = useRef(refreshes);
  useEffect(() => {
    if (seen.current === refreshes) return;
    seen.current = refreshes;
    reload();
  }, [refreshes, reload]);

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
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
