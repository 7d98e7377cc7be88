import type { PathNode, PathsReport } from '@waymark/core';
import type { ReactNode } from 'react';
import { csvFileName } from '../../components/data-table/csv.ts';
import { Card, Metric, Metrics } from '../../components/layout.tsx';
import { formatDuration, formatInteger, formatPercent } from '../../format/format.ts';
import { PathsChart } from './paths-chart.tsx';
import { OTHER } from './paths-sankey.ts';
import { NodeTable, VariantTable } from './paths-tables.tsx';

interface PathsViewProps {
  report: PathsReport;
  /** The top-paths picker, shown on the top paths card. */
  variantsPicker: ReactNode;
}

/** The paths report: headline, Sankey diagram, the nodes per step and the most common whole paths. */
export function PathsView({ report, variantsPicker }: PathsViewProps) {
  if (report.customers === 0) {
    return (
      <div className="empty-state wide" data-testid="paths-empty">
        <h2>No paths in this view</h2>
        <p>
          No customer in scope has {report.anchor === null ? 'an event' : `“${report.anchor}”`} in the date range.
          Choose another anchor, widen the dates or clear the segment.
        </p>
      </div>
    );
  }
  const forward = report.direction === 'from';
  const fileBase = ['paths', forward ? 'from' : 'to', report.anchor ?? 'first event', report.by];
  return (
    <>
      <Headline report={report} />
      <Card
        title={forward ? 'Where customers go' : 'How customers get there'}
        subtitle={
          forward
            ? `Each column is a step; a band is customers going from one ${report.by} to the next. Grey: paths that end within ${report.steps} steps. Labels beyond the ${report.by === 'event' ? 'top events' : 'top touchpoints'} of a step are summed as “Other”.`
            : `Left to right in time, ending at ${report.anchor}. Grey: journeys that begin there, with nothing earlier. Labels beyond the top of a step are summed as “Other”.`
        }
        testId="paths-chart-card"
      >
        <PathsChart report={report} testId="paths-chart" />
      </Card>
      <Card
        title="Steps"
        subtitle={
          forward
            ? `The customers at each node; “dropped off” have no further ${report.by} (at the last step, paths may go on beyond the depth shown).`
            : `The customers at each node; “began here” have no earlier ${report.by}.`
        }
        testId="paths-nodes-card"
      >
        <NodeTable report={report} csvFileName={csvFileName(...fileBase, 'steps')} />
      </Card>
      <Card
        title="Top paths"
        subtitle={`Whole paths of up to ${report.steps + 1} ${report.by}s${forward ? ' from the anchor' : ' up to the anchor'}, in time order; duration from the first to the last.`}
        actions={variantsPicker}
        testId="paths-variants-card"
      >
        {report.variants.length === 0 ? (
          <p className="muted">No paths.</p>
        ) : (
          <VariantTable report={report} csvFileName={csvFileName(...fileBase, 'top-paths')} />
        )}
      </Card>
    </>
  );
}

/** The most customers at a step, leaving out "Other" (a sum, not a step anyone took). */
function topAt(nodes: readonly PathNode[], step: number): PathNode | undefined {
  return nodes
    .filter((node) => node.step === step && node.label !== OTHER)
    .sort((a, b) => b.customers - a.customers)[0];
}

function Headline({ report }: { report: PathsReport }) {
  const forward = report.direction === 'from';
  const anchored = report.anchor !== null;
  const share = (n: number) => formatPercent(report.customers === 0 ? 0 : n / report.customers);
  const next = topAt(report.nodes, forward ? 1 : -1);
  const atAnchor = report.nodes.filter((node) => node.step === 0).reduce((sum, node) => sum + node.dropOff, 0);
  const top = report.variants[0];
  return (
    <Metrics>
      <Metric
        label={
          anchored ? (forward ? `Customers with ${report.anchor}` : `Customers reaching ${report.anchor}`) : 'Customers'
        }
        display={formatInteger(report.customers)}
        value={report.customers}
        detail={
          anchored
            ? `paths ${forward ? 'start' : 'end'} at their first one`
            : 'in scope; paths start at their first event'
        }
        testId="paths-customers"
      />
      <Metric
        label={forward ? 'Most common next step' : 'Most common step before'}
        text
        display={next?.label ?? 'None'}
        value={next?.customers ?? 0}
        detail={
          next === undefined ? undefined : `${formatInteger(next.customers)} customers (${share(next.customers)})`
        }
        testId="paths-next"
      />
      <Metric
        label={forward ? (anchored ? 'Ended at the anchor' : 'Only one event') : 'Began at the anchor'}
        display={formatInteger(atAnchor)}
        value={atAnchor}
        detail={`${share(atAnchor)} of customers`}
        testId="paths-at-anchor"
      />
      <Metric
        label="Most common path"
        display={top === undefined ? '–' : share(top.customers)}
        value={top === undefined ? '' : top.customers / report.customers}
        detail={
          top === undefined
            ? undefined
            : `${formatInteger(top.customers)} customers · median ${formatDuration(top.medianSeconds)}`
        }
        testId="paths-top-path"
      />
    </Metrics>
  );
}
