import type { FunnelStep, ReportName, ReportTypes } from '@waymark/core';
import { pathsText, retentionText } from './journey-text.ts';
import { kpiText } from './kpi-text.ts';
import { formatNumber, formatSeconds, formatTable } from './table.ts';
import { timelineText } from './timeline-text.ts';

/** The readable (non-JSON) form of each report. */
export function reportText<K extends ReportName>(name: K, report: ReportTypes[K]): string {
  if (name === 'dfg') {
    const dfg = report as ReportTypes['dfg'];
    return [
      `${formatNumber(dfg.cases)} customers, ${formatNumber(dfg.events)} events, ${dfg.activities.length} activities, ${dfg.edges.length} edges`,
      '',
      formatTable(
        ['from', 'to', 'count', 'median', 'p90'],
        dfg.edges.map((e) => [e.from, e.to, e.count, formatSeconds(e.medianSeconds), formatSeconds(e.p90Seconds)]),
      ),
      '',
      formatTable(
        ['activity', 'starts', 'ends'],
        dfg.activities.map((a) => [a, dfg.startActivities[a] ?? 0, dfg.endActivities[a] ?? 0]),
      ),
    ].join('\n');
  }
  if (name === 'variants') {
    const v = report as ReportTypes['variants'];
    return [
      `${formatNumber(v.cases)} customers follow ${formatNumber(v.variantCount)} variants`,
      '',
      formatTable(
        ['#', 'customers', 'share', 'activities'],
        v.variants.map((variant, i) => [
          i + 1,
          variant.count,
          `${((100 * variant.count) / Math.max(1, v.cases)).toFixed(1)}%`,
          variant.activities.join(' → '),
        ]),
      ),
    ].join('\n');
  }
  if (name === 'stage-funnel' || name === 'funnel') {
    const funnel = report as ReportTypes['stage-funnel'] | ReportTypes['funnel'];
    const title =
      'journey' in funnel ? `Stage funnel of ${funnel.journey}` : `Funnel ${funnel.funnel} (${funnel.mode})`;
    const sections = [title, '', funnelTable(funnel.total)];
    for (const group of funnel.groups)
      sections.push('', `${group.name}: ${formatNumber(group.customers)} customers`, funnelTable(group));
    if ('dropOff' in funnel && funnel.dropOff !== null) {
      sections.push(
        '',
        `${formatNumber(funnel.dropOff.count)} dropped off after step ${funnel.dropOff.afterStep}:`,
        ...funnel.dropOff.customers,
      );
    }
    return sections.join('\n');
  }
  if (name === 'paths') return pathsText(report as ReportTypes['paths']);
  if (name === 'retention') return retentionText(report as ReportTypes['retention']);
  if (name === 'kpis') return kpiText(report as ReportTypes['kpis']);
  if (name === 'timeline') return timelineText(report as ReportTypes['timeline']);
  const o = report as ReportTypes['overview'];
  return [
    `${formatNumber(o.events)} events from ${formatNumber(o.customers)} customers, ${o.firstTimestamp ?? '-'} to ${o.lastTimestamp ?? '-'}`,
    '',
    formatTable(
      ['channel', 'events', 'customers'],
      o.channels.map((c) => [c.channel, c.events, c.customers]),
    ),
    '',
    formatTable(
      ['activity', 'events'],
      o.activities.map((a) => [a.activity, a.events]),
    ),
  ].join('\n');
}

function funnelTable(group: { customers: number; steps: readonly FunnelStep[] }): string {
  return formatTable(
    ['step', 'customers', 'from previous', 'from start', 'dropped', 'median time', 'p90 time'],
    group.steps.map((step) => [
      step.name,
      step.customers,
      percent(step.conversionFromPrevious.rate),
      percent(step.conversionFromStart.rate),
      step.droppedOff,
      step.timeFromPrevious?.medianSeconds == null ? '-' : formatSeconds(step.timeFromPrevious.medianSeconds),
      step.timeFromPrevious?.p90Seconds == null ? '-' : formatSeconds(step.timeFromPrevious.p90Seconds),
    ]),
  );
}

function percent(rate: number | null): string {
  return rate === null ? '-' : `${(100 * rate).toFixed(1)}%`;
}
