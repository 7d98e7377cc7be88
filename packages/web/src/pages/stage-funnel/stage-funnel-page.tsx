import type { StageFunnelReport } from '@waymark/core';
import { useApi } from '../../api/use-api.ts';
import { PageHeader } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import type { FunnelScale } from '../../funnels/funnel-chart.tsx';
import { FilterBar, isBadRequest } from '../../report-filter/filter-bar.tsx';
import { JourneyGate, useJourneyFilter } from '../../report-filter/journey-report.tsx';
import { reportQuery } from '../../report-filter/report-filter.ts';
import { useQueryParam } from '../../router/router.tsx';
import { StageFunnelView } from './stage-funnel-view.tsx';

const parseScale = (text: string | null): FunnelScale | null =>
  text === 'percent' || text === 'customers' ? text : null;

export function StageFunnelPage() {
  const { journeys, journey, journeyId, filter, setFilter, clear } = useJourneyFilter();
  const [scale, setScale] = useQueryParam<FunnelScale>('scale', 'customers', parseScale);
  const query = reportQuery({ ...filter, journey: journeyId });
  const report = useApi<StageFunnelReport>(journeyId === '' ? null : `/api/reports/stage-funnel?${query}`);
  const refused = isBadRequest(report.error);

  return (
    <>
      <PageHeader
        title="Stage funnel"
        subtitle={
          journey === undefined
            ? 'How far customers get through the stages of a journey, in order.'
            : `How far customers get through the stages of “${journey.name}”, in order.`
        }
      />
      <JourneyGate journeys={journeys}>
        {(list) => (
          <>
            <FilterBar
              journeys={list}
              filter={filter}
              onChange={setFilter}
              onClear={clear}
              error={report.error}
              windowTitle="Longest time from reaching one stage to reaching the next"
            />
            {report.error !== null && !refused && <ErrorBox error={report.error} onRetry={report.reload} />}
            {report.data === null && report.error === null && <Loading />}
            {report.data !== null && report.error === null && (
              <div className={report.loading ? 'stale' : undefined} data-testid="stage-funnel">
                <StageFunnelView
                  report={report.data}
                  journeyName={journey?.name ?? report.data.journey}
                  breakdown={filter.breakdown}
                  scale={scale}
                  onScale={setScale}
                />
              </div>
            )}
          </>
        )}
      </JourneyGate>
    </>
  );
}
