import type { DfgReport } from '@waymark/core';
import { useApi } from '../../api/use-api.ts';
import { Metric, Metrics, PageHeader } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { formatInteger } from '../../format/format.ts';
import { EdgesCard } from './edges-card.tsx';
import { EndpointCard } from './endpoint-card.tsx';
import { ProcessMapCard } from './process-map-card.tsx';

const ENDPOINTS = [
  { key: 'startActivities', title: 'Start activities', subtitle: 'Where journeys begin', testId: 'start-activities' },
  { key: 'endActivities', title: 'End activities', subtitle: 'Where journeys end (so far)', testId: 'end-activities' },
] as const;

export function ProcessMapPage() {
  const { data, error, reload } = useApi<DfgReport>('/api/reports/dfg');
  return (
    <>
      <PageHeader
        title="Process map"
        subtitle="Which activity directly follows which, over every customer journey, how often and how long after."
        actions={
          <button type="button" className="button" onClick={reload}>
            Refresh
          </button>
        }
      />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {data === null && error === null && <Loading />}
      {data !== null && <ProcessMap report={data} />}
    </>
  );
}

function ProcessMap({ report }: { report: DfgReport }) {
  return (
    <>
      <Metrics>
        <Metric label="Cases" display={formatInteger(report.cases)} value={report.cases} testId="dfg-cases" />
        <Metric label="Events" display={formatInteger(report.events)} value={report.events} testId="dfg-events" />
        <Metric
          label="Activities"
          display={formatInteger(report.activities.length)}
          value={report.activities.length}
          testId="dfg-activities"
        />
        <Metric
          label="Transitions"
          display={formatInteger(report.edges.length)}
          value={report.edges.length}
          detail="distinct activity pairs"
          testId="dfg-edges"
        />
      </Metrics>
      <ProcessMapCard report={report} />
      <EdgesCard report={report} />
      <div className="grid grid-halves">
        {ENDPOINTS.map(({ key, ...card }) => (
          <EndpointCard key={key} {...card} counts={report[key]} cases={report.cases} />
        ))}
      </div>
    </>
  );
}
