import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import type { RowMatcher } from '../matching/event-matcher.ts';
import { type FunnelStep, funnelSteps, sumOverGroups } from '../shared/funnel-steps.ts';
import { GroupedDurations } from '../shared/grouped-durations.ts';
import type { TimeStats } from '../shared/time-stats.ts';
import { stepProgress } from './step-progress.ts';

export type FunnelMode = 'ordered' | 'strict' | 'any';

export interface EventFunnelGroup {
  name: string;
  customers: number;
  steps: FunnelStep[];
  /** From the first step to the last, for customers who converted (null in any-order mode). */
  timeToConvert: TimeStats | null;
}

export interface EventFunnelReport {
  funnel: string;
  mode: FunnelMode;
  windowSeconds: number | null;
  steps: string[];
  total: EventFunnelGroup;
  groups: EventFunnelGroup[];
  /** When asked for: customers who reached `afterStep` (1-based) but not the next step. */
  dropOff: { afterStep: number; count: number; customers: string[] } | null;
}

export interface EventFunnelInput {
  funnel: string;
  stepNames: readonly string[];
  steps: readonly RowMatcher[];
  exclusions: ReadonlyArray<{ matcher: RowMatcher; afterStep: number; beforeStep: number }>;
  mode: FunnelMode;
  windowSeconds: number;
  scope: CustomerScope;
  breakdown: boolean;
  /** List the customers who dropped off after this step (1-based), up to `dropOffLimit`. */
  dropOffAfterStep: number | null;
  dropOffLimit: number;
  customerName(run: number): string;
}

/**
 * The event funnel: per customer, the furthest step reached with every step within the
 * window of the first. Ordered: steps in order, anything in between. Strict: each step the
 * very next event. Any: that many distinct steps within one window, in any order.
 */
export function eventFunnel(rows: SortedRows, input: EventFunnelInput): EventFunnelReport {
  const stepCount = input.steps.length;
  const { group, groupNames } = input.scope;
  const groupCount = groupNames.length;
  const reached = new Int32Array(groupCount * stepCount);
  const customers = new Int32Array(groupCount);
  const stepTimes = new GroupedDurations(groupCount, stepCount);
  const convertTimes = new GroupedDurations(groupCount, 1);
  const progress = stepProgress(rows, input);
  const dropOffRuns: number[] = [];
  let dropOffCount = 0;
  const dropStep = input.dropOffAfterStep === null ? -2 : input.dropOffAfterStep - 1;

  for (let r = 0; r < rows.runCount; r++) {
    const g = group[r] as number;
    if (g < 0) continue;
    customers[g]++;
    const outcome = progress.run(r);
    for (let s = 0; s < outcome.furthest + 1; s++) reached[g * stepCount + s]++;
    for (let s = 1; s <= outcome.furthest; s++) {
      const seconds = outcome.secondsFromPrevious[s] as number;
      if (!Number.isNaN(seconds)) stepTimes.add(g, s, seconds);
    }
    if (outcome.furthest === stepCount - 1 && !Number.isNaN(outcome.secondsToConvert)) {
      convertTimes.add(g, 0, outcome.secondsToConvert);
    }
    if (outcome.furthest === dropStep) {
      dropOffCount++;
      if (dropOffRuns.length < input.dropOffLimit) dropOffRuns.push(r);
    }
  }

  const steps = stepTimes.summarise(input.breakdown);
  const converts = convertTimes.summarise(input.breakdown);
  const timed = input.mode !== 'any';
  const entry = (
    name: string,
    count: number,
    at: (s: number) => number,
    times: TimeStats[],
    convert: TimeStats | undefined,
  ): EventFunnelGroup => ({
    name,
    customers: count,
    steps: funnelSteps(input.stepNames, at, count, times),
    timeToConvert: timed ? (convert ?? null) : null,
  });
  let totalCustomers = 0;
  for (let g = 0; g < groupCount; g++) totalCustomers += customers[g] as number;
  const groups = input.breakdown
    ? groupNames
        .map((name, g) =>
          entry(
            name,
            customers[g] as number,
            (s) => reached[g * stepCount + s] as number,
            steps.byGroup[g] as TimeStats[],
            converts.byGroup[g]?.[0],
          ),
        )
        .filter((e) => e.customers > 0)
        .sort((a, b) => b.customers - a.customers || (a.name < b.name ? -1 : 1))
    : [];
  return {
    funnel: input.funnel,
    mode: input.mode,
    windowSeconds: Number.isFinite(input.windowSeconds) ? input.windowSeconds : null,
    steps: [...input.stepNames],
    total: entry(
      'total',
      totalCustomers,
      sumOverGroups(reached, groupCount, stepCount),
      steps.total,
      converts.total[0],
    ),
    groups,
    dropOff:
      input.dropOffAfterStep === null
        ? null
        : { afterStep: input.dropOffAfterStep, count: dropOffCount, customers: dropOffRuns.map(input.customerName) },
  };
}
