import type { RetentionReport } from '@waymark/core';
import { useMemo } from 'react';
import { BASE_OPTION, CHART_COLORS, type ChartOption, EChart } from '../../components/echart.tsx';
import { formatInteger, formatPercent } from '../../format/format.ts';
import { periodLabel } from './retention-params.ts';

const LINE = '#4263eb';

/** The share of all cohorts' customers who came back in each period, for those who could have. */
export function RetentionChart({ report, testId }: { report: RetentionReport; testId: string }) {
  const option = useMemo<ChartOption>(() => {
    const labels = report.overall.map((_, k) => periodLabel(report.period, k));
    const rates = report.overall.map((r) => (r.denominator === 0 ? null : r.rate));
    return {
      ...BASE_OPTION,
      grid: { left: 4, right: 16, top: 16, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      tooltip: {
        ...(BASE_OPTION.tooltip as object),
        trigger: 'axis',
        formatter: (params: unknown) => {
          const index = (params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0;
          const rate = report.overall[index];
          if (rate === undefined) return '';
          const head = `<div style="margin-bottom:4px;font-weight:600">${labels[index]}</div>`;
          if (rate.denominator === 0) return `${head}<div>Not yet observed</div>`;
          return `${head}<div><b>${formatPercent(rate.rate ?? 0)}</b> came back</div><div style="color:${CHART_COLORS.axis}">${formatInteger(rate.numerator)} of ${formatInteger(rate.denominator)} customers</div>`;
        },
      },
      xAxis: {
        type: 'category',
        data: labels,
        boundaryGap: true,
        axisLine: { lineStyle: { color: '#d5d9e2' } },
        axisTick: { show: false },
        axisLabel: { color: CHART_COLORS.axis, fontSize: 11.5 },
      },
      yAxis: {
        type: 'value',
        min: 0,
        // Headroom above the highest point for its label, in whole tens of percent.
        max: (extent: { max: number }) => Math.min(1, Math.ceil(extent.max * 11) / 10),
        splitLine: { lineStyle: { color: CHART_COLORS.grid } },
        axisLabel: { color: CHART_COLORS.axis, formatter: (value: number) => formatPercent(value) },
      },
      series: [
        {
          name: 'All cohorts',
          type: 'line',
          data: rates,
          connectNulls: false,
          symbol: 'circle',
          symbolSize: 7,
          lineStyle: { color: LINE, width: 2.5 },
          itemStyle: { color: LINE, borderColor: '#ffffff', borderWidth: 1.5 },
          areaStyle: {
            color: {
              type: 'linear',
              x: 0,
              y: 0,
              x2: 0,
              y2: 1,
              colorStops: [
                { offset: 0, color: 'rgba(66, 99, 235, 0.18)' },
                { offset: 1, color: 'rgba(66, 99, 235, 0.01)' },
              ],
            },
          },
          label: {
            show: rates.length <= 16,
            position: 'top',
            fontSize: 11,
            color: CHART_COLORS.text,
            formatter: (p: { value: unknown }) => (p.value === null ? '' : formatPercent(Number(p.value))),
          },
        },
      ],
    };
  }, [report]);
  return (
    <div
      data-testid={`${testId}-values`}
      data-rates={report.overall.map((r) => (r.denominator === 0 ? '' : r.rate)).join(',')}
    >
      <EChart option={option} height={260} label={`Retention by ${report.period}, all cohorts`} testId={testId} />
    </div>
  );
}
