import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export type ChartOption = echarts.EChartsOption;

interface EChartProps {
  option: ChartOption;
  /** CSS height of the chart; the width follows the container. */
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
  testId?: string;
}

/** An ECharts canvas: created on mount, updated when `option` changes, resized with its box, disposed on unmount. */
export function EChart({ option, height, label, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    let frame = 0;
    const resize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    };
    window.addEventListener('resize', resize);
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', resize);
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}

/** The app's chart colours, calm and distinguishable. */
export const CHART_COLORS = {
  events: '#4263eb',
  customers: '#12b886',
  grid: '#eef0f4',
  axis: '#8a94a6',
  text: '#3b4252',
};

/** Shared look for every chart: system font, quiet axes, a tooltip that matches the app. */
export const BASE_OPTION: ChartOption = {
  textStyle: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    color: CHART_COLORS.text,
  },
  animationDuration: 400,
  tooltip: {
    backgroundColor: '#ffffff',
    borderColor: '#e3e6ec',
    borderWidth: 1,
    padding: [8, 12],
    textStyle: { color: CHART_COLORS.text, fontSize: 12 },
    extraCssText: 'box-shadow: 0 4px 16px rgba(20, 30, 60, 0.10); border-radius: 8px;',
  },
};
