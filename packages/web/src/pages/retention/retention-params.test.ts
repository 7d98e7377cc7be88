import { describe, expect, it } from 'vitest';
import { cohortLabel, heatColour, parsePeriod, periodLabel } from './retention-params.ts';

describe('retention params', () => {
  it('reads periods and names them', () => {
    expect(parsePeriod('month')).toBe('month');
    expect(parsePeriod('year')).toBeNull();
    expect(periodLabel('week', 0)).toBe('Week 0');
    expect(periodLabel('day', 12)).toBe('Day 12');
  });

  it('names cohorts by their calendar period, in UTC', () => {
    expect(cohortLabel('2026-01-05', 'day')).toMatch(/Jan.*5.*2026/);
    expect(cohortLabel('2026-01-05', 'week')).toMatch(/Jan.*5.*11.*2026/);
    expect(cohortLabel('2026-02-01', 'month')).toMatch(/February.*2026/);
    expect(cohortLabel('soon', 'week')).toBe('soon');
  });

  it('colours rates from pale to strong, with readable text', () => {
    expect(heatColour(0)).toEqual({ background: '#f8f9fb', color: '#98a1b2' });
    expect(heatColour(0.0001).background).toBe('rgb(236, 240, 255)');
    expect(heatColour(1)).toEqual({ background: 'rgb(59, 91, 219)', color: '#ffffff' });
    expect(heatColour(0.04).background).not.toBe(heatColour(0.0001).background);
  });
});
