import type { OverviewReport } from '@waymark/core';
import { useMemo } from 'react';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../../components/echart.tsx';
import { Card } from '../../components/layout.tsx';
import { formatCompact, formatInteger, formatPercent } from '../../format/format.ts';

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
          <table className="table compact" data-testid="channels-table">
            <thead>
              <tr>
                <th>Channel</th>
                <th className="num">Events</th>
                <th className="num">Customers</th>
                <th className="num">Share</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.channel}>
                  <td>
                    <span className="channel-name">{c.channel}</span>
                  </td>
                  <td className="num">{formatInteger(c.events)}</td>
                  <td className="num">{formatInteger(c.customers)}</td>
                  <td className="num muted">{formatPercent(report.events === 0 ? 0 : c.events / report.events)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
