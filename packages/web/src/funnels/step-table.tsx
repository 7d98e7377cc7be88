import { type Column, DataTable } from '../components/data-table/data-table.tsx';
import { formatDuration, formatInteger, formatPercent } from '../format/format.ts';
import { type FunnelGroupView, TOTAL_LABEL } from './funnel-view.ts';
import './funnels.css';

/** One table row: a step of the total or of a breakdown group. */
export interface StepRow {
  group: FunnelGroupView;
  /** The group's name on screen and in the CSV ("All customers" for the total). */
  groupName: string;
  /** 0 for the total, 1… for breakdown groups (in the report's order). */
  groupIndex: number;
  /** The step's index in the funnel. */
  index: number;
  step: FunnelGroupView['steps'][number];
}

/** The total's steps, then each group's. */
export function stepRows(total: FunnelGroupView, groups: readonly FunnelGroupView[]): StepRow[] {
  return [total, ...groups].flatMap((group, groupIndex) =>
    group.steps.map((step, index) => ({
      group,
      groupName: group.isTotal ? TOTAL_LABEL : group.name,
      groupIndex,
      index,
      step,
    })),
  );
}

const rateOrNull = (rate: number | null): string => (rate === null ? '–' : formatPercent(rate));
const seconds = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : formatDuration(value);

interface StepColumnsOptions {
  /** "Stage" or "Step". */
  stepLabel: string;
  /** A group column (with a breakdown). */
  withGroups: boolean;
  /** The stage funnel's "reached in any order" count. */
  anyOrder: boolean;
}

export function stepColumns({ stepLabel, withGroups, anyOrder }: StepColumnsOptions): Array<Column<StepRow>> {
  const columns: Array<Column<StepRow>> = [];
  if (withGroups) {
    columns.push({
      key: 'group',
      label: 'Group',
      value: (r) => r.groupName,
      render: (r) => (r.index === 0 ? r.groupName : ''),
      className: 'group-cell',
      testId: 'step-group',
    });
  }
  columns.push(
    {
      key: 'step',
      label: stepLabel,
      value: (r) => r.step.name,
      render: (r) => (
        <span className="step-name">
          <span className="step-number">{r.index + 1}</span>
          {r.step.name}
        </span>
      ),
      className: 'name',
      testId: 'step-name',
    },
    { key: 'customers', label: 'Customers', numeric: true, value: (r) => r.step.customers, testId: 'step-customers' },
    {
      key: 'fromPrevious',
      label: 'From previous',
      csvLabel: 'Conversion from previous',
      numeric: true,
      value: (r) => r.step.conversionFromPrevious.rate,
      render: (r) => rateOrNull(r.step.conversionFromPrevious.rate),
      testId: 'step-from-previous',
    },
    {
      key: 'fromStart',
      label: 'From first',
      csvLabel: 'Conversion from first step',
      numeric: true,
      value: (r) => r.step.conversionFromStart.rate,
      render: (r) => rateOrNull(r.step.conversionFromStart.rate),
      testId: 'step-from-start',
    },
    {
      key: 'droppedOff',
      label: 'Dropped off',
      numeric: true,
      value: (r) => r.step.droppedOff,
      render: (r) => formatInteger(r.step.droppedOff),
      testId: 'step-dropped',
    },
  );
  if (anyOrder) {
    columns.push({
      key: 'anyOrder',
      label: 'Any order',
      csvLabel: 'Reached in any order',
      numeric: true,
      className: 'muted',
      value: (r) => r.step.reachedAnyOrder ?? null,
      testId: 'step-any-order',
    });
  }
  columns.push(
    {
      key: 'median',
      label: 'Median time',
      csvLabel: 'Median seconds from previous',
      numeric: true,
      value: (r) => r.step.timeFromPrevious?.medianSeconds ?? null,
      render: (r) => seconds(r.step.timeFromPrevious?.medianSeconds),
      testId: 'step-median',
    },
    {
      key: 'p90',
      label: 'p90 time',
      csvLabel: 'p90 seconds from previous',
      numeric: true,
      value: (r) => r.step.timeFromPrevious?.p90Seconds ?? null,
      render: (r) => seconds(r.step.timeFromPrevious?.p90Seconds),
      testId: 'step-p90',
    },
  );
  return columns;
}

interface StepTableProps extends StepColumnsOptions {
  total: FunnelGroupView;
  groups: readonly FunnelGroupView[];
  csvFileName: string;
  testId: string;
}

/** Every step's numbers, the total first and then each breakdown group; exportable as CSV. */
export function StepTable({ total, groups, csvFileName, testId, ...options }: StepTableProps) {
  return (
    <DataTable
      columns={stepColumns(options)}
      rows={stepRows(total, groups)}
      rowKey={(r) => `${r.groupIndex}:${r.index}`}
      rowClassName={(r) => (r.index === 0 && r.groupIndex > 0 ? 'group-start' : undefined)}
      testId={testId}
      rowTestId="step-row"
      csvFileName={csvFileName}
    />
  );
}
