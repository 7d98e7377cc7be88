import type { StageFunnelReport } from '@waymark/core';
import { csvFileName } from '../../components/data-table/csv.ts';
import { Card, Metric, Metrics, Segmented } from '../../components/layout.tsx';
import { formatDuration, formatInteger, formatPercent } from '../../format/format.ts';
import { FunnelChart, type FunnelScale } from '../../funnels/funnel-chart.tsx';
import { biggestDropOff, overallConversion } from '../../funnels/funnel-view.ts';
import { GroupTable } from '../../funnels/group-table.tsx';
import { NobodyInScope } from '../../funnels/nobody-in-scope.tsx';
import { StepTable } from '../../funnels/step-table.tsx';
import { StepTimesCard } from '../../funnels/step-times-card.tsx';
import { breakdownLabel } from '../../report-filter/report-filter.ts';

const SCALES: ReadonlyArray<{ value: FunnelScale; label: string }> = [
  { value: 'customers', label: 'Customers' },
  { value: 'percent', label: '% of first stage' },
];

interface StageFunnelViewProps {
  report: StageFunnelReport;
  journeyName: string;
  breakdown: string;
  scale: FunnelScale;
  onScale: (scale: FunnelScale) => void;
}

/** The stage funnel report: headline numbers, the funnel chart, groups, times between stages and the table. */
export function StageFunnelView({ report, journeyName, breakdown, scale, onScale }: StageFunnelViewProps) {
  const { total, groups } = report;
  const broken = groups.length > 0;
  if (total.customers === 0) return <NobodyInScope />;
  const byWhat = breakdownLabel(breakdown);
  const window =
    report.windowSeconds === null ? 'no window' : `within ${formatDuration(report.windowSeconds)} of the stage before`;
  return (
    <>
      <Headline report={report} />
      <Card
        title="Customers per stage"
        subtitle={
          broken
            ? `By ${byWhat}: one bar per group, each stage reached in order (${window}).`
            : `Each stage reached in order (${window}); the pale part reached the stage before but not this one.`
        }
        actions={
          broken ? (
            <Segmented label="Chart scale" options={SCALES} value={scale} onChange={onScale} testId="scale" />
          ) : undefined
        }
        testId="stage-chart-card"
      >
        <FunnelChart
          groups={broken ? groups : [total]}
          scale={scale}
          label={`Customers per stage of ${journeyName}`}
          testId="stage-chart"
        />
        {total.steps[0]?.customers === 0 && (
          <p className="chart-note" data-testid="no-first-stage">
            None of the {formatInteger(total.customers)} customers in scope has an event that matches a touchpoint of{' '}
            {total.steps[0]?.name}: do the journey's touchpoints describe these events?
          </p>
        )}
      </Card>
      {broken && (
        <Card
          title={`Groups by ${byWhat}`}
          subtitle="Customers in each group, and how many of them went from the first stage to the last."
          testId="stage-groups"
        >
          <GroupTable
            total={total}
            groups={groups}
            csvFileName={csvFileName('stage-funnel', report.journey, 'groups', breakdown)}
          />
        </Card>
      )}
      <StepTimesCard
        title="Time between stages"
        subtitle="From reaching one stage to reaching the next, for customers who reached both: median, 90th percentile and spread."
        total={total}
        groups={groups}
        testId="stage-times"
      />
      <Card
        title="Stages"
        subtitle={
          broken
            ? 'All customers first, then each group. “Any order” counts customers with any event in the stage.'
            : '“Any order” counts customers with any event in the stage, whether or not they reached it in order.'
        }
        testId="stage-table-card"
      >
        <StepTable
          total={total}
          groups={groups}
          stepLabel="Stage"
          withGroups={broken}
          anyOrder
          csvFileName={csvFileName('stage-funnel', report.journey, broken ? breakdown : '')}
          testId="stage-table"
        />
      </Card>
    </>
  );
}

function Headline({ report }: { report: StageFunnelReport }) {
  const { total } = report;
  const first = total.steps[0];
  const last = total.steps[total.steps.length - 1];
  const conversion = overallConversion(total);
  const drop = biggestDropOff(total);
  const dropStep = drop === null ? undefined : total.steps[drop];
  return (
    <Metrics>
      <Metric
        label="Customers in scope"
        display={formatInteger(total.customers)}
        value={total.customers}
        detail={report.groups.length > 0 ? `in ${formatInteger(report.groups.length)} groups` : 'with events in range'}
        testId="stage-customers"
      />
      <Metric
        label={`Reached ${first?.name ?? 'the first stage'}`}
        display={formatInteger(first?.customers ?? 0)}
        value={first?.customers ?? 0}
        detail={
          total.customers === 0 ? undefined : `${formatPercent((first?.customers ?? 0) / total.customers)} of customers`
        }
        testId="stage-first"
      />
      <Metric
        label={`Reached ${last?.name ?? 'the last stage'}`}
        display={formatInteger(last?.customers ?? 0)}
        value={last?.customers ?? 0}
        detail={conversion === null ? undefined : `${formatPercent(conversion)} of ${first?.name ?? 'the first stage'}`}
        testId="stage-last"
      />
      <Metric
        label="Biggest drop-off before"
        text
        display={dropStep === undefined ? 'None' : dropStep.name}
        value={dropStep?.droppedOff ?? 0}
        detail={dropStep === undefined ? undefined : `${formatInteger(dropStep.droppedOff)} customers did not reach it`}
        testId="stage-drop"
      />
    </Metrics>
  );
}
