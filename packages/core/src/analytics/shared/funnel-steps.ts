import { type Rate, rate, type TimeStats } from './time-stats.ts';

/** One step of a funnel (stage or event funnel): counts, conversion and time from the step before. */
export interface FunnelStep {
  name: string;
  /** Customers who reached this step after every earlier one, in order. */
  customers: number;
  conversionFromPrevious: Rate;
  conversionFromStart: Rate;
  /** Customers who reached the previous step but not this one (for the first: in scope but not reaching it). */
  droppedOff: number;
  /** From reaching the previous step to reaching this one (null for the first). */
  timeFromPrevious: TimeStats | null;
}

/**
 * Builds the step rows from counts: `reachedAt(s)` customers reached step s; the first step's
 * conversion is from `customers` in scope.
 */
export function funnelSteps(
  names: readonly string[],
  reachedAt: (s: number) => number,
  customers: number,
  times: readonly TimeStats[],
): FunnelStep[] {
  const first = names.length > 0 ? reachedAt(0) : 0;
  return names.map((name, s) => {
    const here = reachedAt(s);
    const previous = s === 0 ? customers : reachedAt(s - 1);
    return {
      name,
      customers: here,
      conversionFromPrevious: rate(here, previous),
      conversionFromStart: rate(here, first),
      droppedOff: previous - here,
      timeFromPrevious: s === 0 ? null : (times[s] as TimeStats),
    };
  });
}

/** Sums a per-(group, step) count table over groups: the total's count at step s. */
export function sumOverGroups(counts: Int32Array, groupCount: number, stepCount: number): (s: number) => number {
  return (s) => {
    let sum = 0;
    for (let g = 0; g < groupCount; g++) sum += counts[g * stepCount + s] as number;
    return sum;
  };
}

/**
 * Per-group counts from customers counted by depth (`byDepth[g * (stepCount + 1) + d]`: how
 * many reached exactly d steps in order): customers in scope, and `reached[g * stepCount + s]`,
 * those who reached step s — everyone deeper than s.
 */
export function countsByDepth(
  byDepth: Int32Array,
  groupCount: number,
  stepCount: number,
): { customers: Int32Array; reached: Int32Array } {
  const customers = new Int32Array(groupCount);
  const reached = new Int32Array(groupCount * stepCount);
  for (let g = 0; g < groupCount; g++) {
    let deeper = 0;
    for (let depth = stepCount; depth >= 1; depth--) {
      deeper += byDepth[g * (stepCount + 1) + depth] as number;
      reached[g * stepCount + depth - 1] = deeper;
    }
    customers[g] = deeper + (byDepth[g * (stepCount + 1)] as number);
  }
  return { customers, reached };
}
