import type { DfgReport } from '@waymark/core';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
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
  return (
    <Card title={title} subtitle={subtitle} testId={testId}>
      {rows.length === 0 ? (
        <p className="muted">No journeys yet.</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>Activity</th>
              <th className="num">Customers</th>
              <th className="num">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([activity, count]) => (
              <tr key={activity} data-testid={`${testId}-row`}>
                <td className="name" data-testid="endpoint-activity">
                  {activity}
                </td>
                <td className="num" data-testid="endpoint-count" data-value={count}>
                  {formatInteger(count)}
                </td>
                <td className="num muted">{formatPercent(cases === 0 ? 0 : count / cases)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

const COLUMNS: ReadonlyArray<{ key: EdgeSortKey; label: string; numeric: boolean }> = [
  { key: 'from', label: 'From', numeric: false },
  { key: 'to', label: 'To', numeric: false },
  { key: 'count', label: 'Count', numeric: true },
  { key: 'median', label: 'Median time', numeric: true },
];

function EdgesCard({ report }: { report: DfgReport }) {
  const [sortText, setSortText] = useQueryParam<string>('sort', DEFAULT_EDGE_SORT, parseEdgeSort);
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState(false);
  const sort = edgeSortOf(sortText);
  const sorted = useMemo(() => sortEdges(report.edges, edgeSortOf(sortText)), [report.edges, sortText]);
  const needle = filter.trim().toLowerCase();
  const matching =
    needle === ''
      ? sorted
      : sorted.filter((e) => e.from.toLowerCase().includes(needle) || e.to.toLowerCase().includes(needle));
  const shown = all ? matching : matching.slice(0, FIRST_ROWS);
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
          <table className="table" data-testid="edges-table">
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const active = sort.key === column.key;
                  return (
                    <th
                      key={column.key}
                      className={column.numeric ? 'num' : undefined}
                      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                    >
                      <button
                        type="button"
                        className={active ? 'sort active' : 'sort'}
                        onClick={() => setSortText(nextEdgeSort(sort, column.key))}
                        data-testid={`sort-${column.key}`}
                      >
                        {column.label}
                        <span className="sort-mark" aria-hidden="true">
                          {active ? (sort.descending ? '↓' : '↑') : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
                <th className="bar-col" aria-label="Relative count" />
              </tr>
            </thead>
            <tbody>
              {shown.map((edge) => (
                <tr key={`${edge.from}\u0000${edge.to}`} data-testid="edge-row">
                  <td className="name" data-testid="edge-from">
                    {edge.from}
                  </td>
                  <td className="name" data-testid="edge-to">
                    <span className="arrow-prefix" aria-hidden="true">
                      →
                    </span>
                    {edge.to}
                  </td>
                  <td className="num" data-testid="edge-count" data-value={edge.count}>
                    {formatInteger(edge.count)}
                  </td>
                  <td className="num" data-testid="edge-median" data-value={edge.medianSeconds}>
                    {formatDuration(edge.medianSeconds)}
                  </td>
                  <td className="bar-col">
                    <ShareBar share={largest === 0 ? 0 : edge.count / largest} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {matching.length === 0 && <p className="muted">No transition involves “{filter.trim()}”.</p>}
          {matching.length > FIRST_ROWS && (
            <button type="button" className="link-button" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show all ${formatInteger(matching.length)}`}
            </button>
          )}
        </>
      )}
    </Card>
  );
}
