import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { Card } from '../../components/layout.tsx';
import { formatPercent } from '../../format/format.ts';

interface EndpointCardProps {
  title: string;
  subtitle: string;
  counts: Record<string, number>;
  cases: number;
  testId: string;
}

/** Where journeys begin or end: customers per activity and their share. */
export function EndpointCard({ title, subtitle, counts, cases, testId }: EndpointCardProps) {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const columns: Array<Column<[string, number]>> = [
    {
      key: 'activity',
      label: 'Activity',
      value: ([activity]) => activity,
      className: 'name',
      testId: 'endpoint-activity',
    },
    { key: 'customers', label: 'Customers', numeric: true, value: ([, count]) => count, testId: 'endpoint-count' },
    {
      key: 'share',
      label: 'Share',
      numeric: true,
      className: 'muted',
      value: ([, count]) => (cases === 0 ? null : count / cases),
      render: ([, count]) => formatPercent(cases === 0 ? 0 : count / cases),
    },
  ];
  return (
    <Card title={title} subtitle={subtitle} testId={testId}>
      {rows.length === 0 ? (
        <p className="muted">No journeys yet.</p>
      ) : (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={([activity]) => activity}
          rowTestId={`${testId}-row`}
          compact
        />
      )}
    </Card>
  );
}
