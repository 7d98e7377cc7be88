import type { DfgEdge, DfgReport } from '@waymark/core';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { csvFileName } from '../../components/data-table/csv.ts';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { Card, Metric, Metrics, PageHeader, ShareBar } from '../../components/layout.tsx';
import { ErrorBox, Loading } from '../../components/status.tsx';
import { formatDuration, formatInteger, formatPercent } from '../../format/format.ts';
import { useQueryParam } from '../../router/router.tsx';
import {
  DEFAULT_EDGE_SORT,
  type EdgeSortKey,
  edgeSortOf,
  nextEdgeSort,
  parseEdgeSort,
  sortEdges,
} from './sort-edges.ts';

const FIRST_ROWS = 100;

export function ProcessMapPage() {
  const { data, error, reload } = useApi<DfgReport>('/api/reports/dfg');
  return (
    <>
      <PageHeader
        title="Process map"
        subtitle="Which activity directly follows which, over every customer journey."
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
      <div className="grid grid-wide">
        <EdgesCard report={report} />
        <div className="stack">
          <EndpointCard
            title="Start activities"
            subtitle="Where journeys begin"
            counts={report.startActivities}
            cases={report.cases}
            testId="start-activities"
          />
          <EndpointCard
            title="End activities"
            subtitle="Where journeys end (so far)"
            counts={report.endActivities}
            cases={report.cases}
            testId="end-activities"
          />
        </div>
      </div>
    </>
  );
}

interface EndpointCardProps {
  title: string;
  subtitle: string;
  counts: Record<string, number>;
  cases: number;
  testId: string;
}

function EndpointCard({ title, subtitle, counts, cases, testId }: EndpointCardProps) {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const columns: Array<Column<[string, number]>> = [
    {
      key: 'activity',
      label: 'Activity',
      value: ([activity]) => activity,
      className: 'name',
      testId: 'endpoint-activity',
    },
    { key: 'customers', label: 'Customers', numeric: true, value: ([, count]) => count, testId: 'endpoint-count' },
    {
      key: 'share',
      label: 'Share',
      numeric: true,
      className: 'muted',
      value: ([, count]) => (cases === 0 ? null : count / cases),
      render: ([, count]) => formatPercent(cases === 0 ? 0 : count / cases),
    },
  ];
  return (
    <Card title={title} subtitle={subtitle} testId={testId}>
      {rows.length === 0 ? (
        <p className="muted">No journeys yet.</p>
      ) : (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={([activity]) => activity}
          rowTestId={`${testId}-row`}
          compact
        />
      )}
    </Card>
  );
}

function edgeColumns(largest: number): Array<Column<DfgEdge>> {
  return [
    { key: 'from', label: 'From', value: (e) => e.from, className: 'name', testId: 'edge-from', sortable: true },
    {
      key: 'to',
      label: 'To',
      value: (e) => e.to,
      render: (e) => (
        <>
          <span className="arrow-prefix" aria-hidden="true">
            →
          </span>
          {e.to}
        </>
      ),
      className: 'name',
      testId: 'edge-to',
      sortable: true,
    },
    { key: 'count', label: 'Count', numeric: true, value: (e) => e.count, testId: 'edge-count', sortable: true },
    {
      key: 'median',
      label: 'Median time',
      csvLabel: 'Median seconds',
      numeric: true,
      value: (e) => e.medianSeconds,
      render: (e) => formatDuration(e.medianSeconds),
      testId: 'edge-median',
      sortable: true,
    },
    {
      key: 'bar',
      label: 'Relative count',
      hideLabel: true,
      screenOnly: true,
      className: 'bar-col',
      render: (e) => <ShareBar share={largest === 0 ? 0 : e.count / largest} />,
    },
  ];
}

function EdgesCard({ report }: { report: DfgReport }) {
  const [sortText, setSortText] = useQueryParam<string>('sort', DEFAULT_EDGE_SORT, parseEdgeSort);
  const [filter, setFilter] = useState('');
  const sort = edgeSortOf(sortText);
  const sorted = useMemo(() => sortEdges(report.edges, edgeSortOf(sortText)), [report.edges, sortText]);
  const needle = filter.trim().toLowerCase();
  const matching =
    needle === ''
      ? sorted
      : sorted.filter((e) => e.from.toLowerCase().includes(needle) || e.to.toLowerCase().includes(needle));
  const largest = report.edges.reduce((max, e) => Math.max(max, e.count), 0);

  return (
    <Card
      title="Transitions"
      subtitle="One activity straight after another in a journey, and the median time between the two."
      testId="edges"
      actions={
        <input
          type="search"
          className="search"
          placeholder="Filter by activity"
          aria-label="Filter transitions by activity"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      }
    >
      {report.edges.length === 0 ? (
        <p className="muted">No transitions yet: every journey has a single event.</p>
      ) : (
        <>
          <DataTable
            columns={edgeColumns(largest)}
            rows={matching}
            rowKey={(edge) => `${edge.from}\u0000${edge.to}`}
            testId="edges-table"
            rowTestId="edge-row"
            firstRows={FIRST_ROWS}
            csvFileName={csvFileName('transitions', needle)}
            sort={sort}
            onSort={(key) => setSortText(nextEdgeSort(sort, key as EdgeSortKey))}
          />
          {matching.length === 0 && <p className="muted">No transition involves “{filter.trim()}”.</p>}
        </>
      )}
    </Card>
  );
}
