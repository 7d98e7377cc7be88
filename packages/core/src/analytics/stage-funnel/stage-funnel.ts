import type { SortedRows } from '../../journey-index/sort.ts';
import type { CustomerScope } from '../filter/customer-scope.ts';
import { type FunnelStep, funnelSteps, sumOverGroups } from '../shared/funnel-steps.ts';
import { GroupedDurations } from '../shared/grouped-durations.ts';
import type { TimeStats } from '../shared/time-stats.ts';

/** A stage funnel step: a funnel step, plus how many reached the stage in any order. */
export interface StageFunnelStep extends FunnelStep {
  /** Customers with any event in this stage, whatever the order. */
  reachedAnyOrder: number;
}

export interface StageFunnelGroup {
  name: string;
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
  stageOfRow: Int32Array;
  scope: CustomerScope;
  windowSeconds: number;
  /** Whether the scope carries a breakdown (groups then reported one by one). */
  breakdown: boolean;
}

/**
 * The stage funnel: per customer, how far along the stages in order they got. Without a
 * window, each stage counts at its first event after the previous stage was reached (greedy
 * earliest, which reaches as far as any choice would). With a window, a stage counts when its
 * event comes within the window of the latest event of the previous stage reached in order.
 */
export function stageFunnel(rows: SortedRows, input: StageFunnelInput): StageFunnelReport {
  const stageCount = input.stages.length;
  const { rowStart, rowEnd, group, groupNames } = input.scope;
  const groupCount = groupNames.length;
  const reached = new Int32Array(groupCount * stageCount);
  const reachedAny = new Int32Array(groupCount * stageCount);
  const customers = new Int32Array(groupCount);
  const durations = new GroupedDurations(groupCount, stageCount);
  const stageOf = input.stageOfRow;
  const ts = rows.timestampMs;
  const windowMs = input.windowSeconds * 1000;
  const windowed = Number.isFinite(windowMs);
  const latest = new Float64Array(stageCount);
  const allBits = (1 << stageCount) - 1;

  for (let r = 0; r < rows.runCount; r++) {
    const g = group[r] as number;
    if (g < 0) continue;
    customers[g]++;
    const start = rowStart[r] as number;
    const end = rowEnd[r] as number;
    const base = g * stageCount;
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
        if (s > 0) durations.add(g, s, (t - previousMs) / 1000);
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
          if (s > reachedMax) durations.add(g, s, (t - previous) / 1000);
        }
        latest[s] = t;
        if (s > reachedMax) reachedMax = s;
      }
    }
    for (let s = 0; s <= reachedMax; s++) reached[base + s]++;
    for (let s = 0; s < stageCount; s++) if ((anyBits >> s) & 1) reachedAny[base + s]++;
  }

  const stats = durations.summarise(input.breakdown);
  const groupOf = (g: number, name: string, times: TimeStats[]): StageFunnelGroup => ({
    name,
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
}

function steps(
  stages: readonly string[],
  reachedAt: (s: number) => number,
  anyAt: (s: number) => number,
  customers: number,
  times: TimeStats[],
): StageFunnelStep[] {
  return funnelSteps(stages, reachedAt, customers, times).map((step, s) => ({ ...step, reachedAnyOrder: anyAt(s) }));
}
