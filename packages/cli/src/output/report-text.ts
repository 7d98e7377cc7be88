import type { ReportName, ReportTypes } from '@waymark/core';
import { formatNumber, formatSeconds, formatTable } from './table.ts';

/** The readable (non-JSON) form of each report. */
export function reportText<K extends ReportName>(name: K, report: ReportTypes[K]): string {
  if (name === 'dfg') {
    const dfg = report as ReportTypes['dfg'];
    return [
      `${formatNumber(dfg.cases)} customers, ${formatNumber(dfg.events)} events, ${dfg.activities.length} activities, ${dfg.edges.length} edges`,
      '',
      formatTable(
        ['from', 'to', 'count', 'median'],
        dfg.edges.map((e) => [e.from, e.to, e.count, formatSeconds(e.medianSeconds)]),
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
