import type { RetentionPeriod, RetentionReport } from '@waymark/core';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { cohortLabel, heatColour, periodLabel } from './retention-params.ts';

/** One period of one row: how many returned, out of how many who could have. */
interface Cell {
  returned: number | null;
  /** A cohort's size, or (all cohorts) the customers for whom the period has passed. */
  of: number;
  rate: number | null;
}

export interface CohortRow {
  kind: 'overall' | 'cohort';
  /** The API's cohort date, or "All cohorts". */
  cohort: string;
  customers: number;
  cells: Cell[];
}

export const ALL_COHORTS = 'All cohorts';

/** The table's rows: all cohorts together (the overall rates), then each cohort, oldest first. */
export function cohortRows(report: RetentionReport): CohortRow[] {
  const overall: CohortRow = {
    kind: 'overall',
    cohort: ALL_COHORTS,
    customers: report.cohorts.reduce((sum, c) => sum + c.customers, 0),
    cells: report.overall.map((r) => ({
      returned: r.denominator === 0 ? null : r.numerator,
      of: r.denominator,
      rate: r.denominator === 0 ? null : r.rate,
    })),
  };
  const cohorts = report.cohorts.map(
    (c): CohortRow => ({
      kind: 'cohort',
      cohort: c.cohort,
      customers: c.customers,
      cells: c.returned.map((returned) => ({
        returned,
        of: c.customers,
        rate: returned === null || c.customers === 0 ? null : returned / c.customers,
      })),
    }),
  );
  return [overall, ...cohorts];
}

function HeatCell({ cell, period, k, row }: { cell: Cell; period: RetentionPeriod; k: number; row: CohortRow }) {
  const when = periodLabel(period, k).toLowerCase();
  if (cell.rate === null) {
    const why =
      row.kind === 'overall'
        ? `Not yet observed: ${when} has not passed for any customer`
        : `Not yet observed: ${when} has not fully passed for everyone in this cohort`;
    return (
      <span className="heat-cell pending" title={why}>
        <span className="heat-hidden">not yet observed</span>
      </span>
    );
  }
  const title =
    row.kind === 'overall'
      ? `${formatInteger(cell.returned ?? 0)} of ${formatInteger(cell.of)} customers (those for whom ${when} has passed) came back in ${when}`
      : `${formatInteger(cell.returned ?? 0)} of ${formatInteger(cell.of)} customers came back in ${when}`;
  return (
    <span className="heat-cell" style={heatColour(cell.rate)} title={title}>
      {formatPercent(cell.rate)}
    </span>
  );
}

/** The cohort heat map: a row per cohort, a column per period, each cell the share who came back. */
export function CohortTable({ report, csvFileName }: { report: RetentionReport; csvFileName: string }) {
  const { period } = report;
  const periods = Array.from({ length: report.periods }, (_, k) => k);
  const columns: Array<Column<CohortRow>> = [
    {
      key: 'cohort',
      label: 'Cohort',
      value: (r) => r.cohort,
      render: (r) => (r.kind === 'overall' ? <strong>{ALL_COHORTS}</strong> : cohortLabel(r.cohort, period)),
      className: 'cohort-name',
      testId: 'cohort-name',
    },
    { key: 'customers', label: 'Customers', numeric: true, value: (r) => r.customers, testId: 'cohort-customers' },
    ...periods.map(
      (k): Column<CohortRow> => ({
        key: `rate-${k}`,
        label: periodLabel(period, k),
        numeric: true,
        className: 'heat-col',
        value: (r) => r.cells[k]?.rate ?? null,
        render: (r) => {
          const cell = r.cells[k];
          return cell === undefined ? null : <HeatCell cell={cell} period={period} k={k} row={r} />;
        },
        testId: `cohort-rate-${k}`,
      }),
    ),
    // The counts behind the rates go into the CSV; on screen they are in each cell's title.
    ...periods.map(
      (k): Column<CohortRow> => ({
        key: `returned-${k}`,
        label: `${periodLabel(period, k)} returned`,
        csvOnly: true,
        value: (r) => r.cells[k]?.returned ?? null,
      }),
    ),
  ];
  return (
    <DataTable
      columns={columns}
      rows={cohortRows(report)}
      rowKey={(r) => r.cohort}
      rowClassName={(r) => (r.kind === 'overall' ? 'cohort-overall' : undefined)}
      testId="cohort-table"
      rowTestId="cohort-row"
      className="cohort-table"
      compact
      csvFileName={csvFileName}
    />
  );
}
