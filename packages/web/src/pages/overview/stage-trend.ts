import type { StageFunnelReport } from '@waymark/core';

const DAY_MS = 86_400_000;

/** Two equal spans of whole UTC days, the latest ending with the day of the last event. */
export interface TrendPeriods {
  days: number;
  /** ISO dates: `from` inclusive, `to` exclusive (as the report filter reads them). */
  current: { from: string; to: string };
  previous: { from: string; to: string };
}

/**
 * The periods a trend compares: the last `days` days of the data against the `days` before,
 * shortened to half the data's span when there is less than twice that; null when the data
 * spans fewer than two days.
 */
export function trendPeriods(firstIso: string, lastIso: string, days = 28): TrendPeriods | null {
  const firstDay = Math.floor(Date.parse(firstIso) / DAY_MS);
  const endDay = Math.floor(Date.parse(lastIso) / DAY_MS) + 1;
  const span = Math.min(days, Math.floor((endDay - firstDay) / 2));
  if (!(span >= 1)) return null;
  const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  return {
    days: span,
    current: { from: iso(endDay - span), to: iso(endDay) },
    previous: { from: iso(endDay - 2 * span), to: iso(endDay - span) },
  };
}

/** Per stage: the conversion from the stage before (from customers in scope for the first) in one period, and its change. */
export interface StageTrend {
  stage: string;
  rate: number | null;
  /** Change in percentage points against the previous period; null when either rate is. */
  changePoints: number | null;
}

export function stageTrends(current: StageFunnelReport, previous: StageFunnelReport): StageTrend[] {
  return current.total.steps.map((step, s) => {
    const rate = step.conversionFromPrevious.rate;
    const before = previous.total.steps[s]?.conversionFromPrevious.rate ?? null;
    return { stage: step.name, rate, changePoints: rate === null || before === null ? null : (rate - before) * 100 };
  });
}
