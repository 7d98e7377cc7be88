import type { DfgEdge, DfgReport } from '@waymark/core';
import { useMemo, useState } from 'react';
import { csvFileName } from '../../components/data-table/csv.ts';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { durationColumn } from '../../components/data-table/duration-column.ts';
import { Card, ShareBar } from '../../components/layout.tsx';
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
    durationColumn({
      key: 'median',
      label: 'Median time',
      csvLabel: 'Median seconds',
      seconds: (e) => e.medianSeconds,
      testId: 'edge-median',
      sortable: true,
    }),
    durationColumn({
      key: 'p90',
      label: 'P90 time',
      csvLabel: 'P90 seconds',
      seconds: (e) => e.p90Seconds,
      testId: 'edge-p90',
      sortable: true,
    }),
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

/** Every transition in a table (sortable, filterable, CSV), below the map. */
export function EdgesCard({ report }: { report: DfgReport }) {
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
      subtitle="One activity straight after another in a journey, and the time between the two: median and 90th percentile."
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
