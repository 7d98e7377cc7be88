import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import type { MatchTable } from '../matching/match-table.ts';
import { type Rate, rate } from '../shared/time-stats.ts';

export type RetentionPeriod = 'day' | 'week' | 'month';

export interface RetentionCohort {
  /** The cohort's calendar period (UTC): `2026-01-05` (a Monday for weeks, the 1st for months). */
  cohort: string;
  customers: number;
  /**
   * `returned[k]`: customers with a return event in period k after their start (k = 0 is the
   * rest of the first period); null where period k has not fully passed for the whole cohort.
   */
  returned: Array<number | null>;
}

export interface RetentionReport {
  period: RetentionPeriod;
  periods: number;
  startEvent: string;
  returnEvent: string;
  cohorts: RetentionCohort[];
  /** Over all cohorts, period k: returned ÷ customers whose period k has fully passed. */
  overall: Rate[];
}

export interface RetentionInput {
  period: RetentionPeriod;
  periods: number;
  startEvent: string;
  returnEvent: string;
  /** Bit 0: the row can start a customer's cohort; bit 1: the row is a return. */
  table: MatchTable;
  scope: CustomerScope;
  /** The last event time in the data: periods ending after it are not yet observed. */
  dataEndMs: number;
}

const DAY_MS = 86_400_000;

/**
 * Retention by cohort: each customer's cohort is the period of their first start event; they
 * return in period k when a return event falls k periods (of 1 day, 7 days or 30 days) after
 * that start. Periods are counted from each customer's own start, cohorts by calendar.
 */
export function retention(rows: SortedRows, input: RetentionInput): RetentionReport {
  const { periods, table } = input;
  const periodMs = input.period === 'day' ? DAY_MS : input.period === 'week' ? 7 * DAY_MS : 30 * DAY_MS;
  const { rowStart, rowEnd, group } = input.scope;
  const ts = rows.timestampMs;
  const cohortIndex = new Map<number, number>();
  const cohortStarts: number[] = [];
  const customers: number[] = [];
  const returned: number[][] = [];
  // Per customer: observable periods (for the overall denominators).
  const observedCustomers = new Float64Array(periods);
  const observedReturns = new Float64Array(periods);
  const seen = new Uint8Array(periods);

  for (let r = 0; r < rows.runCount; r++) {
    if ((group[r] as number) < 0) continue;
    const end = rowEnd[r] as number;
    let row = rowStart[r] as number;
    while (row < end && (table.bits(rows, row) & 1) === 0) row++;
    if (row === end) continue;
    const startMs = ts[row] as number;
    const cohortMs = calendarStart(startMs, input.period);
    let c = cohortIndex.get(cohortMs);
    if (c === undefined) {
      c = cohortStarts.length;
      cohortIndex.set(cohortMs, c);
      cohortStarts.push(cohortMs);
      customers.push(0);
      returned.push(new Array<number>(periods).fill(0));
    }
    customers[c]++;
    seen.fill(0);
    for (row++; row < end; row++) {
      const k = Math.floor(((ts[row] as number) - startMs) / periodMs);
      if (k >= periods) break;
      if (seen[k] === 0 && (table.bits(rows, row) & 2) !== 0) seen[k] = 1;
    }
    const cohortReturns = returned[c] as number[];
    for (let k = 0; k < periods; k++) {
      if (seen[k] === 1) cohortReturns[k]++;
      if (startMs + (k + 1) * periodMs <= input.dataEndMs) {
        observedCustomers[k]++;
        observedReturns[k] += seen[k] as number;
      }
    }
  }

  const order = cohortStarts.map((_, i) => i).sort((a, b) => (cohortStarts[a] as number) - (cohortStarts[b] as number));
  const cohortLengthMs = (cohortMs: number): number =>
    input.period === 'month' ? calendarStart(cohortMs + 32 * DAY_MS, 'month') - cohortMs : periodMs;
  return {
    period: input.period,
    periods,
    startEvent: input.startEvent,
    returnEvent: input.returnEvent,
    cohorts: order.map((c) => {
      const cohortMs = cohortStarts[c] as number;
      // Period k has passed for every member when it has for the cohort's last possible start.
      const lastStart = cohortMs + cohortLengthMs(cohortMs);
      return {
        cohort: new Date(cohortMs).toISOString().slice(0, 10),
        customers: customers[c] as number,
        returned: (returned[c] as number[]).map((n, k) =>
          lastStart + (k + 1) * periodMs <= input.dataEndMs ? n : null,
        ),
      };
    }),
    overall: Array.from({ length: periods }, (_, k) =>
      rate(observedReturns[k] as number, observedCustomers[k] as number),
    ),
  };
}

/** The UTC start of the day, week (Monday) or month containing ms. */
export function calendarStart(ms: number, period: RetentionPeriod): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  if (period === 'day') return day;
  if (period === 'week') return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const date = new Date(day);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}
