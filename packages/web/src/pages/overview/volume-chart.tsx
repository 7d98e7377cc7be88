import type { Bucket, OverviewPoint } from '@waymark/core';
import { useMemo } from 'react';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../../components/echart.tsx';
import { formatCompact, formatDay, formatDayAndTime, formatInteger } from '../../format/format.ts';

interface TooltipRow {
  value: [string, number];
  seriesName: string;
  marker: string;
}

function bucketLabel(iso: string, bucket: Bucket): string {
  if (bucket === 'hour') return `${formatDayAndTime(iso)} UTC`;
  if (bucket === 'week') return `Week of ${formatDay(iso)}`;
  return formatDay(iso);
}

/** Events (bars) and customers (line) per time bucket. */
export function VolumeChart({ series, bucket }: { series: readonly OverviewPoint[]; bucket: Bucket }) {
  const option = useMemo<ChartOption>(
    () => ({
      ...BASE_OPTION,
      useUTC: true,
      color: [CHART_COLORS.events, CHART_COLORS.customers],
      grid: { left: 4, right: 12, top: 40, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: {
        top: 0,
        left: 0,
        icon: 'roundRect',
        itemWidth: 10,
        itemHeight: 10,
        itemGap: 18,
        textStyle: { color: CHART_COLORS.text, fontSize: 12 },
      },
      tooltip: {
        ...(BASE_OPTION.tooltip as object),
        trigger: 'axis',
        axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(66, 99, 235, 0.06)' } },
        formatter: (params: unknown) => {
          const rows = params as TooltipRow[];
          const first = rows[0];
          if (first === undefined) return '';
          const lines = rows.map(
            (row) =>
              `<div style="display:flex;gap:16px;justify-content:space-between"><span>${row.marker}${row.seriesName}</span><b>${formatInteger(row.value[1])}</b></div>`,
          );
          return `<div style="margin-bottom:4px;color:#6b7486">${bucketLabel(first.value[0], bucket)}</div>${lines.join('')}`;
        },
      },
      xAxis: {
        type: 'time',
        axisLine: { lineStyle: { color: '#d5d9e2' } },
        axisTick: { show: false },
        axisLabel: {
          color: CHART_COLORS.axis,
          hideOverlap: true,
          formatter: {
            year: '{yyyy}',
            month: '{MMM}',
            day: '{MMM} {d}',
            hour: '{HH}:{mm}',
            minute: '{HH}:{mm}',
          },
        },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: CHART_COLORS.axis, formatter: (value: number) => formatCompact(value) },
        splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      },
      dataZoom: [{ type: 'inside', filterMode: 'none' }],
      series: [
        {
          name: 'Events',
          type: 'bar',
          data: series.map((point) => [point.start, point.events]),
          barMaxWidth: 22,
          itemStyle: { borderRadius: [3, 3, 0, 0], opacity: 0.85 },
          emphasis: { itemStyle: { opacity: 1 } },
        },
        {
          name: 'Customers',
          type: 'line',
          data: series.map((point) => [point.start, point.customers]),
          showSymbol: series.length <= 40,
          symbolSize: 5,
          smooth: 0.25,
          lineStyle: { width: 2.2 },
          z: 3,
        },
      ],
    }),
    [series, bucket],
  );
  return <EChart option={option} height={300} label="Events and customers over time" testId="volume-chart" />;
}
