import type { CustomerScope } from '../filter/customer-scope.ts';
import type { RowMatcher } from '../matching/event-matcher.ts';
import { countsByDepth, type FunnelStep, funnelSteps, sumOverGroups } from '../shared/funnel-steps.ts';
import {
  type DurationCells,
  GroupedDurations,
  mergeDurationCells,
  summariseDurations,
} from '../shared/grouped-durations.ts';
import type { TimeStats } from '../shared/time-stats.ts';
import { type SplitKernel, sumCounts } from '../split/split-kernel.ts';
import { StepProgress } from './step-progress.ts';

export type FunnelMode = 'ordered' | 'strict' | 'any';

export interface EventFunnelGroup {
  name: string;
  /** True on the report's `total` (every customer in scope), false on breakdown groups: a group may be named "total". */
  isTotal: boolean;
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
}

/** The report as the kernel leaves it: drop-off customers as runs, named on the calling thread. */
export type EventFunnelCounts = Omit<EventFunnelReport, 'dropOff'> & {
  dropOff: { afterStep: number; count: number; runs: number[] } | null;
};

/** What part of the customers add up to. */
export interface EventFunnelPart {
  /** Per group, customers by how many steps they reached (0…stepCount). */
  byDepth: Int32Array;
  stepTimes: DurationCells;
  convertTimes: DurationCells;
  dropOffCount: number;
  /** The first `dropOffLimit` drop-off customers of the part, in customer order. */
  dropOffRuns: number[];
}

/**
 * The event funnel: per customer, the furthest step reached with every step within the
 * window of the first. Ordered: steps in order, anything in between. Strict: each step the
 * very next event. Any: that many distinct steps within one window, in any order.
 */
export const eventFunnelKernel: SplitKernel<EventFunnelInput, EventFunnelPart, EventFunnelCounts> = {
  collect(rows, input, runFrom, runTo) {
    const stepCount = input.steps.length;
    const { group, groupNames } = input.scope;
    const groupCount = groupNames.length;
    const byDepth = new Int32Array(groupCount * (stepCount + 1));
    const stepTimes = new GroupedDurations(groupCount, stepCount, runTo - runFrom);
    const convertTimes = new GroupedDurations(groupCount, 1, runTo - runFrom);
    const progress = new StepProgress(rows, input);
    const dropOffRuns: number[] = [];
    let dropOffCount = 0;
    const dropStep = input.dropOffAfterStep === null ? -2 : input.dropOffAfterStep - 1;
    const timed = input.mode !== 'any';

    for (let r = runFrom; r < runTo; r++) {
      const g = group[r] as number;
      if (g < 0) continue;
      progress.run(r);
      const furthest = progress.furthest;
      byDepth[g * (stepCount + 1) + furthest + 1]++;
      if (timed) {
        for (let s = 1; s <= furthest; s++) stepTimes.add(g, s, progress.msFromPrevious[s] as number);
        if (furthest === stepCount - 1 && stepCount > 1) convertTimes.add(g, 0, progress.msToConvert);
      }
      if (furthest === dropStep) {
        dropOffCount++;
        if (dropOffRuns.length < input.dropOffLimit) dropOffRuns.push(r);
      }
    }
    return { byDepth, stepTimes: stepTimes.cells(), convertTimes: convertTimes.cells(), dropOffCount, dropOffRuns };
  },

  merge(parts) {
    return {
      byDepth: sumCounts(parts.map((part) => part.byDepth)),
      stepTimes: mergeDurationCells(parts.map((part) => part.stepTimes)),
      convertTimes: mergeDurationCells(parts.map((part) => part.convertTimes)),
      dropOffCount: parts.reduce((sum, part) => sum + part.dropOffCount, 0),
      dropOffRuns: parts.flatMap((part) => part.dropOffRuns),
    };
  },

  finish(_rows, input, part) {
    const stepCount = input.steps.length;
    const groupNames = input.scope.groupNames;
    const groupCount = groupNames.length;
    const { customers, reached } = countsByDepth(part.byDepth, groupCount, stepCount);
    const steps = summariseDurations(part.stepTimes, groupCount, stepCount, input.breakdown);
    const converts = summariseDurations(part.convertTimes, groupCount, 1, input.breakdown);
    const timed = input.mode !== 'any';
    // The total is entry(null, …): named "total", flagged isTotal.
    const entry = (
      name: string | null,
      count: number,
      at: (s: number) => number,
      times: TimeStats[],
      convert: TimeStats | undefined,
    ): EventFunnelGroup => ({
      name: name ?? 'total',
      isTotal: name === null,
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
      total: entry(null, totalCustomers, sumOverGroups(reached, groupCount, stepCount), steps.total, converts.total[0]),
      groups,
      dropOff:
        input.dropOffAfterStep === null
          ? null
          : {
              afterStep: input.dropOffAfterStep,
              count: part.dropOffCount,
              runs: part.dropOffRuns.slice(0, input.dropOffLimit),
            },
    };
  },
};
