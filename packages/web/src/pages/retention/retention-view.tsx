import type { Rate, RetentionReport } from '@waymark/core';
import { csvFileName } from '../../components/data-table/csv.ts';
import { Card, Metric, Metrics } from '../../components/layout.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { CohortTable } from './cohort-table.tsx';
import { RetentionChart } from './retention-chart.tsx';
import { periodLabel } from './retention-params.ts';

/** The retention report: headline rates, the overall curve and the cohort heat map. */
export function RetentionView({ report }: { report: RetentionReport }) {
  if (report.cohorts.length === 0) {
    return (
      <div className="empty-state wide" data-testid="retention-empty">
        <h2>No cohorts in this view</h2>
        <p>
          No customer in scope has {report.startEvent === '(any event)' ? 'an event' : `“${report.startEvent}”`} in the
          date range. Choose another start event, widen the dates or clear the segment.
        </p>
      </div>
    );
  }
  const returning = report.returnEvent === '(any event)' ? 'any event' : `“${report.returnEvent}”`;
  const starting = report.startEvent === '(any event)' ? 'their first event' : `their first “${report.startEvent}”`;
  const slug = (name: string) => (name === '(any event)' ? 'any' : name);
  return (
    <>
      <Headline report={report} />
      <Card
        title="Returning customers, all cohorts"
        subtitle={`The share who had ${returning} in each ${report.period} after ${starting}, counting only customers for whom that ${report.period} has passed.`}
        testId="retention-chart-card"
      >
        <RetentionChart report={report} testId="retention-chart" />
      </Card>
      <Card
        title="Cohorts"
        subtitle={`Customers by the ${report.period} of ${starting}; each cell the share of the cohort with ${returning} that many ${report.period}s later (${periodLabel(report.period, 0).toLowerCase()}: the rest of the first ${report.period === 'month' ? '30 days' : report.period}). Hover a cell for the count; hatched cells are not yet observed.`}
        testId="retention-cohorts"
      >
        <CohortTable
          report={report}
          csvFileName={csvFileName('retention', slug(report.startEvent), slug(report.returnEvent), report.period)}
        />
      </Card>
    </>
  );
}

function rateDetail(rate: Rate): string {
  return `${formatInteger(rate.numerator)} of ${formatInteger(rate.denominator)} customers`;
}

function Headline({ report }: { report: RetentionReport }) {
  const customers = report.cohorts.reduce((sum, c) => sum + c.customers, 0);
  const observed = report.overall.map((rate, k) => ({ rate, k })).filter(({ rate }) => rate.denominator > 0);
  const first = observed.find(({ k }) => k === 1) ?? observed[0];
  const last = observed.at(-1);
  const metric = (entry: { rate: Rate; k: number } | undefined, testId: string) =>
    entry === undefined ? null : (
      <Metric
        label={`Came back in ${periodLabel(report.period, entry.k).toLowerCase()}`}
        display={formatPercent(entry.rate.rate ?? 0)}
        value={entry.rate.rate ?? ''}
        detail={rateDetail(entry.rate)}
        testId={testId}
      />
    );
  return (
    <Metrics>
      <Metric
        label="Customers in cohorts"
        display={formatInteger(customers)}
        value={customers}
        detail={`in ${formatInteger(report.cohorts.length)} ${report.period === 'day' ? 'daily' : `${report.period}ly`} cohorts`}
        testId="retention-customers"
      />
      {metric(observed[0], 'retention-period-0')}
      {first !== observed[0] && metric(first, 'retention-period-1')}
      {last !== undefined && last !== first && last !== observed[0] && metric(last, 'retention-last')}
    </Metrics>
  );
}
