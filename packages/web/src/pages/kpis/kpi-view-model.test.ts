import {
  DEFAULT_KPI_SETTINGS,
  type KpiSet,
  type KpisReport,
  kpiDefinitions,
  kpiSet,
  SLOT,
  SLOT_COUNT,
} from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../report-filter/report-filter.ts';
import { formatCount, formatKpi, kpiSpec } from './kpi-catalog.ts';
import { kpiChartData } from './kpi-chart-data.ts';
import { contactRows, kpiRows, surveyRows } from './kpi-rows.ts';
import { kpisQuery, parseGroupBy, readThresholds } from './kpis-params.ts';

/** A KPI set from raw counts, as the kernel builds one. */
function kpis(counts: Partial<Record<keyof typeof SLOT, number>>): KpiSet {
  const cell = new Float64Array(SLOT_COUNT);
  for (const [slot, value] of Object.entries(counts)) cell[SLOT[slot as keyof typeof SLOT]] = value;
  return kpiSet(cell, 0, DEFAULT_KPI_SETTINGS);
}

const phone = kpis({ contacts: 4, offered: 4, answered: 3, fcrWindowClosed: 4, fcrResolved: 3 });
const chat = kpis({ contacts: 1, offered: 1, answered: 1, fcrWindowClosed: 1, fcrResolved: 0 });
const email = kpis({ npsPromoters: 2, npsDetractors: 1 });
const total = kpis({
  contacts: 5,
  offered: 5,
  answered: 4,
  fcrWindowClosed: 5,
  fcrResolved: 3,
  npsPromoters: 2,
  npsDetractors: 1,
});

const report = (groups: KpisReport['groups'] = []): KpisReport => ({
  definitions: kpiDefinitions(DEFAULT_KPI_SETTINGS, 0),
  journey: null,
  by: 'channel',
  total: {
    name: 'total',
    isTotal: true,
    kpis: total,
    by: [
      { name: 'phone', kpis: phone },
      { name: 'chat', kpis: chat },
      { name: 'email', kpis: email },
    ],
  },
  groups,
});

describe('KPI page view model', () => {
  it('lists the total and the by groups, then each breakdown group the same way', () => {
    const plain = kpiRows(report());
    expect(plain.map((r) => [r.group, r.name, r.kind])).toEqual([
      ['All customers', 'Total', 'total'],
      ['All customers', 'phone', 'by'],
      ['All customers', 'chat', 'by'],
      ['All customers', 'email', 'by'],
    ]);
    // Each table keeps the groups it has something to say about.
    expect(contactRows(plain).map((r) => r.name)).toEqual(['Total', 'phone', 'chat']);
    expect(surveyRows(plain).map((r) => r.name)).toEqual(['Total', 'email']);
    const split = kpiRows(report([{ name: 'vip', isTotal: false, kpis: phone, by: [{ name: 'phone', kpis: phone }] }]));
    expect(split.slice(4).map((r) => [r.group, r.name, r.kind])).toEqual([
      ['vip', 'Total', 'total'],
      ['vip', 'phone', 'by'],
    ]);
  });

  it('charts a KPI over the groups that have a denominator for it, a series per breakdown group', () => {
    const fcr = kpiSpec('firstContactResolution');
    if (fcr === undefined) throw new Error('no FCR');
    expect(kpiChartData(report(), fcr)).toEqual({
      categories: ['phone', 'chat'],
      series: [
        {
          name: 'All customers',
          readings: [
            { value: 0.75, numerator: 3, denominator: 4 },
            { value: 0, numerator: 0, denominator: 1 },
          ],
        },
      ],
    });
    const split = kpiChartData(
      report([{ name: 'vip', isTotal: false, kpis: chat, by: [{ name: 'chat', kpis: chat }] }]),
      fcr,
    );
    expect(split.series).toEqual([{ name: 'vip', readings: [null, { value: 0, numerator: 0, denominator: 1 }] }]);
    const nps = kpiSpec('nps');
    if (nps === undefined) throw new Error('no NPS');
    expect(kpiChartData(report(), nps).series[0]?.readings).toEqual([
      { value: (100 * 1) / 3, numerator: 1, denominator: 3 },
    ]);
    expect(kpiChartData({ ...report(), by: null }, nps)).toEqual({ categories: [], series: [] });
  });

  it('formats each kind of KPI', () => {
    expect(formatKpi('rate', 0.751)).toBe('75.1%');
    expect(formatKpi('nps', 12.345)).toBe('+12.3');
    expect(formatKpi('nps', -2.05)).toBe('−2.1');
    expect(formatKpi('nps', 0)).toBe('0.0');
    expect(formatKpi('mean', 5.0487)).toBe('5.05');
    expect(formatKpi('seconds', 4942)).toBe('1 h 22 min');
    expect(formatKpi('rate', null)).toBe('–');
    expect(formatCount('seconds', 'numerator', 120)).toBe('2 min');
    expect(formatCount('nps', 'numerator', -6)).toBe('−6');
  });

  it('asks for the view in the address: the journey only for stages and touchpoints', () => {
    const thresholds = readThresholds(new URLSearchParams('fcrDays=3&excludeShortAbandons=false'));
    expect(kpisQuery({ ...EMPTY_FILTER, from: '2026-02-01' }, 'channel', thresholds, 'shop')).toBe(
      'by=channel&fcrDays=3&excludeShortAbandons=false&from=2026-02-01',
    );
    const none = readThresholds(new URLSearchParams());
    expect(kpisQuery(EMPTY_FILTER, 'stage', none, 'shop')).toBe('journey=shop&by=stage');
    expect(kpisQuery({ ...EMPTY_FILTER, breakdown: 'traits.tier' }, 'none', none, 'shop')).toBe(
      'breakdown=traits.tier',
    );
    expect(parseGroupBy('touchpoint')).toBe('touchpoint');
    expect(parseGroupBy('agent')).toBeNull();
  });
});
