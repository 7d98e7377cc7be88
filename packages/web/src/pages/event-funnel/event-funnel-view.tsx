import type { EventFunnelReport, FunnelMode } from '@waymark/core';
import { csvFileName } from '../../components/data-table/csv.ts';
import { Card, Metric, Metrics, Segmented } from '../../components/layout.tsx';
import { formatDuration, formatInteger, formatPercent } from '../../format/format.ts';
import { FunnelChart, type FunnelScale } from '../../funnels/funnel-chart.tsx';
import { overallConversion } from '../../funnels/funnel-view.ts';
import { GroupTable } from '../../funnels/group-table.tsx';
import { NobodyInScope } from '../../funnels/nobody-in-scope.tsx';
import { StepTable } from '../../funnels/step-table.tsx';
import { StepTimesCard } from '../../funnels/step-times-card.tsx';
import { breakdownLabel } from '../../report-filter/report-filter.ts';
import { useQueryParam } from '../../router/router.tsx';
import { ConvertTimeCard } from './convert-time-card.tsx';
import { DropOffCard } from './drop-off-card.tsx';

export const MODE_HELP: Record<FunnelMode, string> = {
  ordered: 'Ordered: the steps in this order, other events in between allowed',
  strict: 'Strict: each step the very next event after the one before',
  any: 'Any order: every step, in any order',
};

const SCALES: ReadonlyArray<{ value: FunnelScale; label: string }> = [
  { value: 'customers', label: 'Customers' },
  { value: 'percent', label: '% of first step' },
];

const parseScale = (text: string | null): FunnelScale | null =>
  text === 'percent' || text === 'customers' ? text : null;

/** The event funnel report: headline, chart, time to convert, drop-off customers, groups and the step table. */
export function EventFunnelView({ report, breakdown }: { report: EventFunnelReport; breakdown: string }) {
  const [scale, setScale] = useQueryParam<FunnelScale>('scale', 'customers', parseScale);
  const { total, groups } = report;
  const broken = groups.length > 0;
  if (total.customers === 0) return <NobodyInScope />;
  const byWhat = breakdownLabel(breakdown);
  const window = report.windowSeconds === null ? 'no time limit' : `all within ${formatDuration(report.windowSeconds)}`;
  const fileBase = ['funnel', report.funnel];
  return (
    <>
      <Headline report={report} />
      <Card
        title="Customers per step"
        subtitle={`${MODE_HELP[report.mode]}; ${window}.${broken ? ` One bar per ${byWhat} group.` : ''}`}
        actions={
          broken ? (
            <Segmented label="Chart scale" options={SCALES} value={scale} onChange={setScale} testId="scale" />
          ) : undefined
        }
        testId="funnel-chart-card"
      >
        <FunnelChart
          groups={broken ? groups : [total]}
          scale={scale}
          label={`Customers per step of ${report.funnel}`}
          testId="funnel-chart"
        />
      </Card>
      <div className="grid grid-halves">
        <ConvertTimeCard report={report} />
        <DropOffCard report={report} fileBase={fileBase} />
      </div>
      {broken && (
        <Card
          title={`Groups by ${byWhat}`}
          subtitle="Customers in each group, and how many of them went from the first step to the last."
          testId="funnel-groups"
        >
          <GroupTable total={total} groups={groups} csvFileName={csvFileName(...fileBase, 'groups', breakdown)} />
        </Card>
      )}
      {report.mode !== 'any' && (
        <StepTimesCard
          title="Time between steps"
          subtitle="From one step to the next, for customers who reached both: median, 90th percentile and spread."
          total={total}
          groups={groups}
          testId="funnel-times"
        />
      )}
      <Card
        title="Steps"
        subtitle={broken ? 'All customers first, then each group.' : undefined}
        testId="funnel-table-card"
      >
        <StepTable
          total={total}
          groups={groups}
          stepLabel="Step"
          withGroups={broken}
          anyOrder={false}
          csvFileName={csvFileName(...fileBase, broken ? breakdown : '')}
          testId="funnel-table"
        />
      </Card>
    </>
  );
}

function Headline({ report }: { report: EventFunnelReport }) {
  const { total } = report;
  const first = total.steps[0];
  const last = total.steps[total.steps.length - 1];
  const conversion = overallConversion(total);
  const convert = total.timeToConvert;
  return (
    <Metrics>
      <Metric
        label="Customers in scope"
        display={formatInteger(total.customers)}
        value={total.customers}
        detail={report.groups.length > 0 ? `in ${formatInteger(report.groups.length)} groups` : 'with events in range'}
        testId="funnel-customers"
      />
      <Metric
        label="Started"
        display={formatInteger(first?.customers ?? 0)}
        value={first?.customers ?? 0}
        detail={first === undefined ? undefined : `reached ${first.name}`}
        testId="funnel-started"
      />
      <Metric
        label="Converted"
        display={formatInteger(last?.customers ?? 0)}
        value={last?.customers ?? 0}
        detail={conversion === null ? undefined : `${formatPercent(conversion)} of those who started`}
        testId="funnel-converted"
      />
      <Metric
        label="Median time to convert"
        display={convert === null || convert.medianSeconds === null ? '–' : formatDuration(convert.medianSeconds)}
        value={convert?.medianSeconds ?? ''}
        detail={
          report.mode === 'any'
            ? 'not measured in any order'
            : convert === null || convert.p90Seconds === null
              ? undefined
              : `p90 ${formatDuration(convert.p90Seconds)}`
        }
        testId="funnel-convert-median"
      />
    </Metrics>
  );
}
