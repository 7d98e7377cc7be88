import type { OverviewReport } from '@waymark/core';
import { useMemo } from 'react';
import { type Column, DataTable } from '../../components/data-table/data-table.tsx';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../../components/echart.tsx';
import { Card } from '../../components/layout.tsx';
import { formatCompact, formatPercent } from '../../format/format.ts';

/** Events by channel: a bar chart and the same numbers in a table with customers and share. */
export function ChannelsCard({ report }: { report: OverviewReport }) {
  const channels = report.channels;
  const option = useMemo<ChartOption>(() => {
    const ordered = [...channels].reverse(); // largest at the top of a horizontal bar chart
    return {
      ...BASE_OPTION,
      grid: { left: 4, right: 40, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: { ...(BASE_OPTION.tooltip as object), trigger: 'axis', axisPointer: { type: 'none' } },
      xAxis: {
        type: 'value',
        axisLabel: { show: false },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((c) => c.channel),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: CHART_COLORS.text, fontSize: 12 },
      },
      series: [
        {
          name: 'Events',
          type: 'bar',
          data: ordered.map((c) => c.events),
          barMaxWidth: 16,
          itemStyle: { color: CHART_COLORS.events, borderRadius: [0, 3, 3, 0], opacity: 0.85 },
          label: {
            show: true,
            position: 'right',
            color: CHART_COLORS.axis,
            fontSize: 11,
            formatter: (p: { value: unknown }) => formatCompact(Number(p.value)),
          },
        },
      ],
    };
  }, [channels]);

  return (
    <Card title="Channels" subtitle="Where events came from" testId="channels">
      {channels.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        <>
          <EChart
            option={option}
            height={Math.max(120, channels.length * 30 + 16)}
            label="Events by channel"
            testId="channels-chart"
          />
          <DataTable
            columns={channelColumns(report)}
            rows={channels}
            rowKey={(c) => c.channel}
            testId="channels-table"
            compact
          />
        </>
      )}
    </Card>
  );
}

function channelColumns(report: OverviewReport): Array<Column<OverviewReport['channels'][number]>> {
  const share = (events: number) => (report.events === 0 ? 0 : events / report.events);
  return [
    {
      key: 'channel',
      label: 'Channel',
      value: (c) => c.channel,
      render: (c) => <span className="channel-name">{c.channel}</span>,
    },
    { key: 'events', label: 'Events', numeric: true, value: (c) => c.events },
    { key: 'customers', label: 'Customers', numeric: true, value: (c) => c.customers },
    {
      key: 'share',
      label: 'Share',
      numeric: true,
      className: 'muted',
      value: (c) => share(c.events),
      render: (c) => formatPercent(share(c.events)),
    },
  ];
}
