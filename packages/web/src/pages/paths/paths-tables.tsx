import type { PathNode, PathsReport, PathVariant } from '@waymark/core';
import { ActivityChain, ActivityChip } from '../../components/activity-chip.tsx';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { durationColumn } from '../../components/data-table/duration-column.ts';
import { ShareBar } from '../../components/layout.tsx';
import { formatPercent } from '../../format/format.ts';
import { stepName } from './paths-sankey.ts';

const share = (customers: number, of: number): number => (of === 0 ? 0 : customers / of);

/** Each Sankey node's numbers, step by step: customers, share, and the paths that end (or begin) there. */
export function NodeTable({ report, csvFileName }: { report: PathsReport; csvFileName: string }) {
  const anchored = report.anchor !== null;
  const forward = report.direction === 'from';
  const firstOfStep = new Set<PathNode>();
  let previousStep: number | null = null;
  for (const node of report.nodes) {
    if (node.step !== previousStep) firstOfStep.add(node);
    previousStep = node.step;
  }
  const columns: Array<Column<PathNode>> = [
    {
      key: 'step',
      label: 'Step',
      value: (n) => n.step,
      render: (n) =>
        firstOfStep.has(n) ? (
          <span className="paths-step" title={stepName(n.step, report.direction, anchored)}>
            {n.step}
          </span>
        ) : null,
      className: 'paths-step-cell',
      testId: 'node-step',
    },
    {
      key: 'label',
      label: report.by === 'touchpoint' ? 'Touchpoint' : 'Event',
      value: (n) => n.label,
      render: (n) => <ActivityChip activity={n.label} />,
      testId: 'node-label',
    },
    { key: 'customers', label: 'Customers', numeric: true, value: (n) => n.customers, testId: 'node-customers' },
    {
      key: 'bar',
      label: 'Share of customers on a path',
      hideLabel: true,
      screenOnly: true,
      className: 'bar-col',
      render: (n) => <ShareBar share={share(n.customers, report.customers)} />,
    },
    {
      key: 'share',
      label: 'Share',
      csvLabel: 'Share of customers',
      numeric: true,
      className: 'muted',
      value: (n) => share(n.customers, report.customers),
      render: (n) => formatPercent(share(n.customers, report.customers)),
      testId: 'node-share',
    },
    {
      key: 'dropOff',
      label: forward ? 'Dropped off' : 'Began here',
      csvLabel: forward ? 'Dropped off' : 'Journey began here',
      numeric: true,
      value: (n) => n.dropOff,
      testId: 'node-drop-off',
    },
    {
      key: 'dropOffRate',
      label: forward ? 'Drop-off rate' : 'Share began here',
      numeric: true,
      className: 'muted',
      value: (n) => share(n.dropOff, n.customers),
      render: (n) => formatPercent(share(n.dropOff, n.customers)),
      testId: 'node-drop-off-rate',
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={report.nodes}
      rowKey={(n) => `${n.step}:${n.label}`}
      rowClassName={(n, i) => (i > 0 && firstOfStep.has(n) ? 'group-start' : undefined)}
      testId="paths-nodes"
      rowTestId="node-row"
      compact
      csvFileName={csvFileName}
    />
  );
}

type RankedVariant = PathVariant & { rank: number };

/** The most common whole paths: their labels in time order, customers, share and median duration. */
export function VariantTable({ report, csvFileName }: { report: PathsReport; csvFileName: string }) {
  const largest = report.variants[0]?.customers ?? 0;
  const columns: Array<Column<RankedVariant>> = [
    { key: 'rank', label: '#', numeric: true, className: 'rank-col muted', value: (v) => v.rank },
    {
      key: 'path',
      label: 'Path',
      value: (v) => v.labels.join(' → '),
      render: (v) => <ActivityChain activities={v.labels} />,
      testId: 'path-labels',
    },
    { key: 'customers', label: 'Customers', numeric: true, value: (v) => v.customers, testId: 'path-customers' },
    {
      key: 'bar',
      label: 'Relative count',
      hideLabel: true,
      screenOnly: true,
      className: 'bar-col',
      render: (v) => <ShareBar share={largest === 0 ? 0 : v.customers / largest} />,
    },
    {
      key: 'share',
      label: 'Share',
      csvLabel: 'Share of customers',
      numeric: true,
      className: 'muted',
      value: (v) => share(v.customers, report.customers),
      render: (v) => formatPercent(share(v.customers, report.customers)),
      testId: 'path-share',
    },
    durationColumn({
      key: 'median',
      label: 'Median duration',
      csvLabel: 'Median seconds',
      seconds: (v) => v.medianSeconds,
      testId: 'path-median',
    }),
  ];
  return (
    <DataTable
      columns={columns}
      rows={report.variants.map((variant, i) => ({ ...variant, rank: i + 1 }))}
      rowKey={(v) => v.labels.join('\u0000')}
      testId="paths-variants"
      rowTestId="path-row"
      className="variants-table"
      csvFileName={csvFileName}
    />
  );
}
