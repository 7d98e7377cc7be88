import type { CustomerScope } from '../filter/customer-scope.ts';
import type { ActivityPostings } from '../matching/activity-postings.ts';
import type { RowMatcher } from '../matching/event-matcher.ts';
import { matchesEveryRow, matchTable } from '../matching/match-table.ts';
import { compareText, lowerBound } from '../shared/order.ts';
import { type Rate, rate } from '../shared/time-stats.ts';
import { type SplitKernel, sumCounts } from '../split/split-kernel.ts';

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
  /** Every customer in scope: their cohorts, and over all cohorts. */
  cohorts: RetentionCohort[];
  /** Over all cohorts, period k: returned ÷ customers whose period k has fully passed. */
  overall: Rate[];
  /**
   * With a breakdown, the same table per group (most customers first; groups without a
   * customer who has the start event are left out); empty without one.
   */
  groups: RetentionGroup[];
}

/** One breakdown group's cohort table. */
export interface RetentionGroup {
  name: string;
  /** The group's customers with a start event (the sum of its cohorts). */
  customers: number;
  cohorts: RetentionCohort[];
  overall: Rate[];
}

export interface RetentionInput {
  period: RetentionPeriod;
  periods: number;
  startEvent: string;
  returnEvent: string;
  /** What starts a customer's cohort, and what counts as a return. */
  start: RowMatcher;
  return: RowMatcher;
  scope: CustomerScope;
  /** Whether the scope carries a breakdown (groups then reported one by one). */
  breakdown: boolean;
  /** The last event time in the data: periods ending after it are not yet observed. */
  dataEndMs: number;
  /** The calendar: see {@link cohortCalendar}. */
  calendar: CohortCalendar;
  /** Each activity's rows, and the start and return activities, when each event is one activity (else null: every row is read). */
  postings: { postings: ActivityPostings; start: number; return: number } | null;
}

/** Cohorts by day number (days since 1970, UTC) over the days the data spans. */
export interface CohortCalendar {
  firstDay: number;
  /** Per day from firstDay: its cohort (the calendar period it falls in, counted from the first). */
  cohortOfDay: Int32Array;
  /** Per cohort: when its calendar period starts. */
  cohortStartMs: number[];
}

/** The cohorts of the days from firstMs to lastMs. */
export function cohortCalendar(firstMs: number, lastMs: number, period: RetentionPeriod): CohortCalendar {
  if (!(lastMs >= firstMs)) return { firstDay: 0, cohortOfDay: new Int32Array(0), cohortStartMs: [] };
  const firstDay = Math.floor(firstMs / DAY_MS);
  const days = Math.floor(lastMs / DAY_MS) - firstDay + 1;
  const cohortOfDay = new Int32Array(days);
  const cohortStartMs: number[] = [];
  for (let d = 0; d < days; d++) {
    const startMs = calendarStart((firstDay + d) * DAY_MS, period);
    if (cohortStartMs[cohortStartMs.length - 1] !== startMs) cohortStartMs.push(startMs);
    cohortOfDay[d] = cohortStartMs.length - 1;
  }
  return { firstDay, cohortOfDay, cohortStartMs };
}

/**
 * What part of the customers add up to, per breakdown group g (one group without a
 * breakdown), with C cohorts and K periods.
 */
export interface RetentionPart {
  /** Per group and cohort (`[g * C + c]`): customers. */
  customers: Int32Array;
  /** Per group, cohort and period (`[(g * C + c) * K + k]`): customers who returned. */
  returned: Int32Array;
  /** Per group and period (`[g * K + k]`): customers for whom it has fully passed, and those of them who returned. */
  observedCustomers: Int32Array;
  observedReturns: Int32Array;
}

const DAY_MS = 86_400_000;

/**
 * Retention by cohort: each customer's cohort is the period of their first start event; they
 * return in period k when a return event falls k periods (of 1 day, 7 days or 30 days) after
 * that start. Periods are counted from each customer's own start, cohorts by calendar.
 */
export const retentionKernel: SplitKernel<RetentionInput, RetentionPart, RetentionReport> = {
  collect(rows, input, runFrom, runTo) {
    const { periods, calendar } = input;
    const table = matchTable([input.start, input.return], input.start.activityOk.length);
    const periodMs = periodLengthMs(input.period);
    const { rowStart, rowEnd, group } = input.scope;
    const ts = rows.timestampMs;
    const cohortCount = calendar.cohortStartMs.length;
    const groupCount = input.scope.groupNames.length;
    const customers = new Int32Array(groupCount * cohortCount);
    const returned = new Int32Array(groupCount * cohortCount * periods);
    const observedReturns = new Int32Array(groupCount * periods);
    // Per group: customers by how many of their periods have fully passed (0…periods).
    const byPassed = new Int32Array(groupCount * (periods + 1));
    // Per period: the last customer (run) seen returning in it — no clearing per customer.
    const seenBy = new Int32Array(periods).fill(-1);

    // With one start and one return activity, their rows (postings) are walked alongside the
    // customers, in row order: a customer's other rows are never read. Where every row of the
    // activity matches (no channel or property condition), its rows are not even looked up.
    const postings = input.postings;
    const byPostings = postings !== null;
    const posted = postings?.postings.rows ?? new Int32Array(0);
    const firstRow = runFrom < runTo ? (rowStart[runFrom] as number) : 0;
    const postingsOf = (a: number): [number, number] => {
      const offsets = postings?.postings.offsets;
      if (offsets === undefined) return [0, 0];
      const end = offsets[a + 1] as number;
      return [lowerBound(posted, offsets[a] as number, end, firstRow), end];
    };
    let [startAt, startEnd] = postingsOf(postings?.start ?? -1);
    let [returnAt, returnEnd] = postingsOf(postings?.return ?? -1);
    const everyStart = byPostings && matchesEveryRow(table, postings.start, 0);
    const everyReturn = byPostings && matchesEveryRow(table, postings.return, 1);

    for (let r = runFrom; r < runTo; r++) {
      const g = group[r] as number;
      if (g < 0) continue;
      const end = rowEnd[r] as number;
      let row = rowStart[r] as number;
      if (byPostings) {
        while (startAt < startEnd && (posted[startAt] as number) < row) startAt++;
        row = end;
        for (; startAt < startEnd && (posted[startAt] as number) < end; startAt++) {
          const candidate = posted[startAt] as number;
          if (everyStart || (table.bits(rows, candidate) & 1) !== 0) {
            row = candidate;
            break;
          }
        }
      } else {
        while (row < end && (table.bits(rows, row) & 1) === 0) row++;
      }
      if (row === end) continue;
      const startMs = ts[row] as number;
      const c = g * cohortCount + (calendar.cohortOfDay[Math.floor(startMs / DAY_MS) - calendar.firstDay] as number);
      customers[c]++;
      // Period k has fully passed when startMs + (k + 1) periods is within the data.
      const passed = Math.max(0, Math.min(periods, Math.floor((input.dataEndMs - startMs) / periodMs)));
      byPassed[g * (periods + 1) + passed]++;
      // Each return row in the first `periods` periods: the first in its period counts.
      let q = row + 1;
      if (byPostings) {
        while (returnAt < returnEnd && (posted[returnAt] as number) <= row) returnAt++;
        q = returnAt;
      }
      for (; ; q++) {
        let later: number;
        if (byPostings) {
          if (q >= returnEnd) break;
          later = posted[q] as number;
        } else later = q;
        if (later >= end) break;
        const k = Math.floor(((ts[later] as number) - startMs) / periodMs);
        if (k >= periods) break;
        if (seenBy[k] === r || !(everyReturn || (table.bits(rows, later) & 2) !== 0)) continue;
        seenBy[k] = r;
        returned[c * periods + k]++;
        if (k < passed) observedReturns[g * periods + k]++;
      }
    }
    // Customers for whom period k has passed: those with more than k periods passed.
    const observedCustomers = new Int32Array(groupCount * periods);
    for (let g = 0; g < groupCount; g++) {
      let atLeast = 0;
      for (let k = periods - 1; k >= 0; k--) {
        atLeast += byPassed[g * (periods + 1) + k + 1] as number;
        observedCustomers[g * periods + k] = atLeast;
      }
    }
    return { customers, returned, observedCustomers, observedReturns };
  },

  merge(parts) {
    return {
      customers: sumCounts(parts.map((part) => part.customers)),
      returned: sumCounts(parts.map((part) => part.returned)),
      observedCustomers: sumCounts(parts.map((part) => part.observedCustomers)),
      observedReturns: sumCounts(parts.map((part) => part.observedReturns)),
    };
  },

  finish(_rows, input, part) {
    const { periods } = input;
    const cohortCount = input.calendar.cohortStartMs.length;
    const groupNames = input.scope.groupNames;
    const groupCount = groupNames.length;
    const total = groupCount === 1 ? part : sumGroups(part, groupCount);
    const groups = input.breakdown
      ? groupNames
          .map((name, g) => {
            const table = cohortTable(input, {
              customers: part.customers.subarray(g * cohortCount, (g + 1) * cohortCount),
              returned: part.returned.subarray(g * cohortCount * periods, (g + 1) * cohortCount * periods),
              observedCustomers: part.observedCustomers.subarray(g * periods, (g + 1) * periods),
              observedReturns: part.observedReturns.subarray(g * periods, (g + 1) * periods),
            });
            return { name, customers: table.cohorts.reduce((sum, c) => sum + c.customers, 0), ...table };
          })
          .filter((group) => group.customers > 0)
          .sort((a, b) => b.customers - a.customers || compareText(a.name, b.name))
      : [];
    return {
      period: input.period,
      periods,
      startEvent: input.startEvent,
      returnEvent: input.returnEvent,
      ...cohortTable(input, total),
      groups,
    };
  },
};

/** The counts of every group added up: the total's part. */
function sumGroups(part: RetentionPart, groupCount: number): RetentionPart {
  const fold = (counts: Int32Array): Int32Array => {
    const width = counts.length / groupCount;
    const sum = new Int32Array(width);
    for (let g = 0; g < groupCount; g++) for (let i = 0; i < width; i++) sum[i] += counts[g * width + i] as number;
    return sum;
  };
  return {
    customers: fold(part.customers),
    returned: fold(part.returned),
    observedCustomers: fold(part.observedCustomers),
    observedReturns: fold(part.observedReturns),
  };
}

/** One group's (or the total's) cohorts and overall rates from its counts. */
function cohortTable(input: RetentionInput, part: RetentionPart): { cohorts: RetentionCohort[]; overall: Rate[] } {
  const { periods } = input;
  const periodMs = periodLengthMs(input.period);
  const cohortLengthMs = (cohortMs: number): number =>
    input.period === 'month' ? calendarStart(cohortMs + 32 * DAY_MS, 'month') - cohortMs : periodMs;
  const cohorts: RetentionCohort[] = [];
  input.calendar.cohortStartMs.forEach((cohortMs, c) => {
    const customers = part.customers[c] as number;
    if (customers === 0) return;
    // Period k has passed for every member when it has for the cohort's last possible start.
    const lastStart = cohortMs + cohortLengthMs(cohortMs);
    cohorts.push({
      cohort: new Date(cohortMs).toISOString().slice(0, 10),
      customers,
      returned: Array.from({ length: periods }, (_, k) =>
        lastStart + (k + 1) * periodMs <= input.dataEndMs ? (part.returned[c * periods + k] as number) : null,
      ),
    });
  });
  return {
    cohorts,
    overall: Array.from({ length: periods }, (_, k) =>
      rate(part.observedReturns[k] as number, part.observedCustomers[k] as number),
    ),
  };
}

function periodLengthMs(period: RetentionPeriod): number {
  return period === 'day' ? DAY_MS : period === 'week' ? 7 * DAY_MS : 30 * DAY_MS;
}

/** The UTC start of the day, week (Monday) or month containing ms. */
export function calendarStart(ms: number, period: RetentionPeriod): number {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  if (period === 'day') return day;
  if (period === 'week') return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const date = new Date(day);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}
