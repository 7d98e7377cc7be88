import type { TimeStats } from '@waymark/core';
import { useMemo } from 'react';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../components/echart.tsx';
import { formatInteger } from '../format/format.ts';
import { escapeHtml, groupColor } from './funnel-view.ts';

export interface HistogramSeries {
  name: string;
  stats: TimeStats;
}

interface TimeHistogramProps {
  /** One series (the total), or one per breakdown group, stacked. */
  series: readonly HistogramSeries[];
  label: string;
  testId?: string;
  height?: number;
}

interface AxisTooltipRow {
  dataIndex: number;
  seriesName: string;
  marker: string;
  value: number;
}

/** How long customers took, in the report's fixed bins (under a minute at the top, a month and more at the bottom). */
export function TimeHistogram({ series, label, testId, height = 190 }: TimeHistogramProps) {
  const option = useMemo<ChartOption>(() => {
    const bins = series[0]?.stats.histogram.map((bin) => bin.label) ?? [];
    const stacked = series.length > 1;
    return {
      ...BASE_OPTION,
      animation: false,
      grid: { left: 4, right: 34, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        ...(BASE_OPTION.tooltip as object),
        trigger: 'axis',
        axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(66, 99, 235, 0.05)' } },
        formatter: (params: unknown) => {
          const rows = params as AxisTooltipRow[];
          const bin = bins[rows[0]?.dataIndex ?? 0] ?? '';
          const lines = rows.map(
            (r) =>
              `<div style="display:flex;gap:18px;justify-content:space-between"><span>${stacked ? r.marker + escapeHtml(r.seriesName) : 'Customers'}</span><b>${formatInteger(r.value)}</b></div>`,
          );
          return `<div style="margin-bottom:4px;color:#6b7486">${escapeHtml(bin)}</div>${lines.join('')}`;
        },
      },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bins,
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: CHART_COLORS.axis, fontSize: 11 },
      },
      series: series.map((s, g) => ({
        name: s.name,
        type: 'bar' as const,
        stack: 'time',
        barMaxWidth: 12,
        itemStyle: { color: stacked ? groupColor(g) : '#748ffc', opacity: 0.9 },
        data: s.stats.histogram.map((bin) => bin.count),
        label: {
          show: g === series.length - 1,
          position: 'right' as const,
          color: CHART_COLORS.axis,
          fontSize: 10.5,
          formatter: (p: { dataIndex: number }) => {
            const total = series.reduce((sum, one) => sum + (one.stats.histogram[p.dataIndex]?.count ?? 0), 0);
            return total === 0 ? '' : formatInteger(total);
          },
        },
      })),
    };
  }, [series]);
  return <EChart option={option} height={height} label={label} testId={testId} />;
}
