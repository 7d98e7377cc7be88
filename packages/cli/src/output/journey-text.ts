import type { PathLink, PathNode, PathVariant, Rate, ReportTypes, RetentionCohort } from '@waymark/core';
import { formatNumber, formatSeconds, formatTable } from './table.ts';

/** The `paths` report as text: the total's steps and top paths, then the same per breakdown group. */
export function pathsText(report: ReportTypes['paths']): string {
  const anchor = report.anchor ?? "each customer's first event";
  const title = `Paths ${report.direction} ${anchor} (${report.steps} step${report.steps === 1 ? '' : 's'}, by ${report.by}): ${formatNumber(report.customers)} customers`;
  const sections = [title, '', ...pathTables(report)];
  for (const group of report.groups) {
    sections.push('', `${group.name}: ${formatNumber(group.customers)} customers`, ...pathTables(group));
  }
  return sections.join('\n');
}

function pathTables(paths: { nodes: PathNode[]; links: PathLink[]; variants: PathVariant[] }): string[] {
  return [
    formatTable(
      ['step', 'label', 'customers', 'drop-off'],
      paths.nodes.map((node) => [node.step, node.label, node.customers, node.dropOff]),
    ),
    '',
    formatTable(
      ['#', 'customers', 'median', 'path'],
      paths.variants.map((v, i) => [i + 1, v.customers, formatSeconds(v.medianSeconds), v.labels.join(' → ')]),
    ),
  ];
}

/** The `retention` report as text: the cohort table with the overall row, then one per breakdown group. */
export function retentionText(report: ReportTypes['retention']): string {
  const title = `Retention by ${report.period}: ${report.startEvent}, then ${report.returnEvent}`;
  const sections = [title, '', cohortTable(report.period, report)];
  for (const group of report.groups) {
    sections.push('', `${group.name}: ${formatNumber(group.customers)} customers`, cohortTable(report.period, group));
  }
  return sections.join('\n');
}

function cohortTable(period: string, table: { cohorts: RetentionCohort[]; overall: Rate[] }): string {
  const periods = table.overall.map((_, k) => `${period} ${k}`);
  const customers = table.cohorts.reduce((sum, c) => sum + c.customers, 0);
  return formatTable(
    ['cohort', 'customers', ...periods],
    [
      ['all', customers, ...table.overall.map((r) => (r.rate === null ? '-' : `${(100 * r.rate).toFixed(1)}%`))],
      ...table.cohorts.map((c) => [c.cohort, c.customers, ...c.returned.map((n) => (n === null ? '-' : n))]),
    ],
  );
}
