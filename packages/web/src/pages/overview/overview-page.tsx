import type { Bucket, OverviewReport } from '@waymark/core';
import { useCallback, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { Card, Metric, Metrics, PageHeader, Segmented } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { daysSpanned, formatDayRange, formatDecimal, formatInteger } from '../../format/format.ts';
import { useQueryParam } from '../../router/router.tsx';
import { ActivitiesCard } from './activities-card.tsx';
import { ChannelsCard } from './channels-card.tsx';
import { HeadlineKpisCard } from './headline-kpis-card.tsx';
import { JourneyStagesCard } from './journey-stages-card.tsx';
import { LivePanel } from './live-panel.tsx';
import { VolumeChart } from './volume-chart.tsx';

const BUCKETS: ReadonlyArray<{ value: Bucket; label: string }> = [
  { value: 'hour', label: 'Hour' },
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];

const parseBucket = (text: string | null): Bucket | null =>
  text === 'hour' || text === 'day' || text === 'week' ? text : null;

export function OverviewPage() {
  const [bucket, setBucket] = useQueryParam<Bucket>('bucket', 'day', parseBucket);
  const { data, error, loading, reload } = useApi<OverviewReport>(`/api/reports/overview?bucket=${bucket}`);
  const [arrived, setArrived] = useState(0);
  const [refreshes, setRefreshes] = useState(0);
  const onArrive = useCallback((count: number) => setArrived((n) => n + count), []);
  const refresh = () => {
    setArrived(0);
    setRefreshes((n) => n + 1);
    reload();
  };

  return (
    <>
      <PageHeader
        title="Overview"
        subtitle="Every event received: how many, from whom, when and where."
        actions={
          arrived > 0 ? (
            <button type="button" className="button" onClick={refresh} data-testid="refresh">
              <span className="pulse-dot" aria-hidden="true" />
              {formatInteger(arrived)} new — refresh
            </button>
          ) : undefined
        }
      />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {data === null && error === null && <Loading />}
      {data !== null && (
        <div className={loading ? 'stale' : undefined}>
          <Headline report={data} />
          <JourneyStagesCard
            refreshes={refreshes}
            range={
              data.firstTimestamp === null || data.lastTimestamp === null
                ? null
                : { first: data.firstTimestamp, last: data.lastTimestamp }
            }
          />
          <HeadlineKpisCard refreshes={refreshes} />
          <div className="grid grid-main">
            <Card
              title="Events and customers over time"
              subtitle={<BucketNote requested={bucket} report={data} />}
              actions={
                <Segmented label="Time bucket" options={BUCKETS} value={bucket} onChange={setBucket} testId="bucket" />
              }
            >
              {data.series.length === 0 ? <EmptyData /> : <VolumeChart series={data.series} bucket={data.bucket} />}
            </Card>
            <LivePanel onArrive={onArrive} />
          </div>
          <div className="grid grid-halves">
            <ChannelsCard report={data} />
            <ActivitiesCard report={data} />
          </div>
        </div>
      )}
    </>
  );
}

function Headline({ report }: { report: OverviewReport }) {
  const { events, customers, firstTimestamp, lastTimestamp } = report;
  const hasRange = firstTimestamp !== null && lastTimestamp !== null;
  const days = hasRange ? daysSpanned(firstTimestamp, lastTimestamp) : 0;
  return (
    <Metrics>
      <Metric label="Events" display={formatInteger(events)} value={events} testId="metric-events" />
      <Metric label="Customers" display={formatInteger(customers)} value={customers} testId="metric-customers" />
      <Metric
        label="Events per customer"
        display={customers === 0 ? '–' : formatDecimal(events / customers)}
        testId="metric-per-customer"
      />
      <Metric
        label="Date range"
        text
        display={hasRange ? formatDayRange(firstTimestamp, lastTimestamp) : 'No events yet'}
        value={hasRange ? `${firstTimestamp}/${lastTimestamp}` : ''}
        detail={hasRange ? `${formatInteger(days)} ${days === 1 ? 'day' : 'days'} · UTC` : undefined}
        testId="metric-range"
      />
    </Metrics>
  );
}

function BucketNote({ requested, report }: { requested: Bucket; report: OverviewReport }) {
  if (report.bucket !== requested && report.series.length > 0) {
    return (
      <span data-testid="bucket-widened">
        Per {report.bucket}: the data spans too many {requested}s to show each one.
      </span>
    );
  }
  return <>Per {report.bucket}, UTC</>;
}

function EmptyData() {
  return (
    <div className="empty">
      <p>
        <strong>No events yet.</strong> Send some with any Segment SDK, or straight over HTTP:
      </p>
      <pre>{`curl -u "$WRITE_KEY:" ${window.location.origin}/v1/batch \\
  -H 'content-type: application/json' \\
  -d '{"batch":[{"type":"track","userId":"u1","event":"Signed Up","context":{"channel":"web"}}]}'`}</pre>
    </div>
  );
}
