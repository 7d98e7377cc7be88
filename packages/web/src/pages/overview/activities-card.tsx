import type { OverviewReport } from '@waymark/core';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { Card, ShareBar } from '../../components/layout.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';

const FIRST_ROWS = 12;

type ActivityRow = OverviewReport['activities'][number];

/** The most frequent activities with their share of all events. */
export function ActivitiesCard({ report }: { report: OverviewReport }) {
  const activities = report.activities;
  const largest = activities[0]?.events ?? 0;
  const share = (events: number) => (report.events === 0 ? 0 : events / report.events);
  const columns: Array<Column<ActivityRow>> = [
    { key: 'activity', label: 'Activity', value: (a) => a.activity },
    { key: 'events', label: 'Events', numeric: true, value: (a) => a.events },
    {
      key: 'bar',
      label: 'Relative volume',
      hideLabel: true,
      screenOnly: true,
      className: 'bar-col',
      render: (a) => <ShareBar share={largest === 0 ? 0 : a.events / largest} />,
    },
    {
      key: 'share',
      label: 'Share',
      numeric: true,
      className: 'muted',
      value: (a) => share(a.events),
      render: (a) => formatPercent(share(a.events)),
    },
  ];
  return (
    <Card
      title="Top activities"
      subtitle={`${formatInteger(activities.length)} distinct activities`}
      testId="activities"
    >
      {activities.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <DataTable
          columns={columns}
          rows={activities}
          rowKey={(a) => a.activity}
          testId="activities-table"
          compact
          firstRows={FIRST_ROWS}
        />
      )}
    </Card>
  );
}
