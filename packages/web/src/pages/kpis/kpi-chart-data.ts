import type { KpisReport } from '@waymark/core';
import { CHARTED_GROUPS } from '../../funnels/funnel-view.ts';
import type { KpiReading, KpiSpec } from './kpi-catalog.ts';
import { ALL_CUSTOMERS } from './kpi-rows.ts';

/** A KPI across groups, as the bar chart draws it: a bar per category, a series per customer group. */
export interface KpiChartData {
  categories: string[];
  series: Array<{ name: string; readings: Array<KpiReading | null> }>;
}

/**
 * The chart of one KPI: the `by` groups with something to compute it from (in the report's
 * order) as categories, each drawn for all customers or, with a breakdown, for each breakdown
 * group (the largest {@link CHARTED_GROUPS}). Without `by`, the breakdown groups are the categories.
 */
export function kpiChartData(report: KpisReport, spec: KpiSpec): KpiChartData {
  if (report.by === null) {
    const groups = report.groups.filter((g) => spec.read(g.kpis).denominator > 0);
    return {
      categories: groups.map((g) => g.name),
      series: groups.length === 0 ? [] : [{ name: spec.label, readings: groups.map((g) => spec.read(g.kpis)) }],
    };
  }
  const categories = report.total.by.filter((b) => spec.read(b.kpis).denominator > 0).map((b) => b.name);
  const seriesOf = (name: string, by: KpisReport['total']['by']) => ({
    name,
    readings: categories.map((category) => {
      const entry = by.find((b) => b.name === category);
      return entry === undefined ? null : spec.read(entry.kpis);
    }),
  });
  const series =
    report.groups.length === 0
      ? [seriesOf(ALL_CUSTOMERS, report.total.by)]
      : report.groups.slice(0, CHARTED_GROUPS).map((g) => seriesOf(g.name, g.by));
  return { categories, series: categories.length === 0 ? [] : series };
}
