import type { CustomerScope } from '../filter/customer-scope.ts';
import { countsByDepth, type FunnelStep, funnelSteps, sumOverGroups } from '../shared/funnel-steps.ts';
import {
  type DurationCells,
  GroupedDurations,
  mergeDurationCells,
  summariseDurations,
} from '../shared/grouped-durations.ts';
import type { TimeStats } from '../shared/time-stats.ts';
import { type SplitKernel, sumCounts } from '../split/split-kernel.ts';

/** A stage funnel step: a funnel step, plus how many reached the stage in any order. */
export interface StageFunnelStep extends FunnelStep {
  /** Customers with any event in this stage, whatever the order. */
  reachedAnyOrder: number;
}

export interface StageFunnelGroup {
  name: string;
  /** True on the report's `total` (every customer in scope), false on breakdown groups: a group may be named "total". */
  isTotal: boolean;
  /** Customers in scope (the funnel's denominator before the first stage). */
  customers: number;
  steps: StageFunnelStep[];
}

export interface StageFunnelReport {
  journey: string;
  stages: string[];
  /** Longest time allowed between consecutive stages, null when unlimited. */
  windowSeconds: number | null;
  total: StageFunnelGroup;
  /** One per breakdown value, most customers first (empty without a breakdown). */
  groups: StageFunnelGroup[];
}

export interface StageFunnelInput {
  journey: string;
  stages: readonly string[];
  /** Each row's stage index (-1: no touchpoint of the journey). */
  stageOfRow: Int8Array;
  scope: CustomerScope;
  windowSeconds: number;
  /** Whether the scope carries a breakdown (groups then reported one by one). */
  breakdown: boolean;
}

/** What part of the customers add up to: customers by depth, stages reached, durations. */
export interface StageFunnelPart {
  /** Per group, customers by how many stages they reached in order (0…stageCount). */
  byDepth: Int32Array;
  /** Per group and stage, customers with any event in the stage. */
  reachedAny: Int32Array;
  /** Per group and stage, the time from the previous stage. */
  durations: DurationCells;
}

/**
 * The stage funnel: per customer, how far along the stages in order they got. Without a
 * window, each stage counts at its first event after the previous stage was reached (greedy
 * earliest, which reaches as far as any choice would). With a window, a stage counts when its
 * event comes within the window of the latest event of the previous stage reached in order.
 */
export const stageFunnelKernel: SplitKernel<StageFunnelInput, StageFunnelPart, StageFunnelReport> = {
  collect(rows, input, runFrom, runTo) {
    const stageCount = input.stages.length;
    const { rowStart, rowEnd, group, groupNames } = input.scope;
    const groupCount = groupNames.length;
    const depthWidth = stageCount + 1;
    const byDepth = new Int32Array(groupCount * depthWidth);
    const reachedAny = new Int32Array(groupCount * stageCount);
    const durations = new GroupedDurations(groupCount, stageCount, runTo - runFrom);
    const stageOf = input.stageOfRow;
    const ts = rows.timestampMs;
    const windowMs = input.windowSeconds * 1000;
    const windowed = Number.isFinite(windowMs);
    const latest = new Float64Array(stageCount);
    const allBits = 2 ** stageCount - 1;

    for (let r = runFrom; r < runTo; r++) {
      const g = group[r] as number;
      if (g < 0) continue;
      const start = rowStart[r] as number;
      const end = rowEnd[r] as number;
      let anyBits = 0;
      let reachedMax = -1;
      if (!windowed) {
        // Greedy: the next stage counts at its first row after the previous stage was reached.
        let previousMs = 0;
        for (let row = start; row < end; row++) {
          const s = stageOf[row] as number;
          if (s < 0) continue;
          anyBits |= 1 << s;
          if (s !== reachedMax + 1) continue;
          const t = ts[row] as number;
          if (s > 0) durations.add(g, s, t - previousMs);
          previousMs = t;
          reachedMax = s;
          if (reachedMax === stageCount - 1 && anyBits === allBits) break;
        }
      } else {
        latest.fill(Number.NaN);
        for (let row = start; row < end; row++) {
          const s = stageOf[row] as number;
          if (s < 0) continue;
          anyBits |= 1 << s;
          const t = ts[row] as number;
          if (s > 0) {
            const previous = latest[s - 1] as number;
            if (Number.isNaN(previous) || t - previous > windowMs) continue;
            if (s > reachedMax) durations.add(g, s, t - previous);
          }
          latest[s] = t;
          if (s > reachedMax) reachedMax = s;
        }
      }
      byDepth[g * depthWidth + reachedMax + 1]++;
      const base = g * stageCount;
      for (let bits = anyBits; bits !== 0; bits &= bits - 1) reachedAny[base + 31 - Math.clz32(bits & -bits)]++;
    }
    return { byDepth, reachedAny, durations: durations.cells() };
  },

  merge(parts) {
    return {
      byDepth: sumCounts(parts.map((part) => part.byDepth)),
      reachedAny: sumCounts(parts.map((part) => part.reachedAny)),
      durations: mergeDurationCells(parts.map((part) => part.durations)),
    };
  },

  finish(_rows, input, part) {
    const stageCount = input.stages.length;
    const groupNames = input.scope.groupNames;
    const groupCount = groupNames.length;
    const { byDepth, reachedAny } = part;
    const { customers, reached } = countsByDepth(byDepth, groupCount, stageCount);

    const stats = summariseDurations(part.durations, groupCount, stageCount, input.breakdown);
    const groupOf = (g: number, name: string, times: TimeStats[]): StageFunnelGroup => ({
      name,
      isTotal: false,
      customers: customers[g] as number,
      steps: steps(
        input.stages,
        (s) => reached[g * stageCount + s] as number,
        (s) => reachedAny[g * stageCount + s] as number,
        customers[g] as number,
        times,
      ),
    });
    let totalCustomers = 0;
    for (let g = 0; g < groupCount; g++) totalCustomers += customers[g] as number;
    const total: StageFunnelGroup = {
      name: 'total',
      isTotal: true,
      customers: totalCustomers,
      steps: steps(
        input.stages,
        sumOverGroups(reached, groupCount, stageCount),
        sumOverGroups(reachedAny, groupCount, stageCount),
        totalCustomers,
        stats.total,
      ),
    };
    const groups = input.breakdown
      ? groupNames
          .map((name, g) => groupOf(g, name, stats.byGroup[g] as TimeStats[]))
          .filter((entry) => entry.customers > 0)
          .sort((a, b) => b.customers - a.customers || (a.name < b.name ? -1 : 1))
      : [];
    return {
      journey: input.journey,
      stages: [...input.stages],
      windowSeconds: Number.isFinite(input.windowSeconds) ? input.windowSeconds : null,
      total,
      groups,
    };
  },
};

function steps(
  stages: readonly string[],
  reachedAt: (s: number) => number,
  anyAt: (s: number) => number,
  customers: number,
  times: TimeStats[],
): StageFunnelStep[] {
  return funnelSteps(stages, reachedAt, customers, times).map((step, s) => ({ ...step, reachedAnyOrder: anyAt(s) }));
}
