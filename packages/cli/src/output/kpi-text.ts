import type { KpiGroup, KpiSet, KpisReport, Rate } from '@waymark/core';
import { formatNumber, formatSeconds, formatTable } from './table.ts';

/** The KPI rows of the readable table: a label and how to show one group's value. */
const ROWS: ReadonlyArray<readonly [string, (k: KpiSet) => string | number]> = [
  ['contacts', (k) => k.contactCentre.contacts],
  ['offered', (k) => k.contactCentre.offered],
  ['answered', (k) => k.contactCentre.answered],
  ['abandoned in queue', (k) => k.contactCentre.abandoned],
  ['short abandons', (k) => k.contactCentre.shortAbandons],
  ['abandon rate', (k) => percent(k.contactCentre.abandonRate)],
  ['average speed of answer', (k) => seconds(k.contactCentre.averageSpeedOfAnswer.seconds)],
  ['average handle time', (k) => seconds(k.contactCentre.averageHandleTime.seconds)],
  ['service level', (k) => percent(k.contactCentre.serviceLevel)],
  ['first-contact resolution', (k) => percent(k.contactCentre.firstContactResolution)],
  ['repeat-contact rate', (k) => percent(k.contactCentre.repeatContactRate)],
  ['transfer rate', (k) => percent(k.contactCentre.transferRate)],
  ['containment', (k) => percent(k.contactCentre.containment)],
  ['NPS', (k) => nps(k)],
  ['NPS answers (promoters/passives/detractors)', (k) => npsCounts(k)],
  ['CSAT (top-two box)', (k) => percent(k.voiceOfCustomer.csat)],
  ['CSAT answers (1/2/3/4/5)', (k) => Object.values(k.voiceOfCustomer.csat.counts).join('/')],
  ['CES mean (1–7)', (k) => score(k.voiceOfCustomer.ces.mean.score)],
  ['CES scoring 5–7', (k) => percent(k.voiceOfCustomer.ces.scoring5to7)],
];

/** The `kpis` report as text: one table per breakdown group, KPIs down, `by` groups across. */
export function kpiText(report: KpisReport): string {
  const s = report.definitions.settings;
  const header = [
    `KPIs${report.by === null ? '' : ` by ${report.by}${report.journey === null ? '' : ` (journey ${report.journey})`}`}`,
    `service level ${s.serviceLevelSeconds} s; short abandons (< ${s.shortAbandonSeconds} s) ${s.excludeShortAbandons ? 'excluded' : 'counted'}; FCR window ${s.fcrDays} d (closed by ${report.definitions.dataEnd ?? '-'}); containment ${s.containmentHours} h`,
  ];
  const sections = [header.join('\n'), '', groupTable(report.total)];
  for (const group of report.groups) sections.push('', `${group.name}:`, groupTable(group));
  return sections.join('\n');
}

function groupTable(group: KpiGroup): string {
  const columns = [{ name: 'total', kpis: group.kpis }, ...group.by];
  return formatTable(
    ['KPI', ...columns.map((c) => c.name)],
    ROWS.map(([label, value]) => [label, ...columns.map((c) => value(c.kpis))]),
  );
}

function percent(rate: Rate): string {
  return rate.rate === null ? '-' : `${(100 * rate.rate).toFixed(1)}%`;
}

function seconds(value: number | null): string {
  return value === null ? '-' : formatSeconds(value);
}

function score(value: number | null): string {
  return value === null ? '-' : formatNumber(Math.round(value * 100) / 100);
}

function nps(k: KpiSet): string {
  const value = k.voiceOfCustomer.nps.score;
  return value === null ? '-' : `${value > 0 ? '+' : ''}${value.toFixed(1)}`;
}

function npsCounts(k: KpiSet): string {
  const { promoters, passives, detractors } = k.voiceOfCustomer.nps;
  return `${promoters}/${passives}/${detractors}`;
}
