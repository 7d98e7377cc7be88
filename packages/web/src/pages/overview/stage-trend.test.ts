import type { StageFunnelReport } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { stageTrends, trendPeriods } from './stage-trend.ts';

describe('stage trend periods', () => {
  it('compares the last 28 whole days with the 28 before', () => {
    expect(trendPeriods('2026-01-05T08:00:00Z', '2026-03-29T21:15:00Z')).toEqual({
      days: 28,
      current: { from: '2026-03-02', to: '2026-03-30' },
      previous: { from: '2026-02-02', to: '2026-03-02' },
    });
  });

  it('halves a shorter span, and gives up under two days', () => {
    expect(trendPeriods('2026-01-01T00:00:00Z', '2026-01-10T12:00:00Z')).toMatchObject({
      days: 5,
      current: { from: '2026-01-06', to: '2026-01-11' },
      previous: { from: '2026-01-01', to: '2026-01-06' },
    });
    expect(trendPeriods('2026-01-01T00:00:00Z', '2026-01-01T23:00:00Z')).toBeNull();
  });
});

describe('stage trends', () => {
  const report = (rates: Array<number | null>) =>
    ({
      total: {
        steps: rates.map((rate, s) => ({
          name: `S${s}`,
          conversionFromPrevious: { rate, numerator: 0, denominator: 0 },
        })),
      },
    }) as unknown as StageFunnelReport;

  it('gives each stage its rate and the change in points', () => {
    const trends = stageTrends(report([0.5, 0.25, null]), report([0.4, 0.3, 0.1]));
    expect(trends.map((t) => t.stage)).toEqual(['S0', 'S1', 'S2']);
    expect(trends[0]?.changePoints).toBeCloseTo(10);
    expect(trends[1]?.changePoints).toBeCloseTo(-5);
    expect(trends[2]).toEqual({ stage: 'S2', rate: null, changePoints: null });
  });
});
