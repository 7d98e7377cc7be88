import { useMemo } from 'react';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../components/echart.tsx';
import { formatCompact, formatInteger, formatPercent } from '../format/format.ts';
import { CHARTED_GROUPS, escapeHtml, type FunnelGroupView, groupColor } from './funnel-view.ts';

export type FunnelScale = 'customers' | 'percent';

interface FunnelChartProps {
  /** One group (the total) draws reached and not-reached bars; several draw one series each. */
  groups: readonly FunnelGroupView[];
  /** With several groups: customers, or the share of each group's first step. */
  scale: FunnelScale;
  label: string;
  testId: string;
  height?: number;
}

interface AxisTooltipRow {
  dataIndex: number;
  seriesIndex: number;
  marker: string;
}

const REACHED = '#4263eb';
const NOT_REACHED = '#dfe5fb';

const rateText = (rate: number | null): string => (rate === null ? '–' : formatPercent(rate));

/** Customers per step: solid bars for those who reached it, pale for those the step before who did not. */
export function FunnelChart({ groups, scale, label, testId, height = 300 }: FunnelChartProps) {
  const option = useMemo<ChartOption>(() => {
    const first = groups[0];
    const steps = first?.steps.map((step) => step.name) ?? [];
    const base: ChartOption = {
      ...BASE_OPTION,
      grid: { left: 4, right: 8, top: 40, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: {
        top: 0,
        left: 0,
        icon: 'roundRect',
        itemWidth: 10,
        itemHeight: 10,
        itemGap: 18,
        textStyle: { color: CHART_COLORS.text, fontSize: 12 },
      },
      xAxis: {
        type: 'category',
        data: steps,
        axisLine: { lineStyle: { color: '#d5d9e2' } },
        axisTick: { show: false },
        axisLabel: { color: CHART_COLORS.text, fontSize: 12, interval: 0, width: 120, overflow: 'break' },
      },
      yAxis: {
        type: 'value',
        max: scale === 'percent' && groups.length > 1 ? 1 : undefined,
        splitLine: { lineStyle: { color: CHART_COLORS.grid } },
        axisLabel: {
          color: CHART_COLORS.axis,
          formatter: (value: number) =>
            scale === 'percent' && groups.length > 1 ? formatPercent(value) : formatCompact(value),
        },
      },
    };
    if (first === undefined) return base;
    if (groups.length === 1) return { ...base, ...singleGroup(first) };
    return { ...base, ...severalGroups(groups.slice(0, CHARTED_GROUPS), scale) };
  }, [groups, scale]);

  return <EChart option={option} height={height} label={label} testId={testId} />;
}

function singleGroup(group: FunnelGroupView): ChartOption {
  const largest = Math.max(1, ...group.steps.map((s) => s.conversionFromPrevious.denominator));
  return {
    tooltip: {
      ...(BASE_OPTION.tooltip as object),
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(66, 99, 235, 0.05)' } },
      formatter: (params: unknown) => {
        const index = (params as AxisTooltipRow[])[0]?.dataIndex ?? 0;
        const step = group.steps[index];
        if (step === undefined) return '';
        const notReached = step.conversionFromPrevious.denominator - step.conversionFromPrevious.numerator;
        return [
          `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(step.name)}</div>`,
          row('Reached', formatInteger(step.customers)),
          row(index === 0 ? 'Of customers in scope' : 'Of the step before', rateText(step.conversionFromPrevious.rate)),
          row('Of the first step', rateText(step.conversionFromStart.rate)),
          row(index === 0 ? 'Did not reach it' : 'Dropped off', formatInteger(notReached)),
        ].join('');
      },
    },
    series: [
      {
        name: 'Reached',
        type: 'bar',
        stack: 'funnel',
        barMaxWidth: 84,
        data: group.steps.map((step) => ({
          value: step.customers,
          label: { show: step.customers / largest > 0.1 },
        })),
        itemStyle: { color: REACHED },
        label: {
          position: 'insideTop',
          color: '#ffffff',
          fontWeight: 600,
          fontSize: 12,
          formatter: (p: { value: unknown }) => formatInteger(Number(p.value)),
        },
      },
      {
        name: 'Did not reach',
        type: 'bar',
        stack: 'funnel',
        data: group.steps.map(
          (step) => step.conversionFromPrevious.denominator - step.conversionFromPrevious.numerator,
        ),
        itemStyle: { color: NOT_REACHED, borderRadius: [4, 4, 0, 0] },
        label: {
          show: true,
          position: 'top',
          color: CHART_COLORS.text,
          fontSize: 12,
          fontWeight: 600,
          formatter: (p: { dataIndex: number }) => {
            const rate = group.steps[p.dataIndex]?.conversionFromPrevious.rate ?? null;
            return rate === null ? '' : formatPercent(rate);
          },
        },
      },
    ],
  };
}

function severalGroups(groups: readonly FunnelGroupView[], scale: FunnelScale): ChartOption {
  const percent = scale === 'percent';
  const labelled = groups.length <= 4;
  return {
    tooltip: {
      ...(BASE_OPTION.tooltip as object),
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(66, 99, 235, 0.05)' } },
      formatter: (params: unknown) => {
        const rows = params as AxisTooltipRow[];
        const index = rows[0]?.dataIndex ?? 0;
        const name = groups[0]?.steps[index]?.name ?? '';
        const lines = rows.map((r) => {
          const group = groups[r.seriesIndex];
          const step = group?.steps[index];
          if (group === undefined || step === undefined) return '';
          return row(
            `${r.marker}${escapeHtml(group.name)}`,
            `${formatInteger(step.customers)} · ${rateText(step.conversionFromStart.rate)}`,
          );
        });
        return `<div style="margin-bottom:4px;font-weight:600">${escapeHtml(name)}</div>${lines.join('')}`;
      },
    },
    series: groups.map((group, g) => ({
      name: group.name,
      type: 'bar' as const,
      barMaxWidth: 40,
      barGap: '12%',
      itemStyle: { color: groupColor(g), borderRadius: [3, 3, 0, 0] },
      data: group.steps.map((step) => (percent ? (step.conversionFromStart.rate ?? 0) : step.customers)),
      label: {
        show: labelled,
        position: 'top' as const,
        fontSize: 10.5,
        color: CHART_COLORS.axis,
        formatter: (p: { value: unknown }) =>
          percent ? formatPercent(Number(p.value)) : formatCompact(Number(p.value)),
      },
    })),
  };
}

function row(name: string, value: string): string {
  return `<div style="display:flex;gap:18px;justify-content:space-between"><span>${name}</span><b>${value}</b></div>`;
}
