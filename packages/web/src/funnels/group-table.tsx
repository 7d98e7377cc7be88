import { type Column, DataTable } from '../components/data-table/data-table.tsx';
import { ShareBar } from '../components/layout.tsx';
import { formatPercent } from '../format/format.ts';
import { type FunnelGroupView, groupColor, overallConversion } from './funnel-view.ts';
import './funnels.css';

type GroupRow = FunnelGroupView & { index: number };

/** Breakdown groups side by side: how many customers each has, and how many get to the end. */
export function GroupTable({
  total,
  groups,
  csvFileName,
}: {
  total: FunnelGroupView;
  groups: readonly FunnelGroupView[];
  csvFileName: string;
}) {
  const share = (customers: number) => (total.customers === 0 ? 0 : customers / total.customers);
  const lastIndex = total.steps.length - 1;
  const bestConversion = Math.max(0, ...groups.map((g) => overallConversion(g) ?? 0));
  const columns: Array<Column<GroupRow>> = [
    {
      key: 'group',
      label: 'Group',
      value: (g) => g.name,
      render: (g) => (
        <span className="group-name">
          <span className="group-swatch" style={{ background: groupColor(g.index) }} aria-hidden="true" />
          {g.name}
        </span>
      ),
      className: 'name',
      testId: 'group-name',
    },
    { key: 'customers', label: 'Customers', numeric: true, value: (g) => g.customers, testId: 'group-customers' },
    {
      key: 'share',
      label: 'Share',
      csvLabel: 'Share of customers',
      numeric: true,
      className: 'muted',
      value: (g) => share(g.customers),
      render: (g) => formatPercent(share(g.customers)),
    },
    {
      key: 'first',
      label: total.steps[0]?.name ?? 'First step',
      numeric: true,
      value: (g) => g.steps[0]?.customers ?? 0,
      testId: 'group-first',
    },
    {
      key: 'last',
      label: total.steps[lastIndex]?.name ?? 'Last step',
      numeric: true,
      value: (g) => g.steps[lastIndex]?.customers ?? 0,
      testId: 'group-last',
    },
    {
      key: 'conversion',
      label: 'First to last',
      csvLabel: 'Conversion from first to last step',
      numeric: true,
      value: (g) => overallConversion(g),
      render: (g) => {
        const rate = overallConversion(g);
        return rate === null ? '–' : formatPercent(rate);
      },
      testId: 'group-conversion',
    },
    {
      key: 'bar',
      label: 'Conversion compared with the best group',
      hideLabel: true,
      screenOnly: true,
      className: 'bar-col',
      render: (g) => <ShareBar share={bestConversion === 0 ? 0 : (overallConversion(g) ?? 0) / bestConversion} />,
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={groups.map((group, index) => ({ ...group, index }))}
      rowKey={(g) => g.name}
      testId="group-table"
      rowTestId="group-row"
      compact
      csvFileName={csvFileName}
    />
  );
}
