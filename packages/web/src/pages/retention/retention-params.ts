import type { RetentionPeriod } from '@waymark/core';

/** The retention page's own address parameters, named as the API names them. */
export const RETENTION_PARAMS = ['startEvent', 'returnEvent', 'period', 'periods'] as const;

export const PERIODS: ReadonlyArray<{ value: RetentionPeriod; label: string }> = [
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
];
export const DEFAULT_PERIOD: RetentionPeriod = 'week';
export const PERIOD_COUNTS = [4, 6, 8, 12, 16, 26, 52] as const;
export const DEFAULT_PERIOD_COUNT = 8;

export const parsePeriod = (text: string | null): RetentionPeriod | null =>
  text === 'day' || text === 'week' || text === 'month' ? text : null;

/** "Week 0", "Day 3", "Month 1": period k after each customer's start. */
export function periodLabel(period: RetentionPeriod, k: number): string {
  return `${period[0]?.toUpperCase()}${period.slice(1)} ${k}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A cohort as people read it: a day, a week as its first and last day, a month by name.
 *
 * @example cohortLabel('2026-01-05', 'week') // "Jan 5 – 11, 2026" (en-US)
 */
export function cohortLabel(cohort: string, period: RetentionPeriod): string {
  const start = new Date(`${cohort}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return cohort;
  if (period === 'day') return dayFormat.format(start);
  if (period === 'month') return monthFormat.format(start);
  return dayFormat.formatRange(start, new Date(start.getTime() + 6 * 86_400_000));
}

/**
 * The heat-map colour of a rate: pale to the accent blue, grey for none. The square root spreads the small
 * rates of later periods apart, which a linear scale would leave all nearly white.
 */
export function heatColour(rate: number): { background: string; color: string } {
  // Nobody came back: the table's own quiet grey, so the cells with returns stand out.
  if (rate <= 0) return { background: '#f8f9fb', color: '#98a1b2' };
  const t = Math.sqrt(Math.max(0, Math.min(1, rate)));
  const low = [238, 242, 255];
  const high = [59, 91, 219];
  const mix = low.map((from, i) => Math.round(from + ((high[i] as number) - from) * t));
  return { background: `rgb(${mix.join(', ')})`, color: t > 0.55 ? '#ffffff' : '#1d2433' };
}
