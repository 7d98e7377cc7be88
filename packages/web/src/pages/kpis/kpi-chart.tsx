import type { KpisReport } from '@waymark/core';
import { useMemo } from 'react';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../../components/echart.tsx';
import { escapeHtml, groupColor } from '../../funnels/funnel-view.ts';
import { formatCount, formatKpi, type KpiSpec } from './kpi-catalog.ts';
import { type KpiChartData, kpiChartData } from './kpi-chart-data.ts';

/** Room per bar and between categories, in pixels. */
const BAR = 16;
const GAP = 14;

/** One KPI across the `by` groups (and breakdown groups): horizontal bars, the counts in the tooltip. */
export function KpiChart({ report, spec, testId }: { report: KpisReport; spec: KpiSpec; testId: string }) {
  const data = useMemo(() => kpiChartData(report, spec), [report, spec]);
  const option = useMemo(() => chartOption(data, spec), [data, spec]);
  if (data.categories.length === 0) {
    return (
      <p className="muted" data-testid={`${testId}-empty`}>
        Nothing to compute {spec.label} from in this view.
      </p>
    );
  }
  const height = data.categories.length * (data.series.length * BAR + GAP) + (data.series.length > 1 ? 56 : 24);
  return (
    <div
      data-testid={`${testId}-values`}
      data-categories={JSON.stringify(data.categories)}
      data-values={JSON.stringify(data.series.map((s) => s.readings.map((r) => r?.value ?? null)))}
    >
      <EChart option={option} height={Math.max(140, height)} label={`${spec.label} by group`} testId={testId} />
    </div>
  );
}

function chartOption(data: KpiChartData, spec: KpiSpec): ChartOption {
  const several = data.series.length > 1;
  // Top to bottom in the report's order: a category axis draws its first value at the bottom.
  const categories = [...data.categories].reverse();
  const axisValue = (value: number) =>
    spec.unit === 'rate'
      ? formatKpi('rate', value)
      : spec.unit === 'seconds'
        ? formatKpi('seconds', value)
        : String(value);
  return {
    ...BASE_OPTION,
    grid: {
      left: 4,
      right: 56,
      top: several ? 34 : 4,
      bottom: 4,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: several
      ? { top: 0, left: 0, icon: 'roundRect', itemWidth: 10, itemHeight: 10, textStyle: { color: CHART_COLORS.text } }
      : { show: false },
    tooltip: {
      ...(BASE_OPTION.tooltip as object),
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(59, 91, 219, 0.06)' } },
      formatter: (params: unknown) => {
        const items = params as Array<{ dataIndex: number; seriesIndex: number; color: string }>;
        const first = items[0];
        if (first === undefined) return '';
        const category = categories[first.dataIndex] ?? '';
        const lines = items.map((item) => {
          const series = data.series[item.seriesIndex];
          const reading = series?.readings[data.categories.length - 1 - item.dataIndex] ?? null;
          const name = several ? `${escapeHtml(series?.name ?? '')}: ` : '';
          if (reading === null || reading.value === null) return `<div>${name}–</div>`;
          const counts = `${formatCount(spec.unit, 'numerator', reading.numerator)} ÷ ${formatCount(spec.unit, 'denominator', reading.denominator)}`;
          return `<div><span style="color:${item.color}">●</span> ${name}<b>${formatKpi(spec.unit, reading.value)}</b> <span style="color:${CHART_COLORS.axis}">${counts}</span></div>`;
        });
        return `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(category)}</div>${lines.join('')}`;
      },
    },
    xAxis: {
      type: 'value',
      min: spec.unit === 'nps' ? undefined : 0,
      max:
        spec.unit === 'rate' ? (extent: { max: number }) => Math.min(1, Math.ceil(extent.max * 10.5) / 10) : undefined,
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      axisLabel: { color: CHART_COLORS.axis, formatter: axisValue, hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: categories,
      axisLine: { lineStyle: { color: '#d5d9e2' } },
      axisTick: { show: false },
      axisLabel: { color: CHART_COLORS.text, fontSize: 12 },
    },
    series: data.series.map((series, s) => ({
      name: series.name,
      type: 'bar',
      barMaxWidth: BAR,
      barGap: '15%',
      data: [...series.readings].reverse().map((reading) => reading?.value ?? null),
      itemStyle: {
        color: several ? groupColor(s) : CHART_COLORS.events,
        borderRadius: [0, 3, 3, 0],
        opacity: 0.9,
      },
      label: {
        show: true,
        position: 'right',
        color: CHART_COLORS.text,
        fontSize: 11,
        formatter: (p: { value: unknown }) => (p.value === null ? '' : formatKpi(spec.unit, Number(p.value))),
      },
    })),
  };
}
