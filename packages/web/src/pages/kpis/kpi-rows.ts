import type { KpiSet, KpisReport } from '@waymark/core';

/** One row of the KPI tables: a `by` group (or the total) of all customers or of a breakdown group. */
export interface KpiRow {
  /** The breakdown group, or {@link ALL_CUSTOMERS}; only shown with a breakdown. */
  group: string;
  /** The `by` group's name, or {@link TOTAL}. */
  name: string;
  kind: 'total' | 'by';
  kpis: KpiSet;
}

export const ALL_CUSTOMERS = 'All customers';
export const TOTAL = 'Total';

/**
 * The rows in the report's order: the total and its `by` groups, then (with a breakdown) each
 * breakdown group's total and `by` groups.
 */
export function kpiRows(report: KpisReport): KpiRow[] {
  const rows: KpiRow[] = [];
  const add = (group: string, kpis: KpiSet, by: KpisReport['total']['by']) => {
    rows.push({ group, name: TOTAL, kind: 'total', kpis });
    for (const entry of by) rows.push({ group, name: entry.name, kind: 'by', kpis: entry.kpis });
  };
  add(ALL_CUSTOMERS, report.total.kpis, report.total.by);
  for (const group of report.groups) add(group.name, group.kpis, group.by);
  return rows;
}

export const surveyAnswers = (kpis: KpiSet): number =>
  kpis.voiceOfCustomer.nps.denominator +
  kpis.voiceOfCustomer.csat.denominator +
  kpis.voiceOfCustomer.ces.mean.denominator;

/** The rows each table shows: every total, and the groups with something to count for that table. */
export const contactRows = (rows: readonly KpiRow[]): KpiRow[] =>
  rows.filter((row) => row.kind === 'total' || row.kpis.contactCentre.contacts > 0);

export const surveyRows = (rows: readonly KpiRow[]): KpiRow[] =>
  rows.filter((row) => row.kind === 'total' || surveyAnswers(row.kpis) > 0);
